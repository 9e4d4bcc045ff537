// 信息处理费 (Art. 42; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号;
// law.md §3.11). Pure arithmetic in whole yuan.
//
// A fee is charged only when the quantity or frequency of applications clearly
// exceeds a reasonable range; deciding that is not this module's job. Both
// methods are progressive on the excess (超额累进), and an application is
// charged by one method only, never both.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace gk::law {

enum class FeeMethod {
  kByPiece,  // 按件计收
  kByPage,   // 按量计收
};

// The part of an application that falls in one price band.
struct FeeBand {
  int first = 0;  // first piece/page of this application in the band (1-based)
  int last = 0;   // last piece/page of this application in the band
  int count = 0;  // last - first + 1
  int64_t unit_yuan = 0;
  int64_t subtotal_yuan = 0;  // count × unit_yuan
};

struct FeeQuote {
  FeeMethod method = FeeMethod::kByPiece;
  int64_t total_yuan = 0;
  // The bands this application reaches, in order, free bands included, so a
  // fee notice can show the whole computation.
  std::vector<FeeBand> bands;
};

// Upper bound on pieces per applicant per month accepted by FeeByPiece.
inline constexpr int kMaxPiecesPerMonth = 100000;

// 按件计收, counted per applicant per natural month: pieces 1–10 free, 11–30
// at 100 元, then bands of 10 whose unit rises by 100 元 each (31–40 at 200 元,
// 41–50 at 300 元, …). `prior_pieces_this_month` pieces were already counted
// this month; the new pieces are numbered from prior + 1. Negative input, or
// more than kMaxPiecesPerMonth in total → Invalid.
Result<FeeQuote> FeeByPiece(int prior_pieces_this_month, int new_pieces);

// 按量计收, per application: pages 1–30 free, 31–100 at 10 元, 101–200 at
// 20 元, 201 and above at 40 元. Negative input → Invalid.
Result<FeeQuote> FeeByPage(int pages);

// Chinese text of the computation for a fee notice (收费通知), one band per
// line, ending with the total; e.g. "第11–30件：20件 × 100元 = 2000元".
std::string ExplainFee(const FeeQuote& quote);

}  // namespace gk::law
