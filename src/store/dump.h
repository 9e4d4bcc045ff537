// A portable copy of a whole database, for backup, restore and moving
// between SQLite and PostgreSQL (`gongkai backup | restore | migrate`). Every
// table of the schema, in an order where parents come before the rows that
// name them, each in key order (the event chain in id order). Values travel
// as text (NULL kept); binary columns as upper-case hex. File format
// (docs/deploy.md): JSON lines — a header {"format":"gongkai-dump",
// "version":1,"schema":N}, then per table {"table":T,"columns":[…]} followed
// by one JSON array per row, then {"end":true,"rows":TOTAL}.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gk::store {

class Store;

struct DumpTable {
  std::string_view name;
  std::vector<std::string_view> columns;
  std::string_view order_by;              // key order of the rows
  std::string_view binary_column = "";    // stored as bytes, dumped as hex
  bool serial_id = false;                 // PostgreSQL: `id` from a sequence
};

// The tables of schema version kDumpSchema, in load order.
const std::vector<DumpTable>& DumpTables();
inline constexpr int kDumpSchema = 12;

using DumpValue = std::optional<std::string>;

// Receives a dump: a file being written, or a database being loaded.
class DumpWriter {
 public:
  virtual ~DumpWriter() = default;
  virtual Status BeginTable(const DumpTable& table) = 0;
  virtual Status Row(const std::vector<DumpValue>& values) = 0;
  // Completes it (a file: the end line and a sync; a database: the index
  // rebuilt, sequences reset, committed). Nothing is kept without it.
  virtual Status Finish() = 0;
};

// The dump file at `path`, created new (an existing file is refused).
Result<std::unique_ptr<DumpWriter>> DumpFileWriter(const std::string& path, int schema);
// Reads the dump file at `path` into `out` (then calls out.Finish()).
// `schema` is the target's schema version; a dump of another version is refused.
Status ReadDumpFile(const std::string& path, int schema, DumpWriter& out);

// Passes a dump on with the agencies reordered parents first (a parent's id
// may sort after its children's), so every row's parent exists when it is
// loaded. CopyDatabase and ReadDumpFile use it.
class ParentsFirst final : public DumpWriter {
 public:
  explicit ParentsFirst(DumpWriter& next) : next_(next) {}
  Status BeginTable(const DumpTable& table) override;
  Status Row(const std::vector<DumpValue>& values) override;
  Status Finish() override;

 private:
  Status Flush();
  DumpWriter& next_;
  bool buffering_ = false;
  std::vector<std::vector<DumpValue>> agencies_;
};

// Copies the whole of `from` into `out` (BeginTable and Row, then Finish).
Status CopyDatabase(Store& from, DumpWriter& out);

std::string HexEncode(std::string_view bytes);
Result<std::string> HexDecode(std::string_view hex);

}  // namespace gk::store
