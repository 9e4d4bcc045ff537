#include "law/fees.h"

#include <algorithm>
#include <climits>

namespace gk::law {
namespace {

struct Band {
  int lo;
  int hi;  // INT_MAX: open-ended
  int64_t unit_yuan;
};

// 国办函〔2020〕109号, 按件计收: the band holding piece k (k ≥ 1).
Band PieceBand(int k) {
  if (k <= 10) return {1, 10, 0};
  if (k <= 30) return {11, 30, 100};
  const int j = (k - 31) / 10;  // 31–40 → 0, 41–50 → 1, …
  return {31 + 10 * j, 40 + 10 * j, 200 + 100 * static_cast<int64_t>(j)};
}

// 国办函〔2020〕109号, 按量计收.
constexpr Band kPageBands[] = {{1, 30, 0}, {31, 100, 10}, {101, 200, 20}, {201, INT_MAX, 40}};

void AddBand(FeeQuote* q, int first, int last, int64_t unit) {
  FeeBand b;
  b.first = first;
  b.last = last;
  b.count = last - first + 1;
  b.unit_yuan = unit;
  b.subtotal_yuan = b.count * unit;
  q->total_yuan += b.subtotal_yuan;
  q->bands.push_back(b);
}

}  // namespace

Result<FeeQuote> FeeByPiece(int prior_pieces_this_month, int new_pieces) {
  if (prior_pieces_this_month < 0) {
    return Status::Invalid("prior pieces this month must be 0 or more, got " +
                           std::to_string(prior_pieces_this_month));
  }
  if (new_pieces < 0) {
    return Status::Invalid("pieces must be 0 or more, got " + std::to_string(new_pieces));
  }
  if (new_pieces > kMaxPiecesPerMonth - prior_pieces_this_month) {
    return Status::Invalid("more than " + std::to_string(kMaxPiecesPerMonth) +
                           " pieces in one month is not supported");
  }
  FeeQuote q;
  q.method = FeeMethod::kByPiece;
  const int last = prior_pieces_this_month + new_pieces;
  for (int k = prior_pieces_this_month + 1; k <= last;) {
    const Band band = PieceBand(k);
    const int upto = std::min(band.hi, last);
    AddBand(&q, k, upto, band.unit_yuan);
    k = upto + 1;
  }
  return q;
}

Result<FeeQuote> FeeByPage(int pages) {
  if (pages < 0) return Status::Invalid("pages must be 0 or more, got " + std::to_string(pages));
  FeeQuote q;
  q.method = FeeMethod::kByPage;
  for (const Band& band : kPageBands) {
    if (pages < band.lo) break;
    AddBand(&q, band.lo, std::min(band.hi, pages), band.unit_yuan);
  }
  return q;
}

std::string ExplainFee(const FeeQuote& quote) {
  const bool by_piece = quote.method == FeeMethod::kByPiece;
  const std::string unit = by_piece ? "件" : "页";
  std::string out = by_piece ? "按件计收" : "按量计收";
  out += "（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）\n";
  for (const FeeBand& b : quote.bands) {
    out += "  第" + std::to_string(b.first);
    if (b.last != b.first) out += "–" + std::to_string(b.last);
    out += unit + "：" + std::to_string(b.count) + unit;
    if (b.unit_yuan == 0) {
      out += "，免费\n";
    } else {
      out +=
          " × " + std::to_string(b.unit_yuan) + "元 = " + std::to_string(b.subtotal_yuan) + "元\n";
    }
  }
  out += "合计：" + std::to_string(quote.total_yuan) + "元\n";
  return out;
}

}  // namespace gk::law
