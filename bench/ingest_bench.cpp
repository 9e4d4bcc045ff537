// Reports read and checked per second: the seed reports as text (three with
// tables, two without), and seed 004 rendered by report_render as HTML, DOCX,
// PDF and XLSX, through the same path as `gongkai check`.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "report/json.h"
#include "report/validate.h"
#include "report_render/render.h"

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

// Seed 004 as a published document in `format` (report_render), read and checked.
void BM_IngestDocument(benchmark::State& state, const char* format) {
  auto model = gk::report::ReadReportJson(Load("004.expected.json"));
  if (!model.ok()) {
    state.SkipWithError("seed 004 JSON unreadable");
    return;
  }
  gk::report_render::ReportDocument doc;
  doc.report = *model;
  doc.title = "威海市工业和信息化局2022年政府信息公开工作年度报告";
  doc.narrative.overview = "收到线上依申请公开件3件，按期办结3件，未发生行政复议和行政诉讼案件。";
  doc.narrative.problems = "信息公开的及时性有待提高。";
  doc.narrative.other = "本年度未收取政府信息公开信息处理费。";
  auto bytes = gk::report_render::Render(doc, *gk::report_render::ParseOutputFormat(format));
  if (!bytes.ok()) {
    state.SkipWithError(bytes.status().message().c_str());
    return;
  }
  gk::ingest::ReadOptions opts;
  for (auto _ : state) {
    auto r = gk::ingest::ReadReportBytes(*bytes, opts);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      break;
    }
    auto findings = gk::report::Validate(*r);
    benchmark::DoNotOptimize(findings);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes->size()));
}
BENCHMARK_CAPTURE(BM_IngestDocument, html, "html");
BENCHMARK_CAPTURE(BM_IngestDocument, docx, "docx");
BENCHMARK_CAPTURE(BM_IngestDocument, pdf, "pdf");
BENCHMARK_CAPTURE(BM_IngestDocument, xlsx, "xlsx");

}  // namespace

BENCHMARK_MAIN();
