// Fuzz target: the DOCX reader (libzip + pugixml): ZIP damage, malformed XML, gridSpan/vMerge, nested tables, text boxes; the flattened text is then read as a report,
// validated and written as JSON, as `gongkai check` does.
#include <cstdint>
#include <string_view>

#include "ingest/docx_reader.h"
#include "ingest/text_reader.h"
#include "report/json.h"
#include "report/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // A ZIP goes through the whole reader; anything else is document.xml itself
  // (mutations of a ZIP mostly fail its CRCs and never reach the XML).
  auto text = bytes.substr(0, 2) == "PK" ? gk::ingest::DocxToText(bytes)
                                         : gk::ingest::DocumentXmlToText(bytes);
  if (!text.ok()) return 0;
  auto r = gk::ingest::ReadTextReport(*text, {});
  if (r.ok()) {
    auto findings = gk::report::Validate(*r);
    (void)gk::report::WriteCheckResultJson("fuzz", &*r, findings);
  }
  return 0;
}
