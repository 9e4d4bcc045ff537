// Text reports read and checked per second: the seed reports (three with
// tables, two without) through the same path as `gongkai check`.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "report/validate.h"

namespace {

std::string Load(const std::string& name) {
  std::ifstream in(std::string(GK_SOURCE_DIR) + "/tests/data/seeds/" + name, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void BM_IngestAndCheck(benchmark::State& state, const char* seed) {
  const std::string text = Load(seed);
  gk::ingest::ReadOptions opts;
  opts.file_name = seed;
  for (auto _ : state) {
    auto r = gk::ingest::ReadReportBytes(text, opts);
    auto findings = gk::report::Validate(*r);
    benchmark::DoNotOptimize(findings);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}

BENCHMARK_CAPTURE(BM_IngestAndCheck, seed001_cell_per_line, "001.txt");
BENCHMARK_CAPTURE(BM_IngestAndCheck, seed002_tab_rows, "002.txt");
BENCHMARK_CAPTURE(BM_IngestAndCheck, seed004_ocr, "004.txt");
BENCHMARK_CAPTURE(BM_IngestAndCheck, seed000_no_tables, "000.txt");

void BM_IngestUtf16le(benchmark::State& state) {
  // The same report as UTF-16LE bytes with a BOM: adds the decoding step.
  const std::string utf8 = Load("002.txt");
  std::string gb;
  {
    gb.reserve(utf8.size() * 2 + 2);
    gb += "\xFF\xFE";
    for (size_t i = 0; i < utf8.size();) {
      unsigned char c = static_cast<unsigned char>(utf8[i]);
      char32_t cp;
      int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (int k = 1; k < len; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
      i += len;
      if (cp >= 0x10000) continue;  // none in the seeds
      gb.push_back(static_cast<char>(cp & 0xFF));
      gb.push_back(static_cast<char>(cp >> 8));
    }
  }
  gk::ingest::ReadOptions opts;
  for (auto _ : state) {
    auto r = gk::ingest::ReadReportBytes(gb, opts);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IngestUtf16le);

}  // namespace

BENCHMARK_MAIN();
