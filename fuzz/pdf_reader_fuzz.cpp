// Fuzz target: the PDF reader (poppler-cpp): damaged files, word boxes, column inference; the flattened text is then read as a report,
// validated and written as JSON, as `gongkai check` does.
#include <cstdint>
#include <string_view>

#include "ingest/pdf_reader.h"
#include "ingest/text_reader.h"
#include "report/json.h"
#include "report/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto text = gk::ingest::PdfToText(bytes);
  if (!text.ok()) return 0;
  auto r = gk::ingest::ReadTextReport(*text, {});
  if (r.ok()) {
    auto findings = gk::report::Validate(*r);
    (void)gk::report::WriteCheckResultJson("fuzz", &*r, findings);
  }
  return 0;
}
