// Catalog search: the FTS5 index with the gk_cjk tokenizer (catalog/search.h)
// measured in the same run as a `LIKE '%…%'` scan of title and body and as
// Xapian (the peer engine, CJK n-gram mode) indexing the same texts. Each
// iteration is what a search page does: count the matches and fetch the first
// page of 20 with highlights. Every benchmark reports the median and the 95th
// percentile of its iterations (p50_ms, p95_ms, wall time).
//
// The corpus: GK_BENCH_RECORDS published records (default 100,000) generated
// with a fixed seed from a vocabulary of government-document words, loaded
// with RecordStore::ImportRecords in batches of 10,000. The database is kept
// in /tmp (gk-search-bench-N.db) and reused by later runs of the same size;
// the load time of the run that built it is kept beside it and reported by
// BM_Import. The Xapian index of the same records is kept the same way
// (gk-search-bench-N.xapian). Built without Xapian (no xapian-core), the
// Xapian benchmarks are skipped with a message.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "catalog/search.h"
#include "store/sqlite_records.h"
#include "store/store.h"

#ifdef GK_HAVE_XAPIAN
#include <xapian.h>
#endif

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int64_t Records() {
  const char* env = std::getenv("GK_BENCH_RECORDS");
  return env ? std::max<int64_t>(1000, std::atoll(env)) : 100'000;
}
bool Large() { return Records() >= 500'000; }

std::string Base() { return "/tmp/gk-search-bench-" + std::to_string(Records()); }
std::string DbPath() { return Base() + ".db"; }

const std::vector<std::string> kWords = {
    "政府", "信息", "公开", "工作", "制度",   "通知", "关于",   "印发",   "实施", "方案",   "管理",
    "办法", "规定", "安全", "生产", "检查",   "环境", "保护",   "监督",   "行政", "许可",   "处罚",
    "决定", "财政", "预算", "决算", "收费",   "标准", "采购",   "项目",   "建设", "规划",   "发展",
    "统计", "数据", "教育", "医疗", "社会",   "保障", "就业",   "扶贫",   "应急", "预案",   "食品",
    "药品", "质量", "招考", "录用", "经济",   "技术", "开发区", "管委会", "街道", "办事处", "居民",
    "企业", "服务", "指南", "年度", "报告",   "会议", "纪要",   "意见",   "批复", "公告",   "公示",
    "结果", "名单", "补贴", "资金", "拨付",   "审批", "登记",   "备案",   "调查", "评估",   "考核",
    "整改", "落实", "推进", "加强", "进一步", "临港", "威海",   "山东",   "高新", "产业",   "园区",
    "交通", "道路", "水利", "农业", "农村",   "土地", "征收",   "房屋",   "补偿", "救助",   "养老",
    "卫生", "健康", "疫情", "防控", "文化",   "旅游", "体育"};
const std::vector<std::string> kPunct = {"，", "。", "、", "；", "：", "《", "》"};

std::string Text(std::mt19937& rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    s += kWords[rng() % kWords.size()];
    if (rng() % 6 == 0) s += kPunct[rng() % kPunct.size()];
    if (rng() % 40 == 0) s += " PDF ";
    if (rng() % 50 == 0) {
      s += std::to_string(2015 + rng() % 10);
      s += "年";
    }
  }
  return s;
}

double ReadSeconds(const std::string& path) {
  std::ifstream in(path);
  double s = 0;
  in >> s;
  return s;
}
void WriteSeconds(const std::string& path, double s) { std::ofstream(path) << s << "\n"; }

// Generates the database unless a complete one is there; returns the load
// time of the run that generated it.
double GenerateDb() {
  const std::string path = DbPath();
  const std::string done = path + ".complete";
  if (fs::exists(done)) return ReadSeconds(done);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  const int64_t n = Records();
  std::fprintf(stderr, "generating %lld records in %s …\n", static_cast<long long>(n),
               path.c_str());
  auto store =
      std::move(gk::store::OpenStore("sqlite:" + path, gk::store::OpenMode::kCreateIfMissing))
          .value();
  gk::store::AgencyRow a;
  a.id = "bench";
  a.name = "基准测试机构";
  a.kind = "government";
  (void)store->InsertAgencyIfAbsent(a, "2026-01-01T00:00:00Z");
  std::mt19937 rng(42);
  const auto t0 = Clock::now();
  std::vector<gk::catalog::Record> batch;
  for (int64_t i = 1; i <= n; ++i) {
    gk::catalog::Record r;
    r.agency_id = "bench";
    r.index_no = "BENCH/";
    r.index_no += std::to_string(i);
    r.title = Text(rng, 4 + static_cast<int>(rng() % 8));
    r.publisher = "基准测试机构";
    r.category = "通知公告";
    r.published_on = gk::Date::FromDays(16000 + static_cast<int64_t>(rng() % 4000));
    r.body = Text(rng, 40 + static_cast<int>(rng() % 80));
    r.status = gk::catalog::RecordStatus::kPublished;
    batch.push_back(std::move(r));
    if (batch.size() == 10'000 || i == n) {
      auto imported =
          store->records().ImportRecords(batch, {"bench", "import", "", "now"}, nullptr);
      if (!imported.ok()) {
        std::fprintf(stderr, "import: %s\n", imported.status().message().c_str());
        std::exit(1);
      }
      batch.clear();
      if (i % 100'000 == 0) std::fprintf(stderr, "  %lld\n", static_cast<long long>(i));
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  store.reset();
  WriteSeconds(done, seconds);
  return seconds;
}

struct Corpus {
  Corpus() {
    load_seconds = GenerateDb();
    store = std::move(gk::store::OpenStore("sqlite:" + DbPath(), gk::store::OpenMode::kMustExist))
                .value();
    // What `records import` does after loading: one index segment instead
    // of one per batch (a no-op on a corpus already optimized by a run before).
    const auto t0 = Clock::now();
    if (auto s = store->records().OptimizeSearchIndex(); !s.ok()) {
      std::fprintf(stderr, "optimize: %s\n", s.message().c_str());
      std::exit(1);
    }
    optimize_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    sqlite3_open_v2(DbPath().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    (void)gk::store::RegisterCjkTokenizer(raw);
  }
  ~Corpus() {
    sqlite3_close_v2(raw);
    store.reset();
  }
  // Bytes of the tables whose names start with `prefix` (dbstat).
  double TableBytes(const std::string& like) const {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(raw, "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE ?", -1, &s,
                       nullptr);
    sqlite3_bind_text(s, 1, like.c_str(), -1, SQLITE_TRANSIENT);
    double n = sqlite3_step(s) == SQLITE_ROW ? static_cast<double>(sqlite3_column_int64(s, 0)) : -1;
    sqlite3_finalize(s);
    return n;
  }
  std::unique_ptr<gk::store::Store> store;
  sqlite3* raw = nullptr;  // a plain read-only connection for the LIKE baseline and dbstat
  double load_seconds = 0;
  double optimize_seconds = 0;
};

Corpus& TheCorpus() {
  static Corpus c;
  return c;
}

const std::vector<std::string> kQueries = {"规",        "安全", "政府信息",      "行政许可决定",
                                           "安全 检查", "pdf",  "土地 征收 补偿"};

// Iterations per benchmark: fixed, so that the percentiles rest on enough
// samples whatever --benchmark_min_time says.
int Samples(bool scan) {
  if (scan) return Large() ? 5 : 20;
  return Large() ? 20 : 40;
}

// Times each iteration (wall clock) and reports p50_ms and p95_ms
// (nearest rank).
class Percentiles {
 public:
  void Start() { t0_ = Clock::now(); }
  void Stop() {
    ms_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0_).count());
  }
  void Report(benchmark::State& state) {
    if (ms_.empty()) return;
    std::sort(ms_.begin(), ms_.end());
    auto at = [&](double q) {
      const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(ms_.size())));
      return ms_[std::clamp<size_t>(rank, 1, ms_.size()) - 1];
    };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p95_ms"] = at(0.95);
  }

 private:
  Clock::time_point t0_;
  std::vector<double> ms_;
};

std::vector<std::string> SplitWords(const std::string& q) {
  std::vector<std::string> words;
  for (size_t i = 0; i <= q.size();) {
    size_t j = q.find(' ', i);
    if (j == std::string::npos) j = q.size();
    if (j > i) words.push_back(q.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

void BM_Import(benchmark::State& state) {
  Corpus& c = TheCorpus();
  // The corpus is built once, before timing; this reports its figures.
  for (auto _ : state) {
    int64_t n = Records();
    benchmark::DoNotOptimize(n);
  }
  state.counters["records"] = static_cast<double>(Records());
  state.counters["load_s"] = c.load_seconds;
  state.counters["records_per_s"] = static_cast<double>(Records()) / c.load_seconds;
  state.counters["optimize_s"] = c.optimize_seconds;  // this run's (≈0 once optimized)
  state.counters["db_MB"] = static_cast<double>(fs::file_size(DbPath())) / 1e6;
  // The FTS5 tables (records_fts, _data, _idx, _content, _docsize, _config);
  // _content is FTS5's own copy of the texts.
  state.counters["fts_MB"] = c.TableBytes("records_fts%") / 1e6;
  state.counters["fts_content_MB"] = c.TableBytes("records_fts_content") / 1e6;
}
BENCHMARK(BM_Import)->Iterations(1);

void BM_Fts(benchmark::State& state) {
  Corpus& c = TheCorpus();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  gk::store::RecordQuery query;
  query.fts = gk::catalog::BuildQuery(q)->fts;
  query.order = gk::store::RecordOrder::kRelevance;
  // 1: bm25 over every match, whatever the count (the order before the
  // title-first rule for broad queries), for comparison.
  if (state.range(1) == 1) query.ranked_up_to = INT64_MAX;
  int64_t total = 0;
  Percentiles p;
  for (auto _ : state) {
    p.Start();
    auto page = c.store->records().SearchRecords(query);
    total = page.ok() ? page->total : -1;
    benchmark::DoNotOptimize(total);
    p.Stop();
  }
  p.Report(state);
  state.SetLabel(q + (state.range(1) == 1 ? " / bm25 on every match" : ""));
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_Fts)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 6, 1), {0, 1}})
    ->Iterations(Samples(false))
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Where the time of a search page goes, on the plain connection: the count
// alone (0), the 20 best by bm25 without highlights (1), any 20 matches
// unranked (2).
void BM_FtsParts(benchmark::State& state) {
  Corpus& c = TheCorpus();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  const std::string fts = gk::catalog::BuildQuery(q)->fts;
  const char* sql[] = {
      "SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH ?",
      "SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rank LIMIT 20",
      "SELECT rowid FROM records_fts WHERE records_fts MATCH ? LIMIT 20"};
  const char* part[] = {"count", "ranked 20", "unranked 20"};
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(c.raw, sql[state.range(1)], -1, &s, nullptr);
  int64_t rows = 0;
  Percentiles p;
  for (auto _ : state) {
    p.Start();
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, fts.c_str(), -1, SQLITE_TRANSIENT);
    rows = 0;
    while (sqlite3_step(s) == SQLITE_ROW)
      rows += state.range(1) == 0 ? sqlite3_column_int64(s, 0) : 1;
    p.Stop();
  }
  sqlite3_finalize(s);
  p.Report(state);
  state.SetLabel(q + " / " + part[state.range(1)]);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_FtsParts)
    ->ArgsProduct({{0, 1, 4, 6}, {0, 1, 2}})
    ->Iterations(Samples(false) / 2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Same words, each as `(title LIKE '%w%' OR body LIKE '%w%')`, ANDed: count,
// then the newest 20.
void BM_Like(benchmark::State& state) {
  Corpus& c = TheCorpus();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  std::vector<std::string> words;
  for (const auto& w : SplitWords(q)) words.push_back("%" + w + "%");
  std::string where = " FROM records WHERE status = 'published'";
  for (size_t i = 0; i < words.size(); ++i) where += " AND (title LIKE ? OR body LIKE ?)";
  auto run = [&](const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(c.raw, sql.c_str(), -1, &s, nullptr);
    int k = 1;
    for (const auto& w : words) {
      sqlite3_bind_text(s, k++, w.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, k++, w.c_str(), -1, SQLITE_TRANSIENT);
    }
    int64_t n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
  };
  std::string count_sql = "SELECT COUNT(*)";
  count_sql += where;
  std::string page_sql = "SELECT id";
  page_sql += where;
  page_sql += " ORDER BY published_on DESC, id DESC LIMIT 20";
  int64_t total = 0;
  Percentiles p;
  for (auto _ : state) {
    p.Start();
    total = run(count_sql);
    benchmark::DoNotOptimize(run(page_sql));
    p.Stop();
  }
  p.Report(state);
  state.SetLabel(q);
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_Like)
    ->DenseRange(0, 6)
    ->Iterations(Samples(true))
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

#ifdef GK_HAVE_XAPIAN

std::string XapianPath() { return Base() + ".xapian"; }

uint64_t DirBytes(const std::string& dir, const std::string& only = "") {
  uint64_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && (only.empty() || e.path().filename().string().starts_with(only)))
      n += e.file_size();
  return n;
}

// Indexes every published record of the SQLite corpus (same ids, same texts)
// with Xapian's TermGenerator in CJK n-gram mode: title, then body after a
// position gap, and the texts as document data (Xapian's copy, as FTS5 keeps
// one for its snippets). The index as built is then compacted
// (Database::compact), which is what one would deploy; both sizes are kept.
struct XapianIndex {
  XapianIndex() {
    const std::string path = XapianPath();
    const std::string done = path + ".complete";
    if (!fs::exists(done)) Build(path, done);
    std::ifstream in(done);
    in >> index_seconds >> built_bytes;
    db = Xapian::Database(path);
  }
  static void Build(const std::string& path, const std::string& done) {
    const std::string built = path + ".built";
    fs::remove_all(path);
    fs::remove_all(built);
    std::fprintf(stderr, "indexing %lld records with Xapian in %s …\n",
                 static_cast<long long>(Records()), path.c_str());
    const auto t0 = Clock::now();
    {
      Xapian::WritableDatabase w(built, Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
      sqlite3* raw = nullptr;
      sqlite3_open_v2(DbPath().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
      sqlite3_stmt* s = nullptr;
      sqlite3_prepare_v2(raw,
                         "SELECT id, title, body FROM records WHERE status = 'published' "
                         "ORDER BY id",
                         -1, &s, nullptr);
      while (sqlite3_step(s) == SQLITE_ROW) {
        const auto id = static_cast<Xapian::docid>(sqlite3_column_int64(s, 0));
        const std::string title(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
        const std::string body(reinterpret_cast<const char*>(sqlite3_column_text(s, 2)));
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(title);
        tg.increase_termpos(100);
        tg.index_text(body);
        doc.set_data(title + "\n" + body);
        w.replace_document(id, doc);
      }
      sqlite3_finalize(s);
      sqlite3_close_v2(raw);
      w.commit();
    }
    const uint64_t built_bytes = DirBytes(built);
    Xapian::Database(built).compact(path);
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    fs::remove_all(built);
    std::ofstream(done) << seconds << " " << built_bytes << "\n";
  }
  Xapian::Database db;
  double index_seconds = 0;
  double built_bytes = 0;
};

XapianIndex& TheXapian() {
  static XapianIndex x;
  return x;
}

void BM_XapianIndex(benchmark::State& state) {
  Corpus& c = TheCorpus();
  XapianIndex& x = TheXapian();
  for (auto _ : state) {
    int64_t n = Records();
    benchmark::DoNotOptimize(n);
  }
  const double ours = c.TableBytes("records_fts%");
  const double xapian = static_cast<double>(DirBytes(XapianPath()));
  state.counters["index_s"] = x.index_seconds;
  state.counters["records_per_s"] = static_cast<double>(Records()) / x.index_seconds;
  state.counters["xapian_MB"] = xapian / 1e6;
  state.counters["xapian_docdata_MB"] =
      static_cast<double>(DirBytes(XapianPath(), "docdata")) / 1e6;
  state.counters["xapian_uncompacted_MB"] = x.built_bytes / 1e6;
  state.counters["fts_MB"] = ours / 1e6;
  state.counters["fts_over_xapian"] = ours / xapian;
}
BENCHMARK(BM_XapianIndex)->Iterations(1);

// The same page with Xapian: the query parsed in CJK n-gram mode with AND as
// the default operator (every word must occur), an exact count
// (check_at_least = every document, as our COUNT), the first 20 by BM25 and
// their data with a highlighted snippet (MSet::snippet, CJK n-gram).
void BM_Xapian(benchmark::State& state) {
  XapianIndex& x = TheXapian();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  Xapian::QueryParser qp;
  qp.set_database(x.db);
  qp.set_default_op(Xapian::Query::OP_AND);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  const bool exact = state.range(1) != 0;
  int64_t total = 0;
  Percentiles p;
  for (auto _ : state) {
    p.Start();
    Xapian::Enquire enquire(x.db);
    enquire.set_query(qp.parse_query(q, flags));
    Xapian::MSet mset = enquire.get_mset(0, 20, exact ? x.db.get_doccount() : 0);
    total = static_cast<int64_t>(mset.get_matches_estimated());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string data = it.get_document().get_data();
      benchmark::DoNotOptimize(mset.snippet(data, 200, Xapian::Stem(),
                                            Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                                Xapian::MSet::SNIPPET_EXHAUSTIVE |
                                                Xapian::MSet::SNIPPET_CJK_NGRAM,
                                            "\x01", "\x02", "…"));
    }
    p.Stop();
  }
  p.Report(state);
  state.SetLabel(q + (exact ? "" : " (estimated count)"));
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_Xapian)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 6, 1), {1, 0}})
    ->Iterations(Samples(false))
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

#else

void BM_Xapian(benchmark::State& state) {
  state.SkipWithError(
      "built without Xapian (pkg-config xapian-core not found): install libxapian-dev "
      "(scripts/deps.sh) and reconfigure to compare with it");
}
BENCHMARK(BM_Xapian)->Iterations(1);

#endif

// Listings without words: the API's newest first (0), the home page's pinned
// then newest (1), and a search with a filter, which joins before ranking (2).
void BM_List(benchmark::State& state) {
  Corpus& c = TheCorpus();
  gk::store::RecordQuery query;
  switch (state.range(0)) {
    case 0:
      query.order = gk::store::RecordOrder::kNewest;
      break;
    case 1:
      query.order = gk::store::RecordOrder::kPinnedThenNewest;
      break;
    default:
      query.fts = gk::catalog::BuildQuery("政府信息")->fts;
      query.year = 2020;
      query.order = gk::store::RecordOrder::kRelevance;
  }
  int64_t total = 0;
  Percentiles p;
  for (auto _ : state) {
    p.Start();
    auto page = c.store->records().SearchRecords(query);
    total = page.ok() ? page->total : -1;
    benchmark::DoNotOptimize(total);
    p.Stop();
  }
  p.Report(state);
  state.SetLabel(state.range(0) == 0   ? "newest"
                 : state.range(0) == 1 ? "pinned, newest"
                                       : "政府信息 + year");
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_List)
    ->DenseRange(0, 2)
    ->Iterations(Samples(false))
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
