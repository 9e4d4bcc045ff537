#include "letters/layout.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "letters/test_util.h"

namespace gk::letters::layout {
namespace {

using testing::D;

Letter Sample() {
  Letter l;
  l.doc_no = "临管依申请〔2026〕12号";
  l.title = "政府信息公开申请答复书";
  l.addressee = "张三";
  l.paragraphs = {"第一段。", "第二段，\n分为两段。"};
  l.attachments = {"统计表", "说明"};
  l.issuer = "威海临港经济技术开发区管理委员会";
  l.date = D("2026-03-20");
  l.contact_line = "（联系人：王五）";
  return l;
}

std::vector<Role> Roles(const std::vector<Block>& blocks) {
  std::vector<Role> out;
  for (const Block& b : blocks) out.push_back(b.role);
  return out;
}

TEST(LayoutTest, PageGeometryIsGbt9704) {
  // 版心 156 mm × 225 mm.
  EXPECT_DOUBLE_EQ(kPageWidthMm - kLeftMm - kRightMm, 156);
  EXPECT_DOUBLE_EQ(kPageHeightMm - kTopMm - kBottomMm, 225);
  // 22 lines fit the 225 mm text area.
  EXPECT_LE(kLinesPerPage * kLinePitchPt, MmToPt(225));
  EXPECT_GT((kLinesPerPage + 1) * kLinePitchPt, MmToPt(225));
  EXPECT_EQ(FontOf(Face::kBody).size_pt, 16);        // 三号
  EXPECT_EQ(FontOf(Face::kTitle).size_pt, 22);       // 二号
  EXPECT_EQ(FontOf(Face::kPageNumber).size_pt, 14);  // 四号
  EXPECT_EQ(FontOf(Face::kBody).word, "仿宋");
  EXPECT_EQ(FontOf(Face::kTitle).word, "方正小标宋简体");
}

TEST(LayoutTest, BlocksInTheOrderOfAnOfficialLetter) {
  const std::vector<Block> blocks = Blocks(Sample());
  EXPECT_EQ(Roles(blocks),
            (std::vector<Role>{Role::kDocNo, Role::kBlank, Role::kTitle, Role::kBlank,
                               Role::kAddressee, Role::kBody, Role::kBody, Role::kBody,
                               Role::kBlank, Role::kAttachment, Role::kAttachment, Role::kBlank,
                               Role::kBlank, Role::kSignature, Role::kDate, Role::kNote}));
  EXPECT_EQ(blocks[0].align, Align::kCenter);
  EXPECT_EQ(blocks[2].face, Face::kTitle);
  EXPECT_EQ(blocks[2].align, Align::kCenter);
  EXPECT_EQ(blocks[4].text, "张三：");
  EXPECT_EQ(blocks[4].first_indent, 0);
  EXPECT_EQ(blocks[5].first_indent, 2);
  EXPECT_EQ(blocks[5].align, Align::kJustify);
  EXPECT_EQ(blocks[6].text, "第二段，");
  EXPECT_EQ(blocks[7].text, "分为两段。");
  EXPECT_EQ(blocks[9].text, "附件：1．统计表");
  EXPECT_EQ(blocks[9].left_indent, 2);
  EXPECT_EQ(blocks[9].hanging, 4.5);  // 附件：1． is 3 + ½ + 1 characters
  EXPECT_EQ(blocks[10].text, "2．说明");
  EXPECT_EQ(blocks[10].left_indent, 5);
  EXPECT_EQ(blocks[15].text, "（联系人：王五）");
  EXPECT_EQ(blocks[15].left_indent, 2);
  // The last attachment, the blanks, signature and date stay together.
  for (size_t i = 10; i < 15; ++i) EXPECT_TRUE(blocks[i].keep_with_next) << i;
  EXPECT_FALSE(blocks[15].keep_with_next);
}

TEST(LayoutTest, SignatureCentredOverTheDate) {
  Letter l = Sample();
  l.issuer = "某某局";  // 3 characters; 2026年3月20日: 3 CJK + 7 digits × ½ = 6.5
  std::vector<Block> blocks = Blocks(l);
  const Block& sig = blocks[blocks.size() - 3];
  const Block& date = blocks[blocks.size() - 2];
  ASSERT_EQ(sig.role, Role::kSignature);
  ASSERT_EQ(date.role, Role::kDate);
  EXPECT_EQ(date.right_indent, 4);
  const double wd = WidthInChars(date.text);
  EXPECT_EQ(wd, 6.5);
  EXPECT_DOUBLE_EQ(sig.right_indent + 1.5, date.right_indent + wd / 2);  // same centre

  // A long name keeps two characters from the right; the date moves left.
  l.issuer = "威海临港经济技术开发区管理委员会";
  blocks = Blocks(l);
  const Block& sig2 = blocks[blocks.size() - 3];
  const Block& date2 = blocks[blocks.size() - 2];
  EXPECT_EQ(sig2.right_indent, 2);
  EXPECT_DOUBLE_EQ(date2.right_indent + wd / 2, 2 + WidthInChars(l.issuer) / 2);
}

TEST(LayoutTest, OptionalElements) {
  Letter l = Sample();
  l.doc_no.clear();
  l.attachments.clear();
  l.contact_line = "联系人：王五";  // parentheses added
  const std::vector<Block> blocks = Blocks(l);
  EXPECT_EQ(blocks.front().role, Role::kTitle);
  EXPECT_EQ(blocks.back().text, "（联系人：王五）");
  l.contact_line.clear();
  EXPECT_EQ(Blocks(l).back().role, Role::kDate);
  EXPECT_FALSE(Blocks(l).back().keep_with_next);
}

TEST(LayoutTest, Check) {
  Letter l = Sample();
  EXPECT_TRUE(Check(l).ok());
  l.title = " \n";
  EXPECT_EQ(Check(l).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Check(l).message().starts_with("letter.title："));
  l = Sample();
  l.issuer.clear();
  EXPECT_TRUE(Check(l).message().starts_with("letter.issuer："));
}

TEST(LayoutTest, WidthInChars) {
  EXPECT_EQ(WidthInChars("仿宋"), 2);
  EXPECT_EQ(WidthInChars("2026年"), 3);
  EXPECT_EQ(WidthInChars("（“”）—"), 5);
  EXPECT_EQ(WidthInChars(""), 0);
}

TEST(LayoutTest, CleanText) {
  EXPECT_EQ(CleanText("a\tb\x01"
                      "c\r\nd"),
            "a bc\nd");
  EXPECT_EQ(CleanText("\x7f\xc2\x85x"), "x");
  EXPECT_EQ(CleanText("\xff"), "\xef\xbf\xbd");  // invalid byte → U+FFFD
  EXPECT_EQ(CleanText("答复<&>"), "答复<&>");    // XML escaping is the writer's job
}

TEST(LayoutTest, PageNumber) { EXPECT_EQ(PageNumber(3), "— 3 —"); }

// fonts.conf gives Linux renderers Noto CJK for the names Word knows.
TEST(FontsConfTest, MapsWordNamesToNotoCjk) {
  if (!testing::HaveTool("fc-match")) GTEST_SKIP() << "fontconfig tools are not installed";
  const std::string conf = testing::FontconfigFile();
  const std::pair<std::string, std::string> expected[] = {
      {"仿宋", "Noto Serif CJK SC"},
      {"方正小标宋简体", "Noto Serif CJK SC"},
      {"宋体", "Noto Serif CJK SC"},
      {"黑体", "Noto Sans CJK SC"},
  };
  for (const auto& [word, noto] : expected) {
    bool ok = false;
    const std::string family = testing::Run(
        "FONTCONFIG_FILE='" + conf + "' fc-match -f '%{family[0]}' '" + word + "'", &ok);
    EXPECT_TRUE(ok);
    EXPECT_EQ(family, noto) << word;
  }
  std::remove(conf.c_str());
}

}  // namespace
}  // namespace gk::letters::layout
