// Fuzz target: the gongkai.annual-report/1 JSON reader; whatever it accepts
// must validate and write back without a crash, and re-read to the same JSON.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "report/json.h"
#include "report/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = gk::report::ReadReportJson(text);
  if (!r.ok()) return 0;
  auto findings = gk::report::Validate(*r);
  std::string out = gk::report::WriteReportJson(*r);
  auto again = gk::report::ReadReportJson(out);
  // What we write we must be able to read, unchanged.
  if (!again.ok() || gk::report::WriteReportJson(*again) != out) std::abort();
  (void)findings;
  return 0;
}
