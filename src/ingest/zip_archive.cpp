#include "ingest/zip_archive.h"

#include <zip.h>

namespace gk::ingest {

void ZipArchive::Closer::operator()(void* z) const {
  if (z != nullptr) zip_discard(static_cast<zip_t*>(z));
}

Result<ZipArchive> ZipArchive::Open(std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    zip_error_fini(&err);
    return Status::Unreadable("not a ZIP archive");
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_source_free(src);
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    return Status::Unreadable("not a readable ZIP archive (" + msg + ")");
  }
  zip_error_fini(&err);
  ZipArchive a;
  a.zip_.reset(z);
  return a;
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(static_cast<zip_t*>(zip_.get()), name.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::Read(const std::string& name) const {
  zip_t* z = static_cast<zip_t*>(zip_.get());
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) return Status::NotFound(name + " is missing");
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxEntryBytes) {
    return Status::Unreadable(name + " is larger than 64 MiB");
  }
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (f == nullptr) return Status::Unreadable(name + " cannot be opened (damaged or encrypted)");
  std::string out;
  char buf[65536];
  for (;;) {
    const zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      return Status::Unreadable(name + " is damaged");
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > kMaxEntryBytes) {
      zip_fclose(f);
      return Status::Unreadable(name + " is larger than 64 MiB");
    }
  }
  zip_fclose(f);
  return out;
}

}  // namespace gk::ingest
