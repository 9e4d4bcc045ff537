// Read-only access to a ZIP archive held in memory (DOCX, XLSX), through
// libzip. Entries are read whole, with a size cap against zip bombs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::ingest {

class ZipArchive {
 public:
  // The largest entry read (uncompressed bytes).
  static constexpr uint64_t kMaxEntryBytes = 64ull * 1024 * 1024;

  // `bytes` must outlive the archive. Unreadable when it is not a ZIP file.
  static Result<ZipArchive> Open(std::string_view bytes);

  bool Has(const std::string& name) const;
  // The entry's bytes; NotFound when absent, Unreadable when damaged or
  // larger than kMaxEntryBytes.
  Result<std::string> Read(const std::string& name) const;

 private:
  struct Closer {
    void operator()(void* z) const;
  };
  std::unique_ptr<void, Closer> zip_;
};

}  // namespace gk::ingest
