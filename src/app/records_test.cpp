#include "app/records.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/record_parts.h"
#include "core/hash.h"
#include "catalog/search.h"
#include "letters/docx.h"
#include "letters/pdf.h"

namespace gk::app {
namespace {

namespace fs = std::filesystem;

class RecordsAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-app-records-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    auto s = store::OpenStore("sqlite:" + dir_ + "/t.db", store::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    store::AgencyRow a;
    a.id = "lg";
    a.name = "临港区管委会";
    a.kind = "government";
    a.code = "LG";
    ASSERT_TRUE(store_->InsertAgencyIfAbsent(a, "2024-01-01T00:00:00Z").ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  int64_t Count() {
    auto r = store_->records().SearchRecords({});
    return r.ok() ? r->total : -1;
  }
  std::string dir_;
  std::unique_ptr<store::Store> store_;
};

std::string Line(const std::string& index_no, const std::string& extra = "") {
  return R"({"agency_id":"lg","index_no":")" + index_no +
         R"(","title":"标题","publisher":"临港区管委会","published_on":"2024-03-01","category":"通知")" +
         extra + "}\n";
}

TEST_F(RecordsAppTest, ImportNamesLineAndFieldAndWritesNothing) {
  struct Case {
    std::string text;
    const char* want;  // prefix of the message
  };
  const Case cases[] = {
      {Line("1") + Line("2", R"(,"title":"")"), "line 2: field title: "},
      {Line("1") + "\n" + Line("1"), "line 3: field index_no: "},
      {Line("1") +
           R"({"agency_id":"zz","index_no":"9","title":"t","publisher":"p","published_on":"2024-01-01","category":"c"})",
       "line 2: field agency_id: "},
      {"{oops\n", "line 1: field line: "},
      {Line("1", R"(,"validity":"作废")"), "line 1: field validity: "},
  };
  for (const Case& c : cases) {
    auto r = ImportRecords(*store_, c.text, "2024-06-01T00:00:00Z");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message().rfind(c.want, 0), 0u) << r.status().message();
    EXPECT_EQ(Count(), 0);
  }
  auto ok = ImportRecords(*store_, "\xEF\xBB\xBF" + Line("1") + "\r\n" + Line("2"), "now");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(*ok, 2);
  // Already in the database: line 2 of the second file.
  auto dup = ImportRecords(*store_, Line("3") + Line("1"), "now");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().message().rfind("line 2: field index_no: ", 0), 0u)
      << dup.status().message();
  EXPECT_EQ(Count(), 2);
}

TEST_F(RecordsAppTest, WorkflowDraftReviewPublishWithdraw) {
  const Date today = *Date::Parse("2024-05-06");
  Actor editor{"ed", "editor", "lg"}, reviewer{"rv", "reviewer", "lg"},
      other{"x", "reviewer", "other"};
  catalog::Record d;
  d.title = "关于公布行政许可事项清单的通知";
  d.publisher = "临港区管委会";
  d.category = "行政许可";
  d.body = "现将清单公布如下。";
  auto id = CreateDraft(*store_, editor, d, today, "t1");
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto got = store_->records().GetRecord(*id);
  EXPECT_EQ((*got)->record.index_no, "LG/2024-00001");
  EXPECT_EQ(Count(), 0);

  EXPECT_FALSE(
      ApplyAction(*store_, editor, *id, 1, RecordAction::kApprove, "", {}, today, "t").ok());
  EXPECT_EQ(ApplyAction(*store_, other, *id, 1, RecordAction::kSubmit, "", {}, today, "t").code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(
      ApplyAction(*store_, editor, *id, 1, RecordAction::kSubmit, "", {}, today, "t2").ok());
  // Approval needs every checklist item.
  auto partial = ApplyAction(*store_, reviewer, *id, 2, RecordAction::kApprove, "", {"no_secret"},
                             today, "t3");
  EXPECT_FALSE(partial.ok());
  EXPECT_NE(partial.message().find("保密审查"), std::string::npos);
  std::vector<std::string> all;
  for (const auto& item : ReviewChecklist()) all.emplace_back(item.key);
  ASSERT_TRUE(
      ApplyAction(*store_, reviewer, *id, 2, RecordAction::kApprove, "同意", all, today, "t4")
          .ok());
  EXPECT_EQ(Count(), 1);
  got = store_->records().GetRecord(*id);
  EXPECT_EQ((*got)->record.published_on, today);

  // 废止 keeps the record published, with its validity and date.
  const Date repealed_on = *Date::Parse("2024-09-01");
  EXPECT_FALSE(
      ChangeValidity(*store_, editor, *id, 3, catalog::Validity::kRepealed, repealed_on, "", "t")
          .ok());
  ASSERT_TRUE(ChangeValidity(*store_, reviewer, *id, 3, catalog::Validity::kRepealed, repealed_on,
                             "被新文件替代", "t4b")
                  .ok());
  got = store_->records().GetRecord(*id);
  EXPECT_EQ((*got)->record.validity, catalog::Validity::kRepealed);
  EXPECT_EQ((*got)->record.validity_changed_on, repealed_on);
  EXPECT_EQ(Count(), 1);
  auto rows = store_->records().AgencyRecordsForReport("lg");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].validity, catalog::Validity::kRepealed);

  EXPECT_FALSE(
      ApplyAction(*store_, reviewer, *id, 4, RecordAction::kWithdraw, " ", {}, today, "t5").ok());
  ASSERT_TRUE(
      ApplyAction(*store_, reviewer, *id, 4, RecordAction::kWithdraw, "政策已调整", {}, today, "t6")
          .ok());
  EXPECT_EQ(Count(), 0);
  auto revs = store_->records().RecordRevisions(*id);
  ASSERT_EQ(revs->size(), 5u);
  EXPECT_EQ((*revs)[2].action, "approve");
  EXPECT_NE((*revs)[2].note.find("不含国家秘密"), std::string::npos);
  EXPECT_EQ((*revs)[2].actor, "rv");
  EXPECT_EQ((*revs)[3].action, "validity");
  EXPECT_NE((*revs)[3].note.find("废止"), std::string::npos);
  EXPECT_EQ((*revs)[4].note, "撤回理由：政策已调整");
}

// A real PDF and DOCX with Chinese text, as the letters module writes them.
letters::Letter SampleLetter() {
  letters::Letter l;
  l.doc_no = "临管〔2024〕1号";
  l.title = "危险化学品仓储安全检查表";
  l.addressee = "各企业";
  l.paragraphs = {"请对照检查表逐项自查危险化学品仓储情况。"};
  l.issuer = "临港区管委会";
  l.date = *Date::Parse("2024-05-06");
  return l;
}

int64_t Hits(store::Store& s, const std::string& q) {
  store::RecordQuery query;
  query.fts = catalog::BuildQuery(q)->fts;
  auto r = s.records().SearchRecords(query);
  return r.ok() ? r->total : -1;
}

TEST_F(RecordsAppTest, AttachmentsAreCheckedStoredAndSearched) {
  const Date today = *Date::Parse("2024-05-06");
  Actor editor{"ed", "editor", "lg"}, reviewer{"rv", "reviewer", "lg"},
      other{"x", "editor", "other"};
  catalog::Record d;
  d.title = "关于开展仓储安全检查的通知";
  d.publisher = "临港区管委会";
  d.category = "通知公告";
  auto id = CreateDraft(*store_, editor, d, today, "t1");
  ASSERT_TRUE(id.ok());
  auto pdf = letters::RenderPdf(SampleLetter());
  auto docx = letters::RenderDocx(SampleLetter());
  ASSERT_TRUE(pdf.ok() && docx.ok());

  auto a1 = AttachFile(*store_, editor, *id, 1, "检查表.pdf", *pdf, "t2");
  ASSERT_TRUE(a1.ok()) << a1.status().message();
  auto a2 = AttachFile(*store_, editor, *id, 2, "检查表.docx", *docx, "t3");
  ASSERT_TRUE(a2.ok()) << a2.status().message();
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "pixels";
  ASSERT_TRUE(AttachFile(*store_, editor, *id, 3, "现场照片.png", png, "t4").ok());

  // Refused uploads name the field and write nothing.
  struct Bad {
    std::string name, bytes;
  };
  for (const Bad& b : {Bad{"a.exe", "MZ.."}, Bad{"a.png", *pdf}, Bad{"a.pdf", ""},
                       Bad{"a.docx", std::string("PK\x03\x04", 4) + "not a zip"},
                       Bad{"a.pdf", "%PDF-1.4 broken"}}) {
    auto r = AttachFile(*store_, editor, *id, 4, b.name, b.bytes, "t");
    ASSERT_FALSE(r.ok()) << b.name;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << b.name;
    EXPECT_EQ(r.status().message().rfind("file（附件）：", 0), 0u) << r.status().message();
  }
  EXPECT_EQ(AttachFile(*store_, other, *id, 4, "b.pdf", *pdf, "t").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(AttachFile(*store_, editor, *id, 3, "b.pdf", *pdf, "t").status().code(),
            StatusCode::kConflict);
  auto atts = store_->records().RecordAttachments(*id);
  ASSERT_EQ(atts->size(), 3u);
  EXPECT_EQ((*atts)[0].media_type, "application/pdf");
  EXPECT_EQ((*atts)[0].sha256, Sha256Hex(*pdf));
  EXPECT_EQ((*atts)[1].size, static_cast<int64_t>(docx->size()));
  EXPECT_EQ((*store_->GetDocument((*atts)[2].sha256))->content, png);

  // Published, the attachments' text is searched with the body.
  ASSERT_TRUE(ApplyAction(*store_, editor, *id, 4, RecordAction::kSubmit, "", {}, today, "t5").ok());
  std::vector<std::string> all;
  for (const auto& item : ReviewChecklist()) all.emplace_back(item.key);
  ASSERT_TRUE(
      ApplyAction(*store_, reviewer, *id, 5, RecordAction::kApprove, "", all, today, "t6").ok());
  EXPECT_EQ(Hits(*store_, "危险化学品"), 1);
  EXPECT_EQ(Hits(*store_, "仓储 逐项自查"), 1);
  // A published record changes only by withdrawing and drafting anew.
  EXPECT_EQ(DetachFile(*store_, editor, *id, 6, (*atts)[0].id, "t7").code(),
            StatusCode::kInvalidArgument);
  auto revs = store_->records().RecordRevisions(*id);
  EXPECT_EQ((*revs)[1].action, "attach");
  EXPECT_NE((*revs)[1].note.find(Sha256Hex(*pdf)), std::string::npos);
}

TEST_F(RecordsAppTest, LinksJoinAnInterpretationToItsDocument) {
  const Date today = *Date::Parse("2024-05-06");
  Actor editor{"ed", "editor", "lg"}, reviewer{"rv", "reviewer", "lg"};
  std::vector<std::string> all;
  for (const auto& item : ReviewChecklist()) all.emplace_back(item.key);
  auto publish = [&](const std::string& title) {
    catalog::Record d;
    d.title = title;
    d.publisher = "临港区管委会";
    d.category = "政策文件";
    auto id = CreateDraft(*store_, editor, d, today, "t");
    EXPECT_TRUE(ApplyAction(*store_, editor, *id, 1, RecordAction::kSubmit, "", {}, today, "t").ok());
    EXPECT_TRUE(ApplyAction(*store_, reviewer, *id, 2, RecordAction::kApprove, "", all, today, "t").ok());
    return *id;
  };
  const int64_t policy = publish("临港区促进制造业发展若干措施");
  const int64_t other = publish("临港区人才政策");
  catalog::Record d;
  d.title = "《临港区促进制造业发展若干措施》政策解读";
  d.publisher = "临港区管委会";
  d.category = "政策解读";
  auto reading = CreateDraft(*store_, editor, d, today, "t");
  ASSERT_TRUE(reading.ok());
  auto policy_no = (*store_->records().GetRecord(policy))->record.index_no;
  ASSERT_TRUE(LinkRecord(*store_, editor, *reading, 1, policy_no, catalog::LinkKind::kInterprets, "t").ok());
  ASSERT_TRUE(LinkRecord(*store_, editor, *reading, 2, std::to_string(other),
                         catalog::LinkKind::kRelated, "t").ok());
  for (const std::string& bad : {std::string(""), std::string("no-such"), std::to_string(*reading),
                                 policy_no}) {
    auto s = LinkRecord(*store_, editor, *reading, 3, bad, catalog::LinkKind::kInterprets, "t");
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(s.message().rfind("target（关联信息）：", 0), 0u) << s.message();
  }
  // Seen from the document: its 解读 once the reading is published.
  EXPECT_TRUE(Relations(*store_, policy, true)->interpreted_by.empty());
  EXPECT_EQ(Relations(*store_, policy, false)->interpreted_by.size(), 1u);
  ASSERT_TRUE(ApplyAction(*store_, editor, *reading, 3, RecordAction::kSubmit, "", {}, today, "t").ok());
  ASSERT_TRUE(ApplyAction(*store_, reviewer, *reading, 4, RecordAction::kApprove, "", all, today, "t").ok());
  auto from_policy = Relations(*store_, policy, true);
  ASSERT_EQ(from_policy->interpreted_by.size(), 1u);
  EXPECT_EQ(from_policy->interpreted_by[0].id, *reading);
  auto from_reading = Relations(*store_, *reading, true);
  ASSERT_EQ(from_reading->interprets.size(), 1u);
  EXPECT_EQ(from_reading->interprets[0].id, policy);
  ASSERT_EQ(from_reading->related.size(), 1u);
  EXPECT_EQ(Relations(*store_, other, true)->related.size(), 1u);
}

}  // namespace
}  // namespace gk::app
