// Catalog search on SQLite (FTS5) and PostgreSQL (tsvector of app-side
// tokens) over the same generated corpus: the same totals, the same records,
// the same marked snippets, and the same order wherever the order rule is
// the same (newest, pinned then newest, and relevance above the bm25 limit:
// title hits first; below it SQLite ranks by bm25, so only the set is
// compared, docs/catalog.md). Runs with
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
  bool title_first_pass = false;
  for (const std::string& q : queries) {
    auto built = catalog::BuildQuery(q);
    ASSERT_TRUE(built.ok()) << q;
    for (RecordOrder order : {RecordOrder::kNewest, RecordOrder::kPinnedThenNewest,
                              RecordOrder::kRelevance, RecordOrder::kRelevance}) {
      // The second relevance pass sets the bm25 limit to 0: title hits first
      // on both stores.
      const bool ranked = order == RecordOrder::kRelevance && !title_first_pass;
      if (order == RecordOrder::kRelevance) title_first_pass = !title_first_pass;
      for (bool only_a : {false, true}) {
        RecordQuery rq;
        rq.fts = built->fts;
        rq.order = order;
        rq.limit = 1000;
        if (order == RecordOrder::kRelevance && !ranked) rq.ranked_up_to = 0;
        if (only_a) rq.agency_id = "a";
        auto a = (*lite)->records().SearchRecords(rq);
        auto b = (*pg)->records().SearchRecords(rq);
        ASSERT_TRUE(a.ok()) << a.status().message();
        ASSERT_TRUE(b.ok()) << b.status().message();
        EXPECT_EQ(a->total, b->total) << "q=" << q;
        nonzero += a->total > 0;
        auto ka = Keys(*a), kb = Keys(*b);
        if (ranked) {  // bm25 on SQLite only; the set is the same
          std::sort(ka.begin(), ka.end());
          std::sort(kb.begin(), kb.end());
        } else {
          ASSERT_EQ(a->items.size(), b->items.size());
          for (size_t k = 0; k < a->items.size(); ++k) {
            EXPECT_EQ(a->items[k].title_snippet, b->items[k].title_snippet) << "q=" << q;
            EXPECT_EQ(a->items[k].body_snippet, b->items[k].body_snippet) << "q=" << q;
          }
        }
        EXPECT_EQ(ka, kb) << "q=" << q << " order=" << static_cast<int>(order)
                          << (ranked ? " ranked" : "");
        // Pages: the same slice of the same order (title hits first: pages
        // that start in the title hits, span their end and lie past it).
        if (!ranked && order != RecordOrder::kPinnedThenNewest && a->total > 3) {
          for (int off : {0, 1, 2, 3, 5, 8, 13, 21, 34}) {
            rq.limit = 3;
            rq.offset = off;
            auto pa = (*lite)->records().SearchRecords(rq);
            auto pb = (*pg)->records().SearchRecords(rq);
            ASSERT_TRUE(pa.ok() && pb.ok());
            EXPECT_EQ(Keys(*pa), Keys(*pb)) << "q=" << q << " offset=" << off;
            EXPECT_EQ(pa->total, a->total);
            const std::vector<std::string> want(
                ka.begin() + std::min<long>(off, static_cast<long>(ka.size())),
                ka.begin() + std::min<long>(off + 3, static_cast<long>(ka.size())));
            EXPECT_EQ(Keys(*pa), want) << "q=" << q << " offset=" << off;
          }
        }
        if (order == RecordOrder::kRelevance && !ranked) {
          // The rule itself: every word in the title, then the others, each
          // newest first (ties: higher id first).
          auto tier = [&](const store::RecordHit& h) {
            return catalog::MatchesAll(h.record.title, "", built->words) ? 0 : 1;
          };
          for (size_t k = 1; k < a->items.size(); ++k) {
            const auto& x = a->items[k - 1].record;
            const auto& y = a->items[k].record;
            const int tx = tier(a->items[k - 1]), ty = tier(a->items[k]);
            EXPECT_TRUE(tx < ty || (tx == ty && (x.published_on > y.published_on ||
                                                 (x.published_on == y.published_on && x.id > y.id))))
                << "q=" << q << " at " << k;
          }
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
