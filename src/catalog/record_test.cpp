#include "catalog/record.h"

#include <gtest/gtest.h>

#include "catalog/timeliness.h"
#include "law/calendar.h"

namespace gk::catalog {
namespace {

Date D(std::string_view s) { return *Date::Parse(s); }

Record Valid() {
  Record r;
  r.agency_id = "weihai-lingang";
  r.index_no = "11371000MB28514517/2024-00001";
  r.title = "关于印发《威海临港经济技术开发区政府信息公开工作制度》的通知";
  r.publisher = "威海临港经济技术开发区管理委员会";
  r.category = "规范性文件";
  r.published_on = D("2024-03-05");
  r.formed_on = D("2024-03-01");
  r.status = RecordStatus::kPublished;
  return r;
}

TEST(Record, ValidRecordPasses) { EXPECT_FALSE(Validate(Valid()).has_value()); }

TEST(Record, EachRuleNamesItsField) {
  struct Case {
    const char* name;
    void (*mutate)(Record&);
    const char* field;
    const char* says;
  };
  const Case cases[] = {
      {"empty agency", [](Record& r) { r.agency_id = ""; }, "agency_id", "不能为空"},
      {"empty index", [](Record& r) { r.index_no = "  "; }, "index_no", "索引号"},
      {"long index", [](Record& r) { r.index_no = std::string(65, 'A'); }, "index_no", "64"},
      {"index 64 CJK ok",
       [](Record& r) {
         r.index_no = "";
         for (int i = 0; i < 64; ++i) r.index_no += "号";
       },
       nullptr, nullptr},
      {"empty title", [](Record& r) { r.title = ""; }, "title", "标题"},
      {"control in title", [](Record& r) { r.title.push_back(char{1}); }, "title", "控制字符"},
      {"bad utf8 title", [](Record& r) { r.title.assign(1, static_cast<char>(0xff)); }, "title",
       "UTF-8"},
      {"empty publisher", [](Record& r) { r.publisher = ""; }, "publisher", "发布机构"},
      {"empty category", [](Record& r) { r.category = ""; }, "category", "目录分类"},
      {"long category", [](Record& r) { r.category = std::string(51, 'x'); }, "category", "50"},
      {"category 50 ok", [](Record& r) { r.category = std::string(50, 'x'); }, nullptr, nullptr},
      {"published without date", [](Record& r) { r.published_on.reset(); }, "published_on",
       "发布日期"},
      {"draft without date",
       [](Record& r) {
         r.published_on.reset();
         r.status = RecordStatus::kDraft;
       },
       nullptr, nullptr},
      {"published before formed", [](Record& r) { r.published_on = D("2024-02-01"); },
       "published_on", "成文日期"},
      {"validity date alone", [](Record& r) { r.validity_changed_on = D("2024-05-01"); },
       "validity_changed_on", "validity"},
      {"validity date before formed",
       [](Record& r) {
         r.validity = Validity::kRepealed;
         r.validity_changed_on = D("2020-01-01");
       },
       "validity_changed_on", "成文日期"},
      {"art20 0", [](Record& r) { r.art20_item = 0; }, "art20_item", "1 至 15"},
      {"art20 16", [](Record& r) { r.art20_item = 16; }, "art20_item", "1 至 15"},
      {"art20 15 ok", [](Record& r) { r.art20_item = 15; }, nullptr, nullptr},
      {"pin order", [](Record& r) { r.pin_order = -1; }, "pin_order", "置顶"},
      {"body newlines ok", [](Record& r) { r.body = "第一条\n第二条\r\n\t第三条"; }, nullptr,
       nullptr},
      {"body control", [](Record& r) { r.body.push_back(char{7}); }, "body", "正文"},
  };
  for (const Case& c : cases) {
    Record r = Valid();
    c.mutate(r);
    auto e = Validate(r);
    if (!c.field) {
      EXPECT_FALSE(e.has_value()) << c.name << ": " << (e ? e->message : "");
      continue;
    }
    ASSERT_TRUE(e.has_value()) << c.name;
    EXPECT_EQ(e->field, c.field) << c.name;
    EXPECT_NE(e->message.find(c.field), std::string::npos) << c.name << ": " << e->message;
    EXPECT_NE(e->message.find(c.says), std::string::npos) << c.name << ": " << e->message;
  }
}

TEST(Record, LabelsRoundTrip) {
  for (DocType t : {DocType::kRule, DocType::kNormative, DocType::kOther})
    EXPECT_EQ(ParseDocType(DocTypeLabel(t)), t);
  for (Validity v : {Validity::kInForce, Validity::kExpired, Validity::kRepealed})
    EXPECT_EQ(ParseValidity(ValidityLabel(v)), v);
  for (RecordStatus s : {RecordStatus::kDraft, RecordStatus::kInReview, RecordStatus::kPublished,
                         RecordStatus::kWithdrawn})
    EXPECT_EQ(ParseStatus(StatusKey(s)), s);
  EXPECT_FALSE(ParseDocType("规范性文件").has_value());
  EXPECT_FALSE(ParseValidity("valid").has_value());
  EXPECT_EQ(Art20ItemLabel(7), "财政预算、决算信息");
  EXPECT_EQ(Art20ItemLabel(0), "");
}

TEST(Timeliness, Art26TwentyWorkingDays) {
  const law::Calendar& cal = law::Calendar::BuiltIn();
  struct Case {
    const char* formed;
    const char* published;
    const char* due;
    bool late;
  };
  const Case cases[] = {
      // 2024-03-01 (Fri) + 20 working days = 2024-03-29 (Fri).
      {"2024-03-01", "2024-03-29", "2024-03-29", false},
      {"2024-03-01", "2024-04-01", "2024-03-29", true},
      {"2024-03-01", "2024-03-01", "2024-03-29", false},
      // 国庆 2024: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) worked.
      {"2024-09-27", "2024-10-30", "2024-10-30", false},
      {"2024-09-27", "2024-10-31", "2024-10-30", true},
  };
  for (const Case& c : cases) {
    auto t = Art26Timeliness(cal, D(c.formed), D(c.published));
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->due.ToString(), c.due) << c.formed;
    EXPECT_EQ(t->late, c.late) << c.formed << " " << c.published;
  }
  EXPECT_FALSE(Art26Timeliness(cal, std::nullopt, D("2024-01-01")).has_value());
  EXPECT_FALSE(Art26Timeliness(cal, D("2024-01-01"), std::nullopt).has_value());
}

}  // namespace
}  // namespace gk::catalog
