// The annual report of a very large agency, computed from the records, timed
// in the same run as one SQL GROUP BY over the same events table.
//
// The data set: GK_BENCH_APPLICATIONS applications (default 1,000,000) of one
// agency over 2021–2025, each a full history (receipt, registration,
// assignment, reviews, decision, service, archive; some 补正, third-party
// consultations and fees), about 8 events each, generated with the demo's
// case generator and appended through the application's own write path
// (app::AppendCaseEvents: the domain checks, the hash chain, the case row and
// its report facts). Only the fsync is off while generating
// (store::Durability::kNone). The file is kept in /tmp and reused by later
// runs with the same size.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "app/annual_report.h"
#include "app/applications.h"
#include "app/case_files.h"
#include "app/demo.h"
#include "app/demo_cases.h"
#include "law/calendar.h"
#include "store/sqlite_store.h"

namespace {

namespace fs = std::filesystem;
using gk::law::Outcome;

constexpr const char* kAgency = "weihai-jingkai";
constexpr int kYear = 2024;

int64_t Applications() {
  const char* env = std::getenv("GK_BENCH_APPLICATIONS");
  return env ? std::max<int64_t>(1000, std::atoll(env)) : 1'000'000;
}

std::string DbPath() {
  return "/tmp/gk-report-bench-" + std::to_string(Applications()) + ".db";
}

const gk::law::Calendar& Cal() { return gk::law::Calendar::BuiltIn(); }

// Generates the data set unless a complete one is there.
void Generate() {
  const std::string path = DbPath();
  const std::string done = path + ".complete";
  if (fs::exists(done)) return;
  fs::remove(path);
  fs::remove(path + "-wal");
  fs::remove(path + "-shm");
  auto store = std::move(gk::store::OpenSqliteStore(path, gk::store::OpenMode::kCreateIfMissing,
                                                    gk::store::Durability::kNone))
                   .value();
  (void)gk::app::LoadDemoAgencies(*store, "2026-01-01T00:00:00Z");
  const gk::store::AgencyRow agency = **store->GetAgency(kAgency);
  std::mt19937 rng(20240101);
  const Outcome outcomes[] = {Outcome::kGranted,  Outcome::kGranted,   Outcome::kPartial,
                              Outcome::kNotHeld,  Outcome::kNotHeld,   Outcome::kNotThisOrgan,
                              Outcome::kRepeat,   Outcome::kWithdrawn, Outcome::kDeemedWithdrawn,
                              Outcome::kFeeUnpaid};
  const int64_t n = Applications();
  const gk::Date first = *gk::Date::FromYmd(2021, 1, 4);
  std::fprintf(stderr, "generating %lld applications in %s …\n", static_cast<long long>(n),
               path.c_str());
  for (int64_t i = 0; i < n; ++i) {
    gk::app::demo::CasePlan p;
    gk::Date d = first.AddDays(static_cast<int64_t>(i * (365 * 5 - 70) / n));
    while (!Cal().IsWorkingDay(d)) d = d.AddDays(1);
    p.received_on = d;
    p.applicant = static_cast<gk::cases::ApplicantType>(rng() % 6);
    p.channel = rng() % 3 ? gk::cases::Channel::kOnline : gk::cases::Channel::kLetter;
    p.outcome = outcomes[rng() % std::size(outcomes)];
    p.working_days = 3 + static_cast<int>(rng() % 15);
    p.index = static_cast<int>(i);
    p.review = rng() % 200 == 0;
    gk::app::AppendRequest req;
    req.case_id = gk::app::TrackingNumber(agency, d.year(), i + 1);
    req.events = gk::app::demo::CaseEvents(p, kAgency, req.case_id, "bench", Cal());
    req.now_iso = "2026-01-01T00:00:00Z";
    auto r = gk::app::AppendCaseEvents(*store, Cal(), req);
    if (!r.ok()) {
      std::fprintf(stderr, "case %s: %s\n", req.case_id.c_str(), r.status().message().c_str());
      std::exit(1);
    }
    if ((i + 1) % 100'000 == 0) std::fprintf(stderr, "  %lld\n", static_cast<long long>(i + 1));
  }
  store.reset();
  std::FILE* f = std::fopen(done.c_str(), "w");
  if (f) std::fclose(f);
}

std::unique_ptr<gk::store::Store> Open() {
  Generate();
  return std::move(gk::store::OpenSqliteStore(DbPath(), gk::store::OpenMode::kMustExist)).value();
}

// The report as `gongkai report` computes it: the case facts of the agency
// (one query, no event replayed), the entered figures, the projection, the
// validator and the generated text.
void BM_ReportFromCaseFacts(benchmark::State& state) {
  auto store = Open();
  int64_t total = 0;
  for (auto _ : state) {
    auto r = gk::app::LoadAnnualReport(*store, Cal(), kAgency, kYear);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    total = r->report.section3->at(gk::report::Row3::kNew, gk::report::kTotalCol).value_or(0);
    benchmark::DoNotOptimize(r->report);
  }
  state.counters["new_in_year"] = static_cast<double>(total);
  state.counters["applications"] = static_cast<double>(Applications());
}
BENCHMARK(BM_ReportFromCaseFacts)->Unit(benchmark::kMillisecond)->Iterations(3);

// The baseline: one GROUP BY over the events table (every event scanned).
void BM_SqlGroupByEvents(benchmark::State& state) {
  (void)Open();
  sqlite3* db = nullptr;
  sqlite3_open_v2(DbPath().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  const char* sql =
      "SELECT type, COUNT(*) FROM events WHERE occurred_on BETWEEN '2024-01-01' AND "
      "'2024-12-31' GROUP BY type";
  int64_t events = 0;
  for (auto _ : state) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    events = 0;
    while (sqlite3_step(st) == SQLITE_ROW) events += sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
  }
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM events", -1, &st, nullptr);
  sqlite3_step(st);
  state.counters["events_total"] = static_cast<double>(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  sqlite3_close_v2(db);
  state.counters["events_in_year"] = static_cast<double>(events);
}
BENCHMARK(BM_SqlGroupByEvents)->Unit(benchmark::kMillisecond)->Iterations(3);

// One drill-down cell (its list of applications) on the same data.
void BM_DrillDownOneCell(benchmark::State& state) {
  auto store = Open();
  for (auto _ : state) {
    auto r = gk::app::LoadAnnualReport(*store, Cal(), kAgency, kYear,
                                       gk::app::DrillDown{"三", "granted", "total"});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_DrillDownOneCell)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
