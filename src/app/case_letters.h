// The letters of a case file, rendered on request: each letter belongs to the
// event that calls for it (letters::LetterFor) and keeps the 发文字号 it got
// the first time it was produced.
#pragma once

#include <string>
#include <vector>

#include "app/case_files.h"
#include "core/status.h"

namespace gk::app {

struct LetterInfo {
  int64_t seq = 0;           // the event
  std::string type;          // event type key
  std::string title;         // e.g. 补正告知书
  std::string date;          // YYYY-MM-DD
  bool to_applicant = true;  // false for letters to a third party or an organ
};

// The letters a case has so far, in event order.
std::vector<LetterInfo> CaseLetters(const LoadedCase& c);

struct RenderedLetter {
  std::string bytes;
  std::string filename;  // e.g. LG202600001-5.pdf
  std::string mime;
};

enum class LetterFormat { kDocx, kPdf };

// NotFound: no such case, event, or no letter for that event (or, with
// applicant_only, a letter not addressed to the applicant). Invalid: the
// agency's letter settings (复议机关, 法院, 代字) are not set.
Result<RenderedLetter> RenderCaseLetter(store::Store& store, const law::Calendar& cal,
                                        std::string_view case_id, int64_t seq, LetterFormat format,
                                        bool applicant_only);

}  // namespace gk::app
