// ComputeDeadlines throughput over received dates spread across 2019–2026,
// with and without consultation pauses; and the bare working-day count.
#include <benchmark/benchmark.h>

#include <vector>

#include "law/calendar.h"
#include "law/deadline.h"

namespace {

using gk::Date;
using gk::law::Calendar;
using gk::law::DeadlineInput;

// Every third day from 2019-01-01 to 2026-10-31 (late enough that pauses stay
// inside the covered years; the last dates still run into 2027).
enum class Pauses { kNone, kTwoOverlapping };

std::vector<DeadlineInput> Inputs(Pauses pauses) {
  std::vector<DeadlineInput> out;
  const Date first = *Date::FromYmd(2019, 1, 1);
  const Date last = *Date::FromYmd(2026, 10, 31);
  for (Date d = first; d <= last; d = d.AddDays(3)) {
    DeadlineInput in;
    in.received = d;
    if (pauses == Pauses::kTwoOverlapping) {
      in.pauses = {{d.AddDays(5), d.AddDays(12)}, {d.AddDays(10), d.AddDays(20)}};
    }
    out.push_back(std::move(in));
  }
  return out;
}

void BM_ComputeDeadlines(benchmark::State& state) {
  const Calendar& cal = Calendar::BuiltIn();
  const std::vector<DeadlineInput> inputs =
      Inputs(state.range(0) != 0 ? Pauses::kTwoOverlapping : Pauses::kNone);
  size_t i = 0;
  for (auto _ : state) {
    auto d = gk::law::ComputeDeadlines(inputs[i], cal);
    benchmark::DoNotOptimize(d);
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(state.range(0) != 0 ? "with 2 pauses" : "no pauses");
}
BENCHMARK(BM_ComputeDeadlines)->Arg(0)->Arg(1);

void BM_DueAfterWorkingDays20(benchmark::State& state) {
  const Calendar& cal = Calendar::BuiltIn();
  const std::vector<DeadlineInput> inputs = Inputs(Pauses::kNone);
  size_t i = 0;
  for (auto _ : state) {
    Date due = gk::law::DueAfterWorkingDays(cal, inputs[i].received, 20);
    benchmark::DoNotOptimize(due);
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueAfterWorkingDays20);

}  // namespace

BENCHMARK_MAIN();
