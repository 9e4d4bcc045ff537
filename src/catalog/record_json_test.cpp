#include "catalog/record_json.h"

#include <gtest/gtest.h>

namespace gk::catalog {
namespace {

const std::string kBase =
    R"("agency_id":"weihai-lingang","index_no":"LG/2024-00001","title":"关于开展安全生产检查的通知",)"
    R"("publisher":"威海临港经济技术开发区管理委员会","published_on":"2024-03-05","category":"通知公告")";

TEST(ImportJson, MinimalLine) {
  auto r = RecordFromImportJson("{" + kBase + "}");
  ASSERT_TRUE(std::holds_alternative<Record>(r)) << std::get<FieldError>(r).message;
  const Record& rec = std::get<Record>(r);
  EXPECT_EQ(rec.status, RecordStatus::kPublished);
  EXPECT_EQ(rec.doc_type, DocType::kOther);
  EXPECT_EQ(rec.published_on->ToString(), "2024-03-05");
  EXPECT_FALSE(rec.validity.has_value());
}

TEST(ImportJson, BadLinesNameTheField) {
  struct Case {
    std::string line;
    const char* field;
  };
  const Case cases[] = {
      {"not json", "line"},
      {"[1,2]", "line"},
      {R"({"index_no":"x"})", "agency_id"},
      {"{" + kBase + R"(,"title":""})", "title"},
      {"{" + kBase + R"(,"title":5})", "title"},
      {"{" + kBase + R"(,"published_on":"2024/03/05"})", "published_on"},
      {"{" + kBase + R"(,"published_on":null})", "published_on"},
      {"{" + kBase + R"(,"doc_type":"规范性文件"})", "doc_type"},
      {"{" + kBase + R"(,"validity":"valid"})", "validity"},
      {"{" + kBase + R"(,"validity_changed_on":"2024-05-01"})", "validity_changed_on"},
      {"{" + kBase + R"(,"formed_on":"2024-13-01"})", "formed_on"},
      {"{" + kBase + R"(,"formed_on":"2024-04-01"})", "published_on"},
      {"{" + kBase +
           R"(,"category":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"})",
       "category"},
      {"{" + kBase + R"(,"art20_item":"1"})", "art20_item"},
      {"{" + kBase + R"(,"art20_item":16})", "art20_item"},
  };
  for (const Case& c : cases) {
    auto r = RecordFromImportJson(c.line);
    ASSERT_TRUE(std::holds_alternative<FieldError>(r)) << c.line;
    EXPECT_EQ(std::get<FieldError>(r).field, c.field)
        << c.line << " → " << std::get<FieldError>(r).message;
  }
}

TEST(ImportJson, AllFieldsAndSnapshot) {
  auto r = RecordFromImportJson(
      "{" + kBase +
      R"(,"doc_no":"威临管发〔2024〕1号","doc_type":"行政规范性文件","formed_on":"2024-03-01",)"
      R"("validity":"废止","validity_changed_on":"2024-06-01","body":"第一条\n第二条","art20_item":1,"extra":true})");
  ASSERT_TRUE(std::holds_alternative<Record>(r)) << std::get<FieldError>(r).message;
  const std::string j = RecordToJson(std::get<Record>(r));
  EXPECT_NE(j.find(R"("doc_type":"行政规范性文件")"), std::string::npos) << j;
  EXPECT_NE(j.find(R"("validity":"废止")"), std::string::npos) << j;
  EXPECT_NE(j.find(R"("status":"published")"), std::string::npos) << j;
}

}  // namespace
}  // namespace gk::catalog
