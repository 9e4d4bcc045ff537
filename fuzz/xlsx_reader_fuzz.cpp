// Fuzz target: the XLSX reader (libzip + pugixml): shared strings, merged ranges, cell references; the flattened text is then read as a report,
// validated and written as JSON, as `gongkai check` does.
#include <cstdint>
#include <string_view>

#include "ingest/xlsx_reader.h"
#include "ingest/text_reader.h"
#include "report/json.h"
#include "report/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // A ZIP goes through the whole reader; anything else is a worksheet's XML,
  // then (after a NUL byte, if any) the shared strings' XML.
  gk::Result<std::string> text = gk::Status::Ok();
  if (bytes.substr(0, 2) == "PK") {
    text = gk::ingest::XlsxToText(bytes);
  } else {
    const size_t nul = bytes.find('\0');
    text = gk::ingest::SheetXmlToText(bytes.substr(0, nul),
                                      nul == std::string_view::npos ? "" : bytes.substr(nul + 1));
  }
  if (!text.ok()) return 0;
  auto r = gk::ingest::ReadTextReport(*text, {});
  if (r.ok()) {
    auto findings = gk::report::Validate(*r);
    (void)gk::report::WriteCheckResultJson("fuzz", &*r, findings);
  }
  return 0;
}
