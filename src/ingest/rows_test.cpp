// Row matching and cell windows (report-format.md §6 items 1–5, §6.1).
#include "ingest/rows.h"

#include <gtest/gtest.h>

namespace gk::ingest {
namespace {

constexpr Anchor kA[] = {{"甲行"}};
constexpr Anchor kB[] = {{"乙行"}};
constexpr Anchor kC[] = {{"丙行"}};
constexpr Anchor kD[] = {{"丁行"}, {"其他", true}};
constexpr RowDef kRows[] = {{kA, 3}, {kB, 3}, {kC, 3}, {kD, 3}};

std::vector<RowMatch> Match(std::string_view text, RowOrder order = RowOrder::kPrinted) {
  const NormalizedText n = Normalize(text);
  return MatchRows(Tokenize(n.lines, 0, n.lines.size()), kRows, order);
}

std::string Values(const RowMatch& m) {
  std::string s;
  for (const Slot& slot : m.slots) {
    if (!s.empty()) s += ",";
    if (!slot) {
      s += "_";
    } else if (const Number* n = SlotNumber(slot)) {
      s += std::to_string(n->micro / 1'000'000);
    } else {
      s += "-";
    }
  }
  return s;
}

TEST(MatchRows, TabRows) {
  auto m = Match("甲行\t1\t2\t3\n乙行\t4\t5\t6\n丙行\t7\t8\t9");
  EXPECT_EQ(Values(m[0]), "1,2,3");
  EXPECT_EQ(Values(m[1]), "4,5,6");
  EXPECT_EQ(Values(m[2]), "7,8,9");
}

TEST(MatchRows, OneCellPerLineWithWrappedLabel) {
  auto m = Match("\t甲\n行\n\t1\n\t\n\t3\n\n\t乙行\n\t4\n\t5\n\t6\n\n");
  EXPECT_EQ(Values(m[0]), "1,_,3");
  EXPECT_EQ(Values(m[1]), "4,5,6");
}

TEST(MatchRows, ContinuationLineAfterACompleteRowIsNotARow) {
  auto m = Match("甲行上半\t1\t2\t3\n\n甲行下半 续\t\t\t\n乙行\t4\t5\t6");
  EXPECT_EQ(Values(m[0]), "1,2,3");
  EXPECT_EQ(Values(m[1]), "4,5,6");
}

TEST(MatchRows, NumbersAfterAClosedRowAreIgnored) {
  // Seed 001: "(", "1", ")" between the last row and the next heading.
  auto m = Match("\t丙行\n\t7\n\t8\n\t9\n\n(\n1\n)\n");
  EXPECT_EQ(Values(m[2]), "7,8,9");
}

TEST(MatchRows, GroupCellThenSubRowResolvesToTheSubRow) {
  // "其他" alone (weak) would name row 丁; the later label 乙行 wins as long
  // as 丁 received no value yet.
  auto m = Match("甲行\t1\t2\t3\n其他\n乙行\t4\t5\t6");
  EXPECT_EQ(Values(m[1]), "4,5,6");
  EXPECT_FALSE(m[3].found);
}

TEST(MatchRows, WeakAnchorOnlyNearTheLastRow) {
  auto far = Match("其他\t1\t2\t3");  // a column header before any row
  EXPECT_FALSE(far[3].found);
  auto near = Match("甲行\t1\t2\t3\n乙行\t4\t5\t6\n其他\t7\t8\t9");
  EXPECT_EQ(Values(near[3]), "7,8,9");
}

TEST(MatchRows, PrintedOrderNeverGoesBack) {
  auto m = Match("乙行\t4\t5\t6\n甲行\t1\t2\t3");
  EXPECT_FALSE(m[0].found);
  EXPECT_EQ(Values(m[1]), "4,5,6");
}

TEST(MatchRows, AnyOrderForDistinctLabels) {
  auto m = Match("乙行\t4\t5\t6\n甲行\t1\t2\t3", RowOrder::kAnyOrder);
  EXPECT_EQ(Values(m[0]), "1,2,3");
  EXPECT_EQ(Values(m[1]), "4,5,6");
}

TEST(MatchRows, ProseNeverAnchors) {
  auto m = Match("本年甲行共3件，乙行4件。\n");
  EXPECT_FALSE(m[0].found);
  EXPECT_FALSE(m[1].found);
}

TEST(MatchRows, HeaderTextIsKeptAsContext) {
  auto m = Match("信息内容\t金额(单位:元)\n甲行\t1\t2\t3");
  EXPECT_NE(m[0].context.find("单位:元"), std::string::npos);
}

Slot N(int64_t v) { return Token{TokenKind::kNumber, Number{v * 1'000'000}}; }

std::string Show(const std::vector<Slot>& cells) {
  std::string s;
  for (const Slot& c : cells) {
    if (!s.empty()) s += ",";
    const Number* n = SlotNumber(c);
    s += n ? std::to_string(n->micro / 1'000'000) : "_";
  }
  return s;
}

TEST(PickCells, TrailingEmptyCellsAreDropped) {
  EXPECT_EQ(Show(PickCells({N(2), N(2), N(13), std::nullopt, std::nullopt}, 3, nullptr)), "2,2,13");
}

TEST(PickCells, MissingTrailingCellStaysBlank) {
  EXPECT_EQ(Show(PickCells({N(3), N(1), std::nullopt}, 3, nullptr)), "3,1,_");
}

TEST(PickCells, CutOffRowFillsFromTheLeft) {
  EXPECT_EQ(Show(PickCells({N(3)}, 3, nullptr)), "3,_,_");
}

TEST(PickCells, LastWindowWhenTooMany) {
  EXPECT_EQ(Show(PickCells({N(9), N(1), N(2), N(3)}, 3, nullptr)), "1,2,3");
}

TEST(PickCells, CheckChoosesTheWindow) {
  // "1 1 1" OCR noise, then seven values; the check (sum) picks the real ones.
  auto sum_ok = [](std::span<const Slot> w) {
    return SlotNumber(w[0]) && SlotNumber(w[1]) && SlotNumber(w[2]) &&
           SlotNumber(w[0])->micro + SlotNumber(w[1])->micro == SlotNumber(w[2])->micro;
  };
  EXPECT_EQ(Show(PickCells({N(1), N(2), N(3), N(5), N(7)}, 3, sum_ok)), "2,3,5");
  EXPECT_EQ(Show(PickCells({N(4), N(4), N(4), N(4)}, 3, sum_ok)), "4,4,4");  // none: last n
}

TEST(PickCells, BlankPaddingNeverRepairsAWrongRow) {
  // A blank label cell, then exactly n values that break the check: the last
  // n cells are kept as printed (the checker must see the wrong total), not a
  // window shifted over the blank that happens to satisfy it.
  auto sum_ok = [](std::span<const Slot> w) {
    const Number* a = SlotNumber(w[0]);
    const Number* b = SlotNumber(w[1]);
    const Number* c = SlotNumber(w[2]);
    return (a ? a->micro : 0) + (b ? b->micro : 0) == (c ? c->micro : -1);
  };
  EXPECT_EQ(Show(PickCells({std::nullopt, N(0), N(0), N(1)}, 3, sum_ok)), "0,0,1");
}

}  // namespace
}  // namespace gk::ingest
