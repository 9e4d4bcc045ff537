// Catalog search at 100,000 published records: the FTS5 index with the
// gk_cjk tokenizer (catalog/search.h) against a `LIKE '%…%'` scan of title
// and body. Each iteration is what a search page does: count the matches and
// fetch the first page of 20. The corpus is generated (fixed seed) from a
// vocabulary of government-document words; it is built once, in a temporary
// directory, and its load time is reported by BM_Import.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "catalog/search.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
constexpr int kRecords = 100'000;

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

struct Corpus {
  Corpus() {
    char tmpl[] = "/tmp/gk-search-bench-XXXXXX";
    dir = ::mkdtemp(tmpl);
    path = dir + "/s.db";
    store = std::move(gk::store::OpenStore("sqlite:" + path, gk::store::OpenMode::kCreateIfMissing))
                .value();
    gk::store::AgencyRow a;
    a.id = "bench";
    a.name = "基准测试机构";
    a.kind = "government";
    (void)store->InsertAgencyIfAbsent(a, "2026-01-01T00:00:00Z");
    std::mt19937 rng(42);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<gk::catalog::Record> batch;
    for (int i = 1; i <= kRecords; ++i) {
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
      if (batch.size() == 10'000) {
        (void)store->records().ImportRecords(batch, {"bench", "import", "", "now"}, nullptr);
        batch.clear();
      }
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    load_seconds = took.count();
    sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  }
  ~Corpus() {
    sqlite3_close_v2(raw);
    store.reset();
    fs::remove_all(dir);
  }
  std::string dir, path;
  std::unique_ptr<gk::store::Store> store;
  sqlite3* raw = nullptr;  // a plain connection for the LIKE baseline
  double load_seconds = 0;
};

Corpus& TheCorpus() {
  static Corpus c;
  return c;
}

const std::vector<std::string> kQueries = {"规",        "安全", "政府信息",      "行政许可决定",
                                           "安全 检查", "pdf",  "土地 征收 补偿"};

void BM_Import(benchmark::State& state) {
  Corpus& c = TheCorpus();
  // The corpus is built once, before timing; this reports its figures.
  for (auto _ : state) {
    int64_t n = kRecords;
    benchmark::DoNotOptimize(n);
  }
  state.counters["records"] = kRecords;
  state.counters["load_s"] = c.load_seconds;
  state.counters["records_per_s"] = kRecords / c.load_seconds;
  state.counters["db_MB"] = static_cast<double>(fs::file_size(c.path)) / 1e6;
}
BENCHMARK(BM_Import)->Iterations(1);

void BM_Fts(benchmark::State& state) {
  Corpus& c = TheCorpus();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  gk::store::RecordQuery query;
  query.fts = gk::catalog::BuildQuery(q)->fts;
  query.order = gk::store::RecordOrder::kRelevance;
  int64_t total = 0;
  for (auto _ : state) {
    auto page = c.store->records().SearchRecords(query);
    total = page.ok() ? page->total : -1;
    benchmark::DoNotOptimize(total);
  }
  state.SetLabel(q);
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_Fts)->DenseRange(0, 6)->Unit(benchmark::kMillisecond);

// Same words, each as `(title LIKE '%w%' OR body LIKE '%w%')`, ANDed: count,
// then the newest 20.
void BM_Like(benchmark::State& state) {
  Corpus& c = TheCorpus();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  std::vector<std::string> words;
  for (size_t i = 0; i <= q.size();) {
    size_t j = q.find(' ', i);
    if (j == std::string::npos) j = q.size();
    if (j > i) {
      std::string w(1, '%');
      w.append(q, i, j - i);
      w.push_back('%');
      words.push_back(std::move(w));
    }
    i = j + 1;
  }
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
  for (auto _ : state) {
    total = run(count_sql);
    benchmark::DoNotOptimize(run(page_sql));
  }
  state.SetLabel(q);
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_Like)->DenseRange(0, 6)->Unit(benchmark::kMillisecond);

// Listings without words: the API's newest first (0), the home page's pinned
// then newest (1), and a search with a filter, which joins before ranking (2).
void BM_List(benchmark::State& state) {
  Corpus& c = TheCorpus();
  gk::store::RecordQuery query;
  switch (state.range(0)) {
    case 0: query.order = gk::store::RecordOrder::kNewest; break;
    case 1: query.order = gk::store::RecordOrder::kPinnedThenNewest; break;
    default:
      query.fts = gk::catalog::BuildQuery("政府信息")->fts;
      query.year = 2020;
      query.order = gk::store::RecordOrder::kRelevance;
  }
  int64_t total = 0;
  for (auto _ : state) {
    auto page = c.store->records().SearchRecords(query);
    total = page.ok() ? page->total : -1;
    benchmark::DoNotOptimize(total);
  }
  state.SetLabel(state.range(0) == 0   ? "newest"
                 : state.range(0) == 1 ? "pinned, newest"
                                       : "政府信息 + year");
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_List)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
