// Layout variants a parser must handle (report-format.md §6): each test reads
// a report written differently and compares every cell with the same
// expected object. Files under tests/data/ingest/; some variants are made
// here from a seed or sample by transformation.
#include <gtest/gtest.h>

#include <string>

#include "core/text.h"
#include "ingest/test_util.h"
#include "ingest/text_reader.h"

namespace gk::ingest {
namespace {

using report::Format;
using report::Row3;
using testing::ExpectTablesEqual;
using testing::IngestData;
using testing::MustRead;
using testing::Seed;

nlohmann::json Sample2021() {
  return nlohmann::json::parse(IngestData("sample_2021.expected.json"));
}
nlohmann::json Sample2019() {
  return nlohmann::json::parse(IngestData("sample_2019.expected.json"));
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) {
    s.replace(p, from.size(), to);
  }
  return s;
}

// ASCII digits and brackets → full-width forms (web pages in 全角).
std::string FullWidth(std::string_view s) {
  std::u32string out;
  for (char32_t c : text::ToUtf32(s)) {
    if ((c >= U'0' && c <= U'9') || c == U'(' || c == U')' || c == U'+' || c == U',') c += 0xFEE0;
    out.push_back(c);
  }
  return text::ToUtf8(out);
}

TEST(Variants, TabLayoutSample) {
  const report::Report r = MustRead(IngestData("sample_2021.txt"));
  EXPECT_EQ(r.format, Format::k2021);
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.agency, "示例市生态环境局");
  ExpectTablesEqual(r, Sample2021());
}

TEST(Variants, OneCellPerLineGivesTheSameFigures) {
  const report::Report tab = MustRead(IngestData("sample_2021.txt"));
  const report::Report cells = MustRead(IngestData("one_cell_2021.txt"));
  ExpectTablesEqual(cells, Sample2021());
  ASSERT_TRUE(tab.section3 && cells.section3);
  EXPECT_EQ(tab.section3->cells, cells.section3->cells);
}

TEST(Variants, FullWidthDigitsAndBrackets) {
  const report::Report r = MustRead(FullWidth(IngestData("sample_2021.txt")));
  ExpectTablesEqual(r, Sample2021());
  const report::Report r2 = MustRead(FullWidth(Seed("002.txt")));
  ExpectTablesEqual(r2, testing::Expected("002.expected.json"));
}

TEST(Variants, TraditionalScriptWithPinyin) {
  const report::Report r = MustRead(IngestData("traditional_2021.txt"));
  EXPECT_EQ(r.format, Format::k2021);
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.agency, "示例市生态环境局");
  ExpectTablesEqual(r, Sample2021());
  for (int k = 0; k < 6; ++k) EXPECT_TRUE(r.document->has_section[k]) << k;
}

TEST(Variants, TraditionalSeed) {
  // Seed 002 as a mirror site renders it (§6 item 10).
  std::string t = Seed("002.txt");
  for (auto [from, to] :
       std::initializer_list<std::pair<const char*, const char*>>{{"数量", "數量"},
                                                                  {"处理", "處理"},
                                                                  {"结转", "結轉"},
                                                                  {"诉讼", "訴訟"},
                                                                  {"复议", "複議"},
                                                                  {"规范性文件", "規範性檔案"},
                                                                  {"制作", "製作"},
                                                                  {"强制", "強制"},
                                                                  {"申请", "申請"},
                                                                  {"总计", "總計"},
                                                                  {"报告", "報告"},
                                                                  {"项", "項"}}) {
    t = ReplaceAll(t, from, to);
  }
  const report::Report r = MustRead(t);
  EXPECT_EQ(r.format, Format::k2019);
  EXPECT_EQ(r.year, 2020);
  ExpectTablesEqual(r, testing::Expected("002.expected.json"));
}

TEST(Variants, PinyinAnnotationsInLabels) {
  std::string t = ReplaceAll(Seed("004.txt"), "申请", "申(shēn)请(qǐng)");
  t = ReplaceAll(t, "公开", "公(gōng)开(kāi)");
  const report::Report r = MustRead(t);
  ExpectTablesEqual(r, testing::Expected("004.expected.json"));
}

TEST(Variants, BlankCellsAreNullNeverZero) {
  const report::Report r = MustRead(IngestData("blanks_2021.txt"));
  ASSERT_TRUE(r.section2 && r.section3 && r.section4);
  const Format f = r.format;
  for (const char* field : {"issued", "repealed", "in_force"}) {
    EXPECT_FALSE(r.section2->Find(f, "rules", field)->has_value()) << field;  // "—"
  }
  EXPECT_FALSE(r.section2->Find(f, "licensing", "decisions")->has_value());   // "/"
  EXPECT_FALSE(r.section2->Find(f, "punishment", "decisions")->has_value());  // ""
  EXPECT_EQ(*r.section2->Find(f, "enforcement", "decisions"), 7);
  for (int c = 0; c < report::kNumCols3; ++c) {
    EXPECT_FALSE(r.section3->at(Row3::kWithheldStateSecret, c).has_value()) << c;
  }
  for (int c = 0; c < 6; ++c) {
    EXPECT_FALSE(r.section3->at(Row3::kWithheldThreeSafeties, c).has_value()) << c;
  }
  EXPECT_EQ(r.section3->at(Row3::kWithheldThreeSafeties, report::kTotalCol), 0);
  EXPECT_EQ(r.section3->at(Row3::kGranted, report::kTotalCol), 7);
  EXPECT_EQ(r.section4->cells[0][4], 2);
  for (int k = 0; k < report::kNumFields4; ++k) EXPECT_FALSE(r.section4->cells[1][k]) << k;
  EXPECT_EQ(r.section4->cells[2][4], 0);
}

TEST(Variants, SignedChangesAndThousandsSeparators2019) {
  const report::Report r = MustRead(IngestData("sample_2019.txt"));
  EXPECT_EQ(r.format, Format::k2019);
  EXPECT_EQ(r.year, 2020);
  EXPECT_EQ(r.agency, "示例县交通运输局");
  EXPECT_EQ(r.document->declared, Format::k2019);
  ExpectTablesEqual(r, Sample2019());  // 增1 +2 減2 －8 -1, 1,024, 88.5
}

TEST(Variants, WrongTemplateForTheYear) {
  // 2019 tables in a report on 2021: parsed by the fingerprint (§6 item 15).
  const report::Report r = MustRead(IngestData("wrong_template_2021.txt"));
  EXPECT_EQ(r.year, 2021);
  EXPECT_EQ(r.format, Format::k2019);
  ASSERT_TRUE(r.document);
  EXPECT_EQ(r.document->fingerprint, Format::k2019);
  EXPECT_FALSE(r.document->declared.has_value());
  ExpectTablesEqual(r, Sample2019());
}

TEST(Variants, MissingRowsAreAllNull) {
  const report::Report r = MustRead(IngestData("rows_missing_2021.txt"));
  nlohmann::json want = Sample2021();
  for (const char* f : {"issued", "repealed", "in_force"}) want["section2"]["rules"][f] = nullptr;
  want["section2"]["enforcement"]["decisions"] = nullptr;
  for (const char* row : {"withheld_state_secret", "not_processed_publication", "other_no_fee"}) {
    for (auto& [col, v] : want["section3"][row].items()) v = nullptr;
  }
  ExpectTablesEqual(r, want);
}

TEST(Variants, OcrStrayDigitsBeforeValues) {
  ExpectTablesEqual(MustRead(IngestData("ocr_noise_2021.txt")), Sample2021());
}

TEST(Variants, FeesPrintedInYuanAreConvertedWithAWarning) {
  const report::Report r = MustRead(IngestData("fees_in_yuan_2021.txt"));
  ExpectTablesEqual(r, Sample2021());  // 125,000 元 = 12.5 万元
  ASSERT_TRUE(r.document);
  ASSERT_EQ(r.document->reader_findings.size(), 1u);
  const report::Finding& f = r.document->reader_findings[0];
  EXPECT_EQ(f.code, "unit_converted");
  EXPECT_EQ(f.severity, report::Severity::kWarning);
  EXPECT_EQ(f.section, "二");
  EXPECT_EQ(f.row, "fees");
  EXPECT_EQ(f.column, "amount_10k_yuan");
}

TEST(Variants, CrlfLineEndings) {
  const report::Report r = MustRead(ReplaceAll(Seed("001.txt"), "\n", "\r\n"));
  ExpectTablesEqual(r, testing::Expected("001.expected.json"));
  EXPECT_EQ(r.agency, "威海临港经济技术开发区管理委员会");
}

TEST(Variants, SpaceSeparatedCells) {
  // PDF text without tabs: "label v1 v2 …" on one line.
  const report::Report r = MustRead(ReplaceAll(IngestData("sample_2021.txt"), "\t", "  "));
  ExpectTablesEqual(r, Sample2021());
}

TEST(Variants, PlainCellLinesWithoutTabs) {
  // A web page flattened to text: every non-empty cell on its own line, no
  // tabs, empty cells dropped, no blank line between rows.
  const std::string t = IngestData("sample_2021.txt");
  std::string out;
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    const std::string line = t.substr(start, end - start);
    size_t cell_start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] != '\t') continue;
      if (i > cell_start) out += line.substr(cell_start, i - cell_start) + "\n";
      cell_start = i + 1;
    }
    start = end + 1;
  }
  ExpectTablesEqual(MustRead(out), Sample2021());
}

TEST(Variants, MarkdownTable) {
  std::string t = IngestData("sample_2021.txt");
  std::string out;
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string line = t.substr(start, end - start);
    if (line.find('\t') != std::string::npos) line = "| " + ReplaceAll(line, "\t", " | ") + " |";
    out += line + "\n";
    start = end + 1;
  }
  ExpectTablesEqual(MustRead(out), Sample2021());
}

TEST(Variants, PipeCellsWithTrailingPipe) {
  // "label | v1 | v2 |" as some portals print their tables.
  std::string t = IngestData("sample_2021.txt");
  std::string out;
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string line = t.substr(start, end - start);
    if (line.find('\t') != std::string::npos) line = ReplaceAll(line, "\t", " | ") + " |";
    out += line + "\n";
    start = end + 1;
  }
  ExpectTablesEqual(MustRead(out), Sample2021());
}

TEST(Variants, TotalColumnPrintedFirst) {
  // §6 item 17: 总计 before the six applicant columns in every row.
  const std::string t = IngestData("sample_2021.txt");
  std::string out;
  const size_t from = t.find("一、本年新收"), to = t.find("四、政府信息公开行政复议");
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string line = t.substr(start, end - start);
    if (start >= from && start < to && line.find('\t') != std::string::npos) {
      const size_t last = line.rfind('\t');
      std::string total = line.substr(last + 1);
      line.erase(last);
      size_t first = line.size();
      for (int k = 0; k < 6; ++k) first = line.rfind('\t', first - 1);
      line.insert(first, "\t" + total);
    }
    out += line + "\n";
    start = end + 1;
  }
  ASSERT_NE(out.find("\t17\t10\t3\t1\t0\t2\t1\n"), std::string::npos);
  ExpectTablesEqual(MustRead(out), Sample2021());
}

TEST(Variants, SubtotalColumnIsDropped) {
  // A provincial 小计 column after the five legal-person columns (§2.1).
  std::string t = IngestData("sample_2021.txt");
  t = ReplaceAll(t, "\t其他\t\n", "\t其他\t小计\t\n");
  t = ReplaceAll(t, "\t10\t3\t1\t0\t2\t1\t17", "\t10\t3\t1\t0\t2\t1\t7\t17");
  t = ReplaceAll(t, "\t10\t4\t1\t0\t2\t1\t18", "\t10\t4\t1\t0\t2\t1\t8\t18");
  const report::Report r = MustRead(t);
  ASSERT_TRUE(r.section3);
  EXPECT_EQ(r.section3->at(Row3::kNew, 0), 10);
  EXPECT_EQ(r.section3->at(Row3::kNew, 5), 1);
  EXPECT_EQ(r.section3->at(Row3::kNew, report::kTotalCol), 17);
  EXPECT_EQ(r.section3->at(Row3::kTotal, report::kTotalCol), 18);
}

TEST(Variants, HeadingsWithoutNumbers) {
  std::string t = IngestData("sample_2021.txt");
  for (const char* n : {"一、", "二、", "三、收到", "四、政府", "五、", "六、"}) {
    const std::string from = std::string("\n") + n;
    const std::string keep = std::string(n).size() > 6 ? std::string(n).substr(6) : "";
    t = ReplaceAll(t, from, "\n" + keep);
  }
  const report::Report r = MustRead(t);
  for (int k = 0; k < 6; ++k) EXPECT_TRUE(r.document->has_section[k]) << k;
  ExpectTablesEqual(r, Sample2021());
}

TEST(Variants, TablesWithoutHeadingsAreStillRead) {
  // Only the tables (e.g. an attachment): no heading, but rows of a report.
  std::string t = IngestData("sample_2021.txt");
  const size_t from = t.find("第二十条");
  const size_t to = t.find("五、存在");
  t = t.substr(from, to - from);
  t = ReplaceAll(t, "三、收到和处理政府信息公开申请情况", "");
  t = ReplaceAll(t, "四、政府信息公开行政复议、行政诉讼情况", "");
  auto r = ReadTextReport(t, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE(r->section3);
  EXPECT_EQ(r->section3->at(Row3::kNew, report::kTotalCol), 17);
  for (int k = 0; k < 6; ++k) EXPECT_FALSE(r->document->has_section[k]) << k;
}

TEST(Variants, TableCutOffMidRow) {
  std::string t = IngestData("sample_2021.txt");
  t = ReplaceAll(t, "四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1",
                 "四、结转下年度继续办理\t\t\t1\t0");
  const report::Report r = MustRead(t);
  ASSERT_TRUE(r.section3);
  EXPECT_EQ(r.section3->at(Row3::kCarriedForward, 0), 1);
  EXPECT_EQ(r.section3->at(Row3::kCarriedForward, 1), 0);
  EXPECT_FALSE(r.section3->at(Row3::kCarriedForward, 2).has_value());
  EXPECT_FALSE(r.section3->at(Row3::kCarriedForward, report::kTotalCol).has_value());
}

TEST(Unreadable, NotAReport) {
  auto r = ReadTextReport("关于做好春节假期值班工作的通知\n各部门：请按时值班。\n", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  EXPECT_NE(r.status().message().find("no section heading or table label"), std::string::npos);
}

TEST(Unreadable, EmptyInput) {
  for (std::string_view s : {"", "\n\n\t  \n", "\xEF\xBB\xBF"}) {
    auto r = ReadTextReport(s, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  }
}

TEST(Robustness, MutatedSeedsNeverCrash) {
  // A cheap in-process fuzz pass; the libFuzzer target goes much further.
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (const char* name : {"001.txt", "002.txt", "004.txt"}) {
    const std::string seed = Seed(name);
    for (int round = 0; round < 40; ++round) {
      std::string t = seed;
      for (int k = 0; k < 30 && !t.empty(); ++k) {
        const size_t at = next() % t.size();
        switch (next() % 4) {
          case 0:
            t[at] = static_cast<char>(next());
            break;
          case 1:
            t.erase(at, next() % 64);
            break;
          case 2:
            t.insert(at, t.substr(next() % t.size(), next() % 128));
            break;
          case 3:
            t.insert(at, "\t0\n");
            break;
        }
      }
      auto r = ReadTextReport(t, {});
      if (r.ok()) {
        EXPECT_TRUE(r->document.has_value());
      }
    }
  }
}

TEST(Robustness, LargeAndDegenerateInputs) {
  const std::string tabs(1 << 20, '\t');
  EXPECT_FALSE(ReadTextReport(tabs, {}).ok());
  std::string headings;
  for (int i = 0; i < 20000; ++i) headings += "二、主动公开政府信息情况\n规章\t1\t1\t1\n";
  EXPECT_TRUE(ReadTextReport(headings, {}).ok());
  std::string long_line(1 << 20, 'x');
  EXPECT_FALSE(ReadTextReport(long_line, {}).ok());
  std::string repeated;
  for (int i = 0; i < 20; ++i) repeated += Seed("004.txt");
  EXPECT_TRUE(ReadTextReport(repeated, {}).ok());
}

}  // namespace
}  // namespace gk::ingest
