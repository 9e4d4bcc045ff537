#include "interaction/messages.h"

#include <gtest/gtest.h>

#include "interaction/media_import.h"

namespace gk::interaction {
namespace {

TEST(Messages, ValidNamesEveryBadField) {
  MessageInput ok{"weihai-gongxin", " 张三 ", "138 0013 8000", "路灯", "路灯不亮", true};
  EXPECT_FALSE(ValidateMessage(ok, true));
  EXPECT_EQ(ok.name, "张三");
  MessageInput m = ok;
  EXPECT_EQ(ValidateMessage(m, false)->field, "agency_id");
  m = ok;
  m.name = "";
  EXPECT_EQ(ValidateMessage(m, true)->field, "name");
  m = ok;
  m.phone = "abc";
  EXPECT_EQ(ValidateMessage(m, true)->field, "phone");
  m = ok;
  m.phone = "123";
  EXPECT_EQ(ValidateMessage(m, true)->field, "phone");
  m = ok;
  m.title = "\u3000";
  EXPECT_EQ(ValidateMessage(m, true)->field, "title");
  m = ok;
  m.body = std::string(5001, 'a');
  EXPECT_EQ(ValidateMessage(m, true)->field, "body");
  m = ok;
  m.body = "\x01";
  EXPECT_EQ(ValidateMessage(m, true)->field, "body");
  m = ok;
  m.body = "\xff";
  EXPECT_EQ(ValidateMessage(m, true)->field, "body");
}

TEST(Messages, Masking) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName(""), "匿名");
  EXPECT_EQ(MaskPhone("13800138000"), "138****8000");
  EXPECT_EQ(MaskPhone("0631-5231696"), "063****1696");
  EXPECT_EQ(MaskPhone("12345"), "***45");
  EXPECT_EQ(MaskNumbersInText("请拨打13800138000联系，门牌12号"), "请拨打138****8000联系，门牌12号");
  EXPECT_EQ(MaskNumbersInText("电话１３８００１３８０００"), "电话138****8000");
}

TEST(Messages, SensitiveWordsHoldTheMessage) {
  EXPECT_TRUE(SensitiveHits("路灯不亮，请尽快维修").empty());
  EXPECT_EQ(SensitiveHits("专业代开发票").size(), 1u);
  EXPECT_FALSE(SensitiveHits("加 QQ 123").empty());
}

TEST(Messages, AnswerDueCountsWorkingDays) {
  const law::Calendar& cal = law::Calendar::BuiltIn();
  // Received Friday 2022-09-30; the National Day holiday runs 1–7 October
  // and the weekend of 8 and 9 October is worked.
  const Date received = *Date::Parse("2022-09-30");
  EXPECT_EQ(AnswerDue(cal, received, 5).ToString(), "2022-10-12");
  EXPECT_EQ(AnswerDue(cal, *Date::Parse("2022-03-07"), 5).ToString(), "2022-03-14");
}

TEST(Messages, KindsAndPlatforms) {
  EXPECT_EQ(EventKindLabel("interview"), "在线访谈");
  EXPECT_EQ(EventKindLabel("x"), "");
  EXPECT_TRUE(KnownPlatform("微信"));
  EXPECT_FALSE(KnownPlatform("wechat"));
}

TEST(MediaImport, ParsesCsvAndTabText) {
  auto r = ParseMediaFigures("\xEF\xBB\xBF账号,月份,发布数,关注数\r\n临港发布,2021-01,300,1200\r\n\r\n\"临港,网站\",2021-02,5,0\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].account, "临港,网站");
  EXPECT_EQ((*r)[1].month, 2);
  EXPECT_EQ((*r)[1].line, 4);
  auto t = ParseMediaFigures("account\tmonth\tposts\tfollowers\nA\t2022-12\t1\t2");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)[0].followers, 2);
  auto bad = ParseMediaFigures("账号,月份,发布数,关注数\nA,2021-13,1,1\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("第 2 行：月份"), std::string::npos);
  EXPECT_FALSE(ParseMediaFigures("a,b\n").ok());
  EXPECT_FALSE(ParseMediaFigures("账号,月份,发布数,关注数\nA,2021-01,-1,0\n").ok());
}

}  // namespace
}  // namespace gk::interaction
