// The catalog store: import, revisions, the published-only index, search
// filters and order, and the search rule of interface.md checked against a
// plain substring count over a generated corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include "catalog/search.h"
#include "core/text.h"
#include "store/store.h"
#include "support/db.h"

namespace gk::store {
namespace {

namespace fs = std::filesystem;
using catalog::Record;
using catalog::RecordStatus;

Date D(std::string_view s) { return *Date::Parse(s); }

class RecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-records-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    url_ = gk::testing::FreshDatabaseUrl(dir_, "t");
    auto s = OpenStore(url_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    for (const char* id : {"a", "b"}) {
      AgencyRow a;
      a.id = id;
      a.name = std::string("机构") + id;
      a.kind = "government";
      ASSERT_TRUE(store_->InsertAgencyIfAbsent(a, "2024-01-01T00:00:00Z").ok());
    }
  }
  void TearDown() override {
    store_.reset();
    gk::testing::DropDatabase(url_);
    fs::remove_all(dir_);
  }
  RecordStore& rs() { return store_->records(); }

  static Record Rec(std::string agency, std::string index_no, std::string title,
                    std::string published_on, std::string body = "") {
    Record r;
    r.agency_id = std::move(agency);
    r.index_no = std::move(index_no);
    r.title = std::move(title);
    r.publisher = "发布机构";
    r.category = "通知公告";
    r.published_on = D(published_on);
    r.body = std::move(body);
    r.status = RecordStatus::kPublished;
    return r;
  }
  static RecordChange Change(std::string action) {
    return {"tester", std::move(action), "", "2024-06-01T00:00:00Z"};
  }
  int64_t Total(const std::string& q, RecordQuery query = {}) {
    auto b = catalog::BuildQuery(q);
    EXPECT_TRUE(b.ok()) << q;
    query.fts = b->fts;
    query.limit = 1;
    auto r = rs().SearchRecords(query);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().message();
    return r.ok() ? r->total : -1;
  }

  std::string dir_, url_;
  std::unique_ptr<Store> store_;
};

TEST_F(RecordsTest, ImportIsAllOrNothing) {
  std::vector<Record> recs = {Rec("a", "1", "关于政府信息公开的通知", "2024-01-02"),
                              Rec("a", "2", "第二件", "2024-01-03"),
                              Rec("a", "1", "重复索引号", "2024-01-04")};
  size_t at = 99;
  auto r = rs().ImportRecords(recs, Change("import"), &at);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(at, 2u);
  EXPECT_EQ(Total(""), 0);

  recs[2].agency_id = "nope";
  r = rs().ImportRecords(recs, Change("import"), &at);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(at, 2u);

  recs[2].agency_id = "b";  // same index number, other agency: fine
  r = rs().ImportRecords(recs, Change("import"), &at);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, 3);
  EXPECT_EQ(Total(""), 3);
  EXPECT_EQ(Total("政府"), 1);
  EXPECT_TRUE(*rs().IndexNoExists("a", "1"));
  EXPECT_FALSE(*rs().IndexNoExists("a", "3"));
}

TEST_F(RecordsTest, RevisionsAreKeptAndOnlyPublishedIsSearchable) {
  Record draft = Rec("a", "LG/2024-00001", "安全生产检查通知", "2024-03-01", "正文");
  draft.status = RecordStatus::kDraft;
  auto id = rs().CreateRecord(draft, Change("create"));
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(Total("安全"), 0);
  RecordQuery drafts;
  drafts.status = RecordStatus::kDraft;
  EXPECT_EQ(rs().SearchRecords(drafts)->total, 1);

  Record pub = draft;
  pub.id = *id;
  pub.status = RecordStatus::kPublished;
  ASSERT_TRUE(rs().UpdateRecord(pub, 1, Change("publish")).ok());
  EXPECT_EQ(Total("安全"), 1);
  // A stale revision writes nothing.
  auto stale = rs().UpdateRecord(pub, 1, Change("edit"));
  EXPECT_EQ(stale.code(), StatusCode::kConflict);

  Record withdrawn = pub;
  withdrawn.status = RecordStatus::kWithdrawn;
  RecordChange w = Change("withdraw");
  w.note = "内容有误";
  ASSERT_TRUE(rs().UpdateRecord(withdrawn, 2, w).ok());
  EXPECT_EQ(Total("安全"), 0);
  EXPECT_EQ(Total(""), 0);

  auto revs = rs().RecordRevisions(*id);
  ASSERT_TRUE(revs.ok());
  ASSERT_EQ(revs->size(), 3u);
  EXPECT_EQ((*revs)[0].action, "create");
  EXPECT_EQ((*revs)[2].action, "withdraw");
  EXPECT_EQ((*revs)[2].note, "内容有误");
  EXPECT_NE((*revs)[2].snapshot.find("\"status\":\"withdrawn\""), std::string::npos);
  auto got = rs().GetRecord(*id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->revision, 3);
  EXPECT_EQ((*got)->record.status, RecordStatus::kWithdrawn);

  // Append-only, enforced by the database.
  EXPECT_NE(gk::testing::ExecSql(url_, "UPDATE record_revisions SET note = 'x'"), "");
  EXPECT_NE(gk::testing::ExecSql(url_, "DELETE FROM record_revisions"), "");
}

TEST_F(RecordsTest, FiltersOrderSnippetsAndPages) {
  std::vector<Record> recs;
  for (int i = 1; i <= 25; ++i) {
    Record r = Rec(i % 2 ? "a" : "b", std::to_string(i), "公开目录第" + std::to_string(i) + "号",
                   i <= 12 ? "2023-05-01"
                           : "2024-05-" + std::string(i < 20 ? "0" : "") + std::to_string(i - 10),
                   "本文件规定了政府信息公开的范围。");
    r.validity = i % 3 ? catalog::Validity::kInForce : catalog::Validity::kRepealed;
    r.category = i % 5 ? "通知公告" : "规范性文件";
    if (i == 3) {
      r.pinned = true;
      r.pin_order = 2;
    }
    if (i == 7) {
      r.pinned = true;
      r.pin_order = 1;
    }
    recs.push_back(r);
  }
  ASSERT_TRUE(rs().ImportRecords(recs, Change("import"), nullptr).ok());
  RecordQuery q;
  q.agency_id = "a";
  EXPECT_EQ(Total("", q), 13);
  q = {};
  q.year = 2023;
  EXPECT_EQ(Total("公开", q), 12);
  q = {};
  q.validity = catalog::Validity::kRepealed;
  EXPECT_EQ(Total("", q), 8);
  q = {};
  q.category = "规范性文件";
  EXPECT_EQ(Total("", q), 5);

  q = {};
  q.order = RecordOrder::kPinnedThenNewest;
  q.limit = 10;
  auto page = rs().SearchRecords(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 25);
  ASSERT_EQ(page->items.size(), 10u);
  EXPECT_EQ(page->items[0].record.index_no, "7");
  EXPECT_EQ(page->items[1].record.index_no, "3");
  EXPECT_EQ(page->items[2].record.index_no, "25");
  q.offset = 20;
  EXPECT_EQ(rs().SearchRecords(q)->items.size(), 5u);

  RecordQuery s;
  auto b = catalog::BuildQuery("政府信息");
  s.fts = b->fts;
  s.order = RecordOrder::kRelevance;
  auto hits = rs().SearchRecords(s);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_FALSE(hits->items.empty());
  EXPECT_NE(hits->items[0].body_snippet.find("\x01政府信息\x02"), std::string::npos)
      << hits->items[0].body_snippet;

  s.with_body = false;
  auto bare = rs().SearchRecords(s);
  ASSERT_TRUE(bare.ok());
  EXPECT_TRUE(bare->items[0].record.body.empty());
  EXPECT_EQ(bare->items[0].body_snippet, hits->items[0].body_snippet);

  auto rows = rs().AgencyRecordsForReport("a");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 13u);
  EXPECT_EQ(*rs().NextRecordSerial("a", 2024), 1);
  EXPECT_EQ(*rs().NextRecordSerial("a", 2024), 2);
  EXPECT_EQ(*rs().NextRecordSerial("a", 2025), 1);
}

// Relevance above the bm25 limit: title hits first, then the others, each
// newest first, across page boundaries; compacting the index changes nothing.
TEST_F(RecordsTest, BroadSearchesListTitleHitsFirstThenNewest) {
  std::vector<Record> recs;
  for (int i = 1; i <= 12; ++i) {
    const bool in_title = i % 3 == 0;  // 3, 6, 9, 12
    recs.push_back(Rec("a", std::to_string(i), in_title ? "安全生产通知" : "通知",
                       "2024-03-" + std::string(i < 10 ? "0" : "") + std::to_string(i),
                       in_title ? "正文" : "关于安全的正文"));
  }
  recs.push_back(Rec("a", "x", "无关", "2024-04-01", "无关"));
  ASSERT_TRUE(rs().ImportRecords(recs, Change("import"), nullptr).ok());
  RecordQuery q;
  q.fts = catalog::BuildQuery("安全")->fts;
  q.order = RecordOrder::kRelevance;
  q.ranked_up_to = 0;
  const std::vector<std::string> want = {"12", "9", "6", "3", "11", "10", "8",
                                         "7",  "5", "4", "2", "1"};
  auto keys = [&](const RecordQuery& rq) {
    auto page = rs().SearchRecords(rq);
    EXPECT_TRUE(page.ok()) << page.status().message();
    std::vector<std::string> out;
    if (!page.ok()) return out;
    EXPECT_EQ(page->total, 12);
    for (const auto& h : page->items) out.push_back(h.record.index_no);
    return out;
  };
  EXPECT_EQ(keys(q), want);
  for (int offset = 0; offset < 13; ++offset) {  // pages of 3 at every offset
    RecordQuery p = q;
    p.limit = 3;
    p.offset = offset;
    std::vector<std::string> slice(want.begin() + std::min(offset, 12),
                                   want.begin() + std::min(offset + 3, 12));
    EXPECT_EQ(keys(p), slice) << "offset " << offset;
  }
  auto page = rs().SearchRecords(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items[0].title_snippet, "\x01安全\x02生产通知");
  EXPECT_EQ(page->items[4].body_snippet, "关于\x01安全\x02的正文");
  // Below the limit: the same records (bm25 on SQLite).
  RecordQuery ranked = q;
  ranked.ranked_up_to = kRankedUpTo;
  auto r = keys(ranked);
  std::sort(r.begin(), r.end());
  auto w = want;
  std::sort(w.begin(), w.end());
  EXPECT_EQ(r, w);
  ASSERT_TRUE(rs().OptimizeSearchIndex().ok());
  EXPECT_EQ(keys(q), want);
}

// interface.md: q matches when every space-separated word occurs in the title
// or in the body, after NFKC + case folding. Compared with a substring count.
TEST_F(RecordsTest, AttachmentsAreRevisionsAndTheirTextIsSearched) {
  Record r = Rec("a", "1", "关于开展安全生产检查的通知", "2024-03-01", "正文内容");
  auto id = rs().CreateRecord(r, Change("import"));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->PutDocument("ab12", "application/pdf", "%PDF-1.4 x", "2024-06-01T00:00:00Z").ok());
  AttachmentRow a{0, *id, "检查表.pdf", "ab12", "application/pdf", 10, "附件里的危险化学品清单",
                  "2024-06-01T00:00:00Z", "tester"};
  EXPECT_EQ(Total("危险化学品"), 0);
  // A stale revision changes nothing.
  auto stale = rs().AddAttachment(a, 7, Change("attach"));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_TRUE(rs().RecordAttachments(*id)->empty());

  auto aid = rs().AddAttachment(a, 1, Change("attach"));
  ASSERT_TRUE(aid.ok()) << aid.status().message();
  EXPECT_EQ(Total("危险化学品"), 1);  // the published record's index holds the attachment text
  EXPECT_EQ(Total("正文内容 化学品"), 1);
  auto list = rs().RecordAttachments(*id);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].filename, "检查表.pdf");
  EXPECT_EQ((*list)[0].text, "");  // listings leave the text out
  EXPECT_EQ((*rs().GetRecord(*id))->revision, 2);
  auto revs = rs().RecordRevisions(*id);
  ASSERT_EQ(revs->size(), 2u);
  EXPECT_EQ((*revs)[1].action, "attach");

  EXPECT_EQ(rs().RemoveAttachment(*id, *aid + 1, 2, Change("detach")).code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(rs().RemoveAttachment(*id, *aid, 2, Change("detach")).ok());
  EXPECT_EQ(Total("危险化学品"), 0);
  EXPECT_EQ((*rs().GetRecord(*id))->revision, 3);
}

TEST_F(RecordsTest, LinksAreSeenFromBothEnds) {
  auto policy = rs().CreateRecord(Rec("a", "1", "某某管理办法", "2024-03-01"), Change("import"));
  Record draft = Rec("b", "9", "《某某管理办法》政策解读", "2024-03-05");
  draft.status = RecordStatus::kDraft;
  draft.published_on.reset();
  auto reading = rs().CreateRecord(draft, Change("create"));
  ASSERT_TRUE(policy.ok() && reading.ok());
  RecordLinkRow l{*reading, *policy, "interprets", "2024-06-01T00:00:00Z", "tester"};
  ASSERT_TRUE(rs().AddRecordLink(l, 1, Change("link")).ok());
  EXPECT_EQ(rs().AddRecordLink(l, 2, Change("link")).code(), StatusCode::kConflict);
  EXPECT_EQ((*rs().GetRecord(*reading))->revision, 2);
  for (int64_t end : {*policy, *reading}) {
    auto links = rs().RecordLinks(end);
    ASSERT_TRUE(links.ok());
    ASSERT_EQ(links->size(), 1u) << end;
    EXPECT_EQ((*links)[0].record_id, *reading);
    EXPECT_EQ((*links)[0].target_id, *policy);
    EXPECT_EQ((*links)[0].kind, "interprets");
  }
  EXPECT_EQ(*rs().RecordIdByIndexNo("a", "1"), std::optional<int64_t>(*policy));
  EXPECT_FALSE(rs().RecordIdByIndexNo("b", "1")->has_value());
  ASSERT_TRUE(rs().RemoveRecordLink(l, 2, Change("unlink")).ok());
  EXPECT_TRUE(rs().RecordLinks(*policy)->empty());
  EXPECT_EQ(rs().RemoveRecordLink(l, 3, Change("unlink")).code(), StatusCode::kNotFound);
}

TEST_F(RecordsTest, SearchTotalsEqualSubstringCounts) {
  // A small alphabet so that words recur; U+F900 is a compatibility
  // ideograph that NFKC maps to U+8C48 (also in the alphabet).
  const std::vector<std::string> han = {"政", "府", "信", "息", "公",           "开",          "年",
                                        "度", "报", "告", "规", "章",           "文",          "件",
                                        "通", "知", "安", "全", "\xEF\xA4\x80", "\xE8\xB1\x88"};
  const std::vector<std::string> punct = {"，", "。", "、", "《", "》", " "};
  // Latin words, digits and punctuation in several forms (full-width, case),
  // some inside others (pdf / pdfs, 2024 / 20240101), written with or
  // without spaces around them.
  const std::vector<std::vector<std::string>> latin = {
      {"pdf", "PDF", "Pdf", "ＰＤＦ"}, {"pdfs", "PDFs"},           {"xml", "XML"},
      {"html", "HTML"},                {"gb/t", "GB/T", "ＧＢ／Ｔ"}, {"iso", "ISO"},
      {"2024", "２０２４"},            {"20240101"}};
  std::mt19937 rng(20240601);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  auto text = [&](size_t len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) {
      const size_t r = pick(100);
      if (r < 80) {
        s += han[pick(han.size())];
      } else if (r < 92) {
        s += punct[pick(punct.size())];
      } else {
        const auto& forms = latin[pick(latin.size())];
        const bool spaced = pick(2) == 0;
        s += (spaced ? " " : "") + forms[pick(forms.size())] + (spaced ? " " : "");
      }
    }
    return s;
  };
  std::vector<Record> recs;
  std::vector<std::pair<std::string, std::string>> keys;  // folded title, body
  for (int i = 0; i < 500; ++i) {
    Record r = Rec(i % 2 ? "a" : "b", std::to_string(i), text(4 + pick(16)), "2024-01-01",
                   text(pick(120)));
    keys.emplace_back(text::SearchKey(r.title), text::SearchKey(r.body));
    recs.push_back(std::move(r));
  }
  ASSERT_TRUE(rs().ImportRecords(recs, Change("import"), nullptr).ok());

  auto expected = [&](const std::vector<std::string>& words) {
    int64_t n = 0;
    for (const auto& [t, b] : keys) {
      bool all = true;
      for (const std::string& w : words) {
        const std::string k = text::SearchKey(w);
        all = all && (t.find(k) != std::string::npos || b.find(k) != std::string::npos);
      }
      n += all;
    }
    return n;
  };
  // Words of `len` Han characters: half taken from the corpus, half random.
  auto han_word = [&](size_t len) {
    std::string w;
    if (pick(2)) {
      for (size_t i = 0; i < len; ++i) w += han[pick(han.size())];
      return w;
    }
    for (;;) {
      const std::string& src = recs[pick(recs.size())].body;
      const auto toks = catalog::Tokens(src, catalog::TokenizeMode::kDocument);
      std::vector<std::string> run;
      for (const auto& t : toks) {
        if (t.colocated) continue;
        const bool is_han = t.text.size() == 3;
        const bool adjacent =
            !run.empty() && t.begin >= 3 && src.compare(t.begin - 3, 3, run.back()) == 0;
        if (is_han && (run.empty() || adjacent)) {
          run.push_back(src.substr(t.begin, t.end - t.begin));
        } else {
          if (run.size() >= len) break;
          run.clear();
          if (is_han) run.push_back(src.substr(t.begin, t.end - t.begin));
        }
      }
      if (run.size() >= len) {
        const size_t start = pick(run.size() - len + 1);
        for (size_t i = start; i < start + len; ++i) w += run[i];
        return w;
      }
    }
  };

  std::vector<std::vector<std::string>> queries;
  for (const std::string& c : han) queries.push_back({c});
  for (int i = 0; i < 60; ++i) queries.push_back({han_word(2)});
  for (int i = 0; i < 60; ++i) queries.push_back({han_word(4)});
  for (const auto& forms : latin)
    for (const std::string& f : forms) queries.push_back({f});
  // Parts of Latin words and numbers, punctuation.
  for (const char* part : {"df", "DFS", "ml", "ＭＬ", "b/t", "/", "024", "0101", "s", "，", "《政"})
    queries.push_back({part});
  for (int i = 0; i < 40; ++i) {
    const auto& forms = latin[pick(latin.size())];
    queries.push_back({han_word(1 + pick(3)), pick(2) ? forms[pick(forms.size())] : han_word(2)});
  }
  int nonzero = 0;
  for (const auto& words : queries) {
    std::string q;
    for (const std::string& w : words) q += (q.empty() ? "" : " ") + w;
    const int64_t want = expected(words);
    nonzero += want > 0;
    EXPECT_EQ(Total(q), want) << "q=" << q;
  }
  // The comparison means something only if most queries find records.
  EXPECT_GT(nonzero, static_cast<int>(queries.size()) / 2);
}

}  // namespace
}  // namespace gk::store
