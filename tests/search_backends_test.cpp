// Catalog search on SQLite (FTS5) and PostgreSQL (tsvector of app-side
// tokens) over the same generated corpus: the same totals, the same records,
// and the same order wherever the order rule is defined by columns (newest,
// pinned then newest; relevance: the same set, docs/catalog.md). Runs with
// GK_TEST_BACKEND=postgres (ctest: search_backends_test).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "catalog/search.h"
#include "core/text.h"
#include "store/store.h"
#include "support/db.h"
#include "support/process.h"

namespace gk::testing {
namespace {

using catalog::Record;
using store::RecordOrder;
using store::RecordQuery;

std::vector<Record> Corpus(std::mt19937& rng) {
  const std::vector<std::string> han = {"政", "府", "信", "息", "公", "开", "年", "度", "报",
                                        "告", "规", "章", "文", "件", "通", "知", "安", "全"};
  const std::vector<std::string> other = {"，", "。", " ", "PDF", "pdf ", "ＸＭＬ", " GB/T ",
                                          "2024", "'", "\\", "\"", "&", ":"};
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  auto text = [&](size_t len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) s += pick(100) < 85 ? han[pick(han.size())] : other[pick(other.size())];
    return s;
  };
  std::vector<Record> out;
  for (int i = 0; i < 400; ++i) {
    Record r;
    r.agency_id = i % 3 ? "a" : "b";
    r.index_no = "IDX-" + std::to_string(i);
    r.title = text(4 + pick(14));
    r.publisher = "发布机构";
    r.category = i % 4 ? "通知公告" : "规范性文件";
    // Few distinct dates: many ties, ordered by id.
    r.published_on = *Date::Parse("2024-0" + std::to_string(1 + pick(3)) + "-1" + std::to_string(pick(3)));
    r.body = text(pick(150));
    r.status = pick(10) ? catalog::RecordStatus::kPublished : catalog::RecordStatus::kDraft;
    r.pinned = pick(15) == 0;
    r.pin_order = static_cast<int>(pick(3));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> Keys(const store::RecordPage& p) {
  std::vector<std::string> out;
  for (const auto& h : p.items) out.push_back(h.record.index_no);
  return out;
}

TEST(SearchBackends, SameResultsOnSqliteAndPostgres) {
  ASSERT_TRUE(OnPostgres()) << "run with GK_TEST_BACKEND=postgres (ctest -R search_backends_test)";
  const std::string dir = MakeTempDir();
  const std::string pg_url = FreshDatabaseUrl(dir, "search");
  auto lite = store::OpenStore("sqlite:" + dir + "/s.db", store::OpenMode::kCreateIfMissing);
  auto pg = store::OpenStore(pg_url, store::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(lite.ok()) << lite.status().message();
  ASSERT_TRUE(pg.ok()) << pg.status().message();
  std::mt19937 rng(20261205);
  const std::vector<Record> corpus = Corpus(rng);
  for (auto* s : {&*lite, &*pg}) {
    for (const char* id : {"a", "b"}) {
      store::AgencyRow a;
      a.id = id;
      a.name = std::string("机构") + id;
      a.kind = "government";
      ASSERT_TRUE((*s)->InsertAgencyIfAbsent(a, "2024-01-01T00:00:00Z").ok());
    }
    auto n = (*s)->records().ImportRecords(corpus, {"t", "import", "", "2024-06-01T00:00:00Z"},
                                           nullptr);
    ASSERT_TRUE(n.ok()) << n.status().message();
  }
  // 1-, 2- and 4-character Chinese words (from the corpus and not), Latin
  // words in other forms, punctuation, two-word queries.
  std::vector<std::string> queries = {"政", "息", "公开", "信息", "规章", "开年", "政府信息",
                                      "年度报告", "通知安全", "府信息公", "pdf", "PDF", "ｐｄｆ",
                                      "xml", "gb/t", "2024", "'", "\\", "\"", "&", ":", "。",
                                      "政 公开", "信息 pdf", "年度 通知", "安全 规章 文件",
                                      "不存在的词", "政府信息公开年度报告"};
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  for (int i = 0; i < 30; ++i) {  // substrings of titles and bodies, 1 to 5 characters
    const Record& r = corpus[pick(corpus.size())];
    const std::string& src = pick(2) ? r.title : r.body;
    const auto toks = catalog::Tokens(src, catalog::TokenizeMode::kDocument);
    if (toks.empty()) continue;
    const size_t at = pick(toks.size());
    const size_t len = 1 + pick(5);
    const size_t end = std::min(src.size(), toks[at].begin + len * 3);
    std::string w = src.substr(toks[at].begin, end - toks[at].begin);
    if (gk::text::IsValidUtf8(w) && !catalog::BuildQuery(w)->words.empty()) queries.push_back(w);
  }
  int nonzero = 0;
  for (const std::string& q : queries) {
    auto built = catalog::BuildQuery(q);
    ASSERT_TRUE(built.ok()) << q;
    for (RecordOrder order :
         {RecordOrder::kNewest, RecordOrder::kPinnedThenNewest, RecordOrder::kRelevance}) {
      for (bool only_a : {false, true}) {
        RecordQuery rq;
        rq.fts = built->fts;
        rq.order = order;
        rq.limit = 1000;
        if (only_a) rq.agency_id = "a";
        auto a = (*lite)->records().SearchRecords(rq);
        auto b = (*pg)->records().SearchRecords(rq);
        ASSERT_TRUE(a.ok()) << a.status().message();
        ASSERT_TRUE(b.ok()) << b.status().message();
        EXPECT_EQ(a->total, b->total) << "q=" << q;
        nonzero += a->total > 0;
        auto ka = Keys(*a), kb = Keys(*b);
        if (order == RecordOrder::kRelevance) {  // scores differ by design; the set does not
          std::sort(ka.begin(), ka.end());
          std::sort(kb.begin(), kb.end());
        }
        EXPECT_EQ(ka, kb) << "q=" << q << " order=" << static_cast<int>(order);
        // Pages: the same slice of the same order.
        if (order == RecordOrder::kNewest && a->total > 3) {
          rq.limit = 2;
          rq.offset = 2;
          EXPECT_EQ(Keys(*(*lite)->records().SearchRecords(rq)),
                    Keys(*(*pg)->records().SearchRecords(rq)))
              << "q=" << q;
        }
      }
    }
  }
  EXPECT_GT(nonzero, static_cast<int>(queries.size()));
  pg->reset();
  DropDatabase(pg_url);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gk::testing
