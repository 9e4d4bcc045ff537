// Fuzz target: the plain-text report reader (any bytes: decoding, section
// finding, table extraction, claims), then validation and JSON output.
#include <cstdint>
#include <string_view>

#include "ingest/reader.h"
#include "report/json.h"
#include "report/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gk::ingest::ReadOptions opts;
  opts.file_name = "fuzz.txt";
  auto r = gk::ingest::ReadReportBytes(bytes, opts);
  if (r.ok()) {
    auto findings = gk::report::Validate(*r);
    (void)gk::report::WriteReportJson(*r);
    (void)gk::report::WriteCheckResultJson("fuzz.txt", &*r, findings);
  }
  return 0;
}
