// The event log on SQLite: appending one event to a case (durable commit,
// synchronous=FULL, with the hash chain and the projection row) and verifying
// the whole history. Append latency percentiles are reported as counters.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "app/case_files.h"
#include "app/demo.h"
#include "app/verify.h"
#include "law/calendar.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;

struct TempStore {
  TempStore() {
    char tmpl[] = "/tmp/gk-bench-XXXXXX";
    dir = ::mkdtemp(tmpl);
    store = std::move(gk::store::OpenStore("sqlite:" + dir + "/b.db",
                                           gk::store::OpenMode::kCreateIfMissing))
                .value();
    (void)gk::app::LoadDemoAgencies(*store, "2026-01-01T00:00:00Z");
  }
  ~TempStore() {
    store.reset();
    fs::remove_all(dir);
  }
  std::string dir;
  std::unique_ptr<gk::store::Store> store;
};

gk::cases::Event Received(const std::string& id, gk::Date day) {
  gk::cases::ReceivedPayload p;
  p.agency_id = "weihai-lingang";
  p.channel = gk::cases::Channel::kOnline;
  p.evidence.confirmed_on = day;
  p.evidence.confirmed_by = gk::cases::ConfirmMethod::kAutoAck;
  gk::cases::Application a;
  a.name = "张三";
  a.id_number = "11010519491231002X";
  a.phone = "13800138000";
  a.address = "威海市";
  a.description = "某项目的立项批复文件";
  p.application = a;
  return {id, 1, day, "2026-03-02T09:00:00+08:00", "public", gk::cases::Entry::kLive, p};
}

// Receipt + registration of a new online application, as the form records it.
gk::app::AppendRequest NewCase(const std::string& id, gk::Date day) {
  gk::app::AppendRequest req;
  req.case_id = id;
  req.role = gk::cases::ActorRole::kPublic;
  req.now_iso = "2026-03-02T09:00:00Z";
  req.events = {Received(id, day),
                {id, 2, day, "2026-03-02T09:00:00+08:00", "public", gk::cases::Entry::kLive,
                 gk::cases::RegisteredPayload{id}}};
  return req;
}

// One new case per iteration: receipt + registration, committed durably.
void BM_AppendNewCase(benchmark::State& state) {
  TempStore ts;
  const auto& cal = gk::law::Calendar::BuiltIn();
  const gk::Date day = *gk::Date::Parse("2026-03-02");
  std::vector<double> micros;
  int64_t n = 0;
  for (auto _ : state) {
    const gk::app::AppendRequest req = NewCase("LG2026" + std::to_string(100000 + n++), day);
    const auto t0 = std::chrono::steady_clock::now();
    auto r = gk::app::AppendCaseEvents(*ts.store, cal, req);
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    if (!r.ok()) state.SkipWithError(r.status().message().c_str());
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
  }
  state.SetItemsProcessed(state.iterations() * 2);  // events
}
BENCHMARK(BM_AppendNewCase)->Unit(benchmark::kMicrosecond)->Iterations(2000)->UseRealTime();

// verify over a log of 2 000 cases (4 000 events).
void BM_VerifyHistory(benchmark::State& state) {
  TempStore ts;
  const auto& cal = gk::law::Calendar::BuiltIn();
  const gk::Date day = *gk::Date::Parse("2026-03-02");
  for (int i = 0; i < 2000; ++i) {
    (void)gk::app::AppendCaseEvents(*ts.store, cal,
                                    NewCase("LG2026" + std::to_string(100000 + i), day));
  }
  int64_t events = 0;
  for (auto _ : state) {
    auto rep = gk::app::VerifyHistory(*ts.store, cal);
    if (!rep.ok() || !rep->intact) state.SkipWithError("history not intact");
    events += rep->events;
  }
  state.SetItemsProcessed(events);
}
BENCHMARK(BM_VerifyHistory)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
