#include "law/fees.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gk::law {
namespace {

// law.md §3.11 pseudo-code, piece by piece (written independently of fees.cpp).
int64_t PieceFeeReference(int prior, int n) {
  int64_t total = 0;
  for (int k = prior + 1; k <= prior + n; ++k) {
    if (k <= 10) continue;
    total += k <= 30 ? 100 : 100 * (2 + (k - 31) / 10);
  }
  return total;
}

int64_t PageFeeReference(int p) {
  return 10 * std::clamp(p - 30, 0, 70) + 20 * std::clamp(p - 100, 0, 100) +
         40 * static_cast<int64_t>(std::max(p - 200, 0));
}

TEST(Fees, ByPieceBandEdges) {
  struct Row {
    int prior, pieces;
    int64_t yuan;
  };
  const Row rows[] = {
      {0, 0, 0},     {0, 1, 0},     {0, 10, 0},    {0, 11, 100},  {0, 30, 2000},  {0, 31, 2200},
      {0, 40, 4000}, {0, 41, 4300}, {0, 50, 7000}, {0, 51, 7400}, {0, 60, 11000}, {10, 1, 100},
      {9, 1, 0},     {30, 1, 200},  {29, 2, 300},  {39, 2, 500},  {40, 1, 300},   {49, 2, 700},
      {50, 1, 400},  {5, 30, 3000}, {100, 1, 900}, {99, 1, 800},
  };
  for (const Row& r : rows) {
    Result<FeeQuote> q = FeeByPiece(r.prior, r.pieces);
    ASSERT_TRUE(q.ok()) << r.prior << "+" << r.pieces;
    EXPECT_EQ(q->total_yuan, r.yuan) << r.prior << "+" << r.pieces;
    EXPECT_EQ(q->method, FeeMethod::kByPiece);
  }
}

TEST(Fees, ByPageBandEdges) {
  struct Row {
    int pages;
    int64_t yuan;
  };
  const Row rows[] = {{0, 0},     {1, 0},      {30, 0},     {31, 10},    {100, 700},
                      {101, 720}, {200, 2700}, {201, 2740}, {250, 4700}, {1000, 34700}};
  for (const Row& r : rows) {
    Result<FeeQuote> q = FeeByPage(r.pages);
    ASSERT_TRUE(q.ok()) << r.pages;
    EXPECT_EQ(q->total_yuan, r.yuan) << r.pages;
    EXPECT_EQ(q->method, FeeMethod::kByPage);
  }
}

TEST(Fees, AgreeWithTheReferenceFormulas) {
  for (int prior = 0; prior <= 80; ++prior) {
    for (int n = 0; n <= 80; ++n) {
      Result<FeeQuote> q = FeeByPiece(prior, n);
      ASSERT_TRUE(q.ok());
      ASSERT_EQ(q->total_yuan, PieceFeeReference(prior, n)) << prior << "+" << n;
    }
  }
  for (int p = 0; p <= 400; ++p) {
    Result<FeeQuote> q = FeeByPage(p);
    ASSERT_TRUE(q.ok());
    ASSERT_EQ(q->total_yuan, PageFeeReference(p)) << p;
  }
}

TEST(Fees, BandsAddUpAndCoverEveryPiece) {
  for (int prior = 0; prior <= 60; prior += 7) {
    for (int n = 0; n <= 70; n += 3) {
      Result<FeeQuote> q = FeeByPiece(prior, n);
      ASSERT_TRUE(q.ok());
      int next = prior + 1, count = 0;
      int64_t sum = 0;
      for (const FeeBand& b : q->bands) {
        EXPECT_EQ(b.first, next);
        EXPECT_EQ(b.count, b.last - b.first + 1);
        EXPECT_EQ(b.subtotal_yuan, b.count * b.unit_yuan);
        next = b.last + 1;
        count += b.count;
        sum += b.subtotal_yuan;
      }
      EXPECT_EQ(count, n);
      EXPECT_EQ(sum, q->total_yuan);
    }
  }
}

TEST(Fees, BreakdownForANotice) {
  Result<FeeQuote> q = FeeByPiece(5, 30);  // pieces 6–35 of the month
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->bands.size(), 3u);
  EXPECT_EQ(q->bands[0].first, 6);
  EXPECT_EQ(q->bands[0].last, 10);
  EXPECT_EQ(q->bands[0].unit_yuan, 0);
  EXPECT_EQ(q->bands[1].first, 11);
  EXPECT_EQ(q->bands[1].last, 30);
  EXPECT_EQ(q->bands[1].subtotal_yuan, 2000);
  EXPECT_EQ(q->bands[2].first, 31);
  EXPECT_EQ(q->bands[2].last, 35);
  EXPECT_EQ(q->bands[2].unit_yuan, 200);
  EXPECT_EQ(ExplainFee(*q),
            "按件计收（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）\n"
            "  第6–10件：5件，免费\n"
            "  第11–30件：20件 × 100元 = 2000元\n"
            "  第31–35件：5件 × 200元 = 1000元\n"
            "合计：3000元\n");

  Result<FeeQuote> p = FeeByPage(201);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->bands.size(), 4u);
  EXPECT_EQ(p->bands[3].first, 201);
  EXPECT_EQ(p->bands[3].last, 201);
  EXPECT_EQ(p->bands[3].unit_yuan, 40);
  EXPECT_EQ(ExplainFee(*p),
            "按量计收（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）\n"
            "  第1–30页：30页，免费\n"
            "  第31–100页：70页 × 10元 = 700元\n"
            "  第101–200页：100页 × 20元 = 2000元\n"
            "  第201页：1页 × 40元 = 40元\n"
            "合计：2740元\n");
}

TEST(Fees, BadInput) {
  struct Row {
    Result<FeeQuote> q;
    const char* message;
  };
  const Row rows[] = {
      {FeeByPiece(-1, 3), "prior pieces this month must be 0 or more, got -1"},
      {FeeByPiece(0, -3), "pieces must be 0 or more, got -3"},
      {FeeByPiece(99999, 2), "more than 100000 pieces in one month is not supported"},
      {FeeByPiece(2147483647, 1), "more than 100000 pieces in one month is not supported"},
      {FeeByPage(-1), "pages must be 0 or more, got -1"},
  };
  for (const Row& r : rows) {
    ASSERT_FALSE(r.q.ok()) << r.message;
    EXPECT_EQ(r.q.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.q.status().message(), r.message);
  }
  EXPECT_TRUE(FeeByPiece(99999, 1).ok());
  Result<FeeQuote> big = FeeByPage(2147483647);
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(big->total_yuan, PageFeeReference(2147483647));
}

}  // namespace
}  // namespace gk::law
