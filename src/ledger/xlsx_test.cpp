// The 台账 workbook read back as a reader would: the XLSX is unzipped with
// libzip and its XML parsed with pugixml; when LibreOffice is installed the
// workbook is also converted to CSV and compared with the ledger rows.
#include "ledger/xlsx.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "ledger/ledger_test_util.h"

namespace gk::ledger {
namespace {

using testing::D;

const law::Calendar& Cal() { return law::Calendar::BuiltIn(); }

// ---- Reading the package ---------------------------------------------------------------

// Every part of the zip package by name.
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    ADD_FAILURE() << "zip source: " << zip_error_strerror(&error);
    zip_error_fini(&error);
    return parts;
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (za == nullptr) {
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    return parts;
  }
  const zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (f == nullptr) {
      ADD_FAILURE() << "cannot open part " << st.name;
      continue;
    }
    std::string data(static_cast<size_t>(st.size), '\0');
    const zip_int64_t got = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    EXPECT_EQ(got, static_cast<zip_int64_t>(st.size)) << st.name;
    parts[st.name] = std::move(data);
  }
  zip_discard(za);  // read-only: frees the source too
  zip_error_fini(&error);
  return parts;
}

struct Cell {
  std::string value;    // shared strings resolved; numbers as written
  std::string formula;  // "" when none
  bool text = false;
  int style = 0;
};

struct Sheet {
  std::map<std::string, Cell> cells;  // by reference, e.g. "B3"
  pugi::xml_document doc;
  const Cell* at(const std::string& ref) const {
    auto it = cells.find(ref);
    return it == cells.end() ? nullptr : &it->second;
  }
  std::string text(const std::string& ref) const {
    const Cell* c = at(ref);
    return c ? c->value : "";
  }
};

std::vector<std::string> SharedStrings(const std::map<std::string, std::string>& parts) {
  std::vector<std::string> out;
  auto it = parts.find("xl/sharedStrings.xml");
  if (it == parts.end()) return out;
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_buffer(it->second.data(), it->second.size()));
  for (pugi::xml_node si : doc.child("sst").children("si")) {
    std::string s;
    for (const pugi::xpath_node& t : si.select_nodes(".//t")) s += t.node().text().get();
    out.push_back(s);
  }
  return out;
}

void LoadSheet(const std::map<std::string, std::string>& parts, const std::string& name,
               Sheet* sheet) {
  auto it = parts.find(name);
  ASSERT_NE(it, parts.end()) << name;
  const pugi::xml_parse_result ok = sheet->doc.load_buffer(it->second.data(), it->second.size());
  ASSERT_TRUE(ok) << name << ": " << ok.description();
  const std::vector<std::string> strings = SharedStrings(parts);
  for (pugi::xml_node row : sheet->doc.child("worksheet").child("sheetData").children("row")) {
    for (pugi::xml_node c : row.children("c")) {
      Cell cell;
      cell.style = c.attribute("s").as_int();
      cell.formula = c.child("f").text().get();
      const std::string t = c.attribute("t").value();
      const std::string v = c.child("v").text().get();
      if (t == "s") {
        const size_t i = static_cast<size_t>(std::stoul(v));
        cell.value = i < strings.size() ? strings[i] : "?";
        cell.text = true;
      } else if (t == "inlineStr") {
        cell.value = c.child("is").child("t").text().get();
        cell.text = true;
      } else {
        cell.value = v;
      }
      sheet->cells[c.attribute("r").value()] = cell;
    }
  }
}

// The number format code and boldness of a cell style (styles.xml cellXfs).
struct Style {
  std::string num_format;
  bool bold = false;
  bool bordered = false;
};
Style StyleOf(const std::map<std::string, std::string>& parts, int index) {
  Style s;
  pugi::xml_document doc;
  const std::string& xml = parts.at("xl/styles.xml");
  EXPECT_TRUE(doc.load_buffer(xml.data(), xml.size()));
  pugi::xml_node ss = doc.child("styleSheet");
  int i = 0;
  pugi::xml_node xf;
  for (pugi::xml_node x : ss.child("cellXfs").children("xf")) {
    if (i++ == index) xf = x;
  }
  if (!xf) return s;
  const int num_id = xf.attribute("numFmtId").as_int();
  for (pugi::xml_node f : ss.child("numFmts").children("numFmt")) {
    if (f.attribute("numFmtId").as_int() == num_id)
      s.num_format = f.attribute("formatCode").value();
  }
  i = 0;
  for (pugi::xml_node f : ss.child("fonts").children("font")) {
    if (i++ == xf.attribute("fontId").as_int()) s.bold = static_cast<bool>(f.child("b"));
  }
  s.bordered = xf.attribute("borderId").as_int() != 0;
  return s;
}

std::string Serial(std::string_view date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", ExcelSerial(D(date)));
  return buf;
}

// ---- The sample workbook -----------------------------------------------------------------

struct Rendered {
  std::vector<LedgerRow> rows;
  std::string bytes;
  std::map<std::string, std::string> parts;
};

const LedgerMeta kMeta{"威海临港经济技术开发区管理委员会", D("2021-01-01"), D("2021-12-31"),
                       D("2022-01-05")};

Rendered RenderSample() {
  Rendered r;
  const testing::Sample s = testing::MakeSample();
  r.rows = BuildLedger(s.states, kMeta.from, kMeta.to, Cal());
  Result<std::string> x = RenderLedgerXlsx(r.rows, kMeta);
  EXPECT_TRUE(x.ok()) << x.status().message();
  if (x.ok()) r.bytes = std::move(*x);
  r.parts = Unzip(r.bytes);
  return r;
}

TEST(ExcelSerial, KnownDates) {
  EXPECT_EQ(ExcelSerial(D("1970-01-01")), 25569);
  EXPECT_EQ(ExcelSerial(D("2021-01-01")), 44197);
  EXPECT_EQ(ExcelSerial(D("2021-03-01")), 44256);
}

TEST(LedgerXlsx, IsAZipWithBothSheets) {
  const Rendered r = RenderSample();
  ASSERT_GT(r.bytes.size(), 4u);
  EXPECT_EQ(r.bytes.substr(0, 2), "PK");
  ASSERT_TRUE(r.parts.count("xl/workbook.xml"));
  pugi::xml_document wb;
  ASSERT_TRUE(wb.load_string(r.parts.at("xl/workbook.xml").c_str()));
  std::vector<std::string> names;
  for (pugi::xml_node s : wb.child("workbook").child("sheets").children("sheet")) {
    names.push_back(s.attribute("name").value());
  }
  EXPECT_EQ(names, (std::vector<std::string>{kLedgerSheet, kSummarySheet}));
  EXPECT_TRUE(r.parts.count("xl/worksheets/sheet1.xml"));
  EXPECT_TRUE(r.parts.count("xl/worksheets/sheet2.xml"));
}

TEST(LedgerXlsx, LedgerSheetHoldsTheRows) {
  const Rendered r = RenderSample();
  Sheet sh;
  LoadSheet(r.parts, "xl/worksheets/sheet1.xml", &sh);
  EXPECT_EQ(sh.text("A1"),
            "威海临港经济技术开发区管理委员会政府信息公开申请办理台账（2021-01-01至2021-12-31）");
  const std::vector<std::string> headers = {
      "序号",     "申请编号",       "类型",     "提交渠道", "申请人类型", "收到日期",
      "起算日期", "答复期限",       "是否延期", "办结日期", "办理结果",   "年度报告统计项",
      "送达日期", "用时（工作日）", "是否按期", "当前状态"};
  for (size_t c = 0; c < headers.size(); ++c) {
    const std::string ref = std::string(1, static_cast<char>('A' + c)) + "2";
    EXPECT_EQ(sh.text(ref), headers[c]) << ref;
    const Style st = StyleOf(r.parts, sh.at(ref)->style);
    EXPECT_TRUE(st.bold) << ref;
    EXPECT_TRUE(st.bordered) << ref;
  }
  // Rows in ledger order: LG-H, LG-E, LG-B, LG-A, LG-C, LG-D.
  EXPECT_EQ(sh.text("B3"), "LG-H");
  EXPECT_EQ(sh.text("B6"), "LG-A");
  EXPECT_EQ(sh.text("A6"), "4");
  EXPECT_EQ(sh.text("C6"), "依申请");
  EXPECT_EQ(sh.text("D6"), "网上申请");
  EXPECT_EQ(sh.text("E6"), "自然人");
  EXPECT_EQ(sh.text("F6"), Serial("2021-03-01"));
  EXPECT_FALSE(sh.at("F6")->text);
  EXPECT_EQ(StyleOf(r.parts, sh.at("F6")->style).num_format, "yyyy-mm-dd");
  EXPECT_EQ(sh.text("G6"), Serial("2021-03-01"));
  EXPECT_EQ(sh.text("H6"), Serial("2021-03-29"));
  EXPECT_EQ(sh.text("I6"), "否");
  EXPECT_EQ(sh.text("J6"), Serial("2021-03-10"));
  EXPECT_EQ(sh.text("K6"), std::string(law::Label(law::Outcome::kGranted)));
  EXPECT_EQ(sh.text("L6"), "（一）予以公开");
  EXPECT_EQ(sh.text("M6"), Serial("2021-03-12"));
  EXPECT_EQ(sh.text("N6"), "7");
  EXPECT_EQ(sh.text("O6"), "按期办结");
  EXPECT_EQ(sh.text("P6"), "已送达");
  // The 协助调查 row is marked as such and has no report row.
  EXPECT_EQ(sh.text("B7"), "LG-C");
  EXPECT_EQ(sh.text("C7"), "协助调查");
  EXPECT_EQ(sh.text("L7"), "");
  EXPECT_EQ(sh.text("K7"), "已复函");
  // Open: no conclusion date.
  EXPECT_EQ(sh.text("B8"), "LG-D");
  EXPECT_EQ(sh.text("J8"), "");
}

TEST(LedgerXlsx, TotalsAreFormulasWithCachedValues) {
  const Rendered r = RenderSample();
  Sheet sh;
  LoadSheet(r.parts, "xl/worksheets/sheet1.xml", &sh);
  EXPECT_EQ(sh.text("A9"), "合计");
  struct Want {
    const char* ref;
    const char* formula;
    const char* value;
    const char* shown;
  };
  const Want wants[] = {
      {"B9", "COUNTA($B$3:$B$8)", "6", "\"共\"0\"件\""},
      {"C9", "COUNTIF($C$3:$C$8,\"依申请\")", "5", "\"依申请\"0\"件\""},
      {"D9", "COUNTIF($C$3:$C$8,\"协助调查\")", "1", "\"协助调查\"0\"件\""},
      {"I9", "COUNTIF($I$3:$I$8,\"是\")", "0", "\"延期\"0\"件\""},
      {"J9", "COUNT($J$3:$J$8)", "4", "\"办结\"0\"件\""},
      {"M9", "COUNT($M$3:$M$8)", "1", "\"送达\"0\"件\""},
      {"O9", "COUNTIF($O$3:$O$8,\"已超期\")+COUNTIF($O$3:$O$8,\"超期办结\")", "2",
       "\"超期\"0\"件\""},
  };
  for (const Want& w : wants) {
    const Cell* c = sh.at(w.ref);
    ASSERT_NE(c, nullptr) << w.ref;
    EXPECT_EQ(c->formula, w.formula) << w.ref;
    EXPECT_EQ(c->value, w.value) << w.ref;
    EXPECT_EQ(StyleOf(r.parts, c->style).num_format, w.shown) << w.ref;
  }
}

TEST(LedgerXlsx, HeaderIsFrozenAndColumnsHaveWidths) {
  const Rendered r = RenderSample();
  Sheet sh;
  LoadSheet(r.parts, "xl/worksheets/sheet1.xml", &sh);
  pugi::xml_node ws = sh.doc.child("worksheet");
  pugi::xml_node pane = ws.child("sheetViews").child("sheetView").child("pane");
  EXPECT_STREQ(pane.attribute("state").value(), "frozen");
  EXPECT_EQ(pane.attribute("ySplit").as_int(), 2);
  int cols = 0;
  for (pugi::xml_node c : ws.child("cols").children("col")) {
    EXPECT_GT(c.attribute("width").as_double(), 5.0);
    cols += c.attribute("max").as_int() - c.attribute("min").as_int() + 1;
  }
  EXPECT_EQ(cols, 16);
  EXPECT_STREQ(ws.child("autoFilter").attribute("ref").value(), "A2:P8");
}

TEST(LedgerXlsx, SummarySheetCountsOutcomesWithoutAssistance) {
  const Rendered r = RenderSample();
  Sheet sh;
  LoadSheet(r.parts, "xl/worksheets/sheet2.xml", &sh);
  EXPECT_EQ(
      sh.text("A1"),
      "威海临港经济技术开发区管理委员会政府信息公开申请办理结果汇总（2021-01-01至2021-12-31办结）");
  const OutcomeSummary sum = SummariseOutcomes(r.rows, kMeta.from, kMeta.to);
  int row = 3;
  for (const OutcomeCount& c : sum.rows) {
    const std::string a = "A" + std::to_string(row), b = "B" + std::to_string(row);
    EXPECT_EQ(sh.text(a), c.label);
    EXPECT_EQ(sh.text(b), std::to_string(c.count)) << c.label;
    EXPECT_EQ(sh.at(b)->formula, "COUNTIFS('台账'!$L$3:$L$8," + a +
                                     ",'台账'!$J$3:$J$8,\">=\"&DATE(2021,1,1),"
                                     "'台账'!$J$3:$J$8,\"<=\"&DATE(2021,12,31))");
    EXPECT_NE(c.label.find("协助调查"), 0u);
    ++row;
  }
  EXPECT_EQ(sh.text("A" + std::to_string(row)), "总计");
  EXPECT_EQ(sh.text("B" + std::to_string(row)), "3");
  EXPECT_EQ(sh.at("B" + std::to_string(row))->formula, "SUM(B3:B" + std::to_string(row - 1) + ")");
  row += 2;
  EXPECT_EQ(sh.text("A" + std::to_string(row)), "协助调查（列入台账，不计入上表）");
  EXPECT_EQ(sh.text("B" + std::to_string(row)), "1");
  EXPECT_EQ(sh.at("B" + std::to_string(row))->formula, "COUNTIF('台账'!$C$3:$C$8,\"协助调查\")");
}

TEST(LedgerXlsx, NoPersonalDataInAnyPart) {
  const Rendered r = RenderSample();
  ASSERT_FALSE(r.parts.empty());
  const std::string needles[] = {testing::kApplicantName,
                                 testing::kPhone,
                                 testing::kAddress,
                                 testing::kEmail,
                                 testing::IdNumber(),
                                 "张三",
                                 "李四"};
  for (const auto& [name, data] : r.parts) {
    for (const std::string& n : needles) {
      EXPECT_EQ(data.find(n), std::string::npos) << n << " found in " << name;
    }
  }
}

TEST(LedgerXlsx, EmptyLedgerWritesPlainZeros) {
  Result<std::string> x = RenderLedgerXlsx({}, kMeta);
  ASSERT_TRUE(x.ok()) << x.status().message();
  const auto parts = Unzip(*x);
  Sheet sh;
  LoadSheet(parts, "xl/worksheets/sheet1.xml", &sh);
  EXPECT_EQ(sh.text("A3"), "合计");
  EXPECT_EQ(sh.text("B3"), "0");
  EXPECT_EQ(sh.at("B3")->formula, "");
  Sheet sum;
  LoadSheet(parts, "xl/worksheets/sheet2.xml", &sum);
  EXPECT_EQ(sum.text("B3"), "0");
}

// ---- LibreOffice -------------------------------------------------------------------------

std::string Office() {
  for (const char* name : {"soffice", "libreoffice"}) {
    const std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return name;
  }
  return "";
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::string Opt(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// The parts with every cached formula value replaced by 999, zipped to `path`.
void WriteTampered(std::map<std::string, std::string> parts, const std::string& path) {
  for (auto& [name, data] : parts) {
    if (!name.starts_with("xl/worksheets/")) continue;
    size_t at = 0;
    while ((at = data.find("</f><v>", at)) != std::string::npos) {
      const size_t v = at + 7;
      const size_t end = data.find("</v>", v);
      ASSERT_NE(end, std::string::npos);
      data.replace(v, end - v, "999");
      at = v;
    }
  }
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(za, nullptr) << "zip_open " << error;
  for (const auto& [name, data] : parts) {  // buffers live until zip_close
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    ASSERT_NE(src, nullptr);
    ASSERT_GE(zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0) << zip_strerror(za);
  }
  ASSERT_EQ(zip_close(za), 0);
}

// A ledger row as LibreOffice shows it in CSV (formatted values).
std::string CsvLine(size_t i, const LedgerRow& x) {
  const std::string extended =
      x.kind == cases::CaseKind::kAssistance ? "" : (x.extended() ? "是" : "否");
  return std::to_string(i + 1) + "," + x.tracking_no + "," + x.kind_label + "," + x.channel_label +
         "," + x.applicant_type_label + "," + x.received_on.ToString() + "," + Opt(x.clock_start) +
         "," + Opt(x.due_on) + "," + extended + "," + Opt(x.concluded_on) + "," + x.outcome_label +
         "," + x.report_row_label + "," + Opt(x.served_on) + "," +
         (x.working_days ? std::to_string(*x.working_days) : "") + "," +
         std::string(Label(x.timeliness)) + "," + x.status_label;
}

TEST(LedgerXlsx, LibreOfficeRecalculatesTheSameFigures) {
  const std::string office = Office();
  if (office.empty()) {
    GTEST_SKIP() << "LibreOffice (soffice) is not installed: the CSV comparison is skipped; "
                    "install libreoffice-calc-nogui to run it";
  }
  const Rendered r = RenderSample();
  char tmpl[] = "/tmp/gk-ledger-lo-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const std::filesystem::path dir = tmpl;
  {
    std::ofstream out(dir / "ledger.xlsx", std::ios::binary);
    out << r.bytes;
  }
  // A fresh profile that recalculates OOXML formulas on load (by default
  // LibreOffice shows the cached values), so the CSV proves the formulas
  // compute what the cached values say.
  std::filesystem::create_directories(dir / "profile" / "user");
  {
    std::ofstream xcu(dir / "profile" / "user" / "registrymodifications.xcu");
    xcu << R"(<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
)";
  }
  // The same workbook with wrong cached values: after recalculation its CSV
  // must not differ, which shows that LibreOffice did recalculate.
  WriteTampered(r.parts, (dir / "tampered.xlsx").string());
  // Every sheet to its own UTF-8 CSV file (token 12 = -1), values as shown.
  // Bounded: a hung office process must not hang the test run.
  const std::string cmd =
      "timeout 180 " + office + " --headless --norestore -env:UserInstallation=file://" +
      (dir / "profile").string() +
      " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,"
      "true,true,false,false,-1' --outdir " +
      dir.string() + " " + (dir / "ledger.xlsx").string() + " " + (dir / "tampered.xlsx").string() +
      " >" + (dir / "soffice.log").string() + " 2>&1";
  const int rc = std::system(cmd.c_str());
  const std::filesystem::path ledger_csv = dir / "ledger-台账.csv";
  const std::filesystem::path summary_csv = dir / "ledger-办理结果汇总.csv";
  ASSERT_EQ(rc, 0) << ReadFile(dir / "soffice.log");
  ASSERT_TRUE(std::filesystem::exists(ledger_csv)) << ReadFile(dir / "soffice.log");
  ASSERT_TRUE(std::filesystem::exists(summary_csv)) << ReadFile(dir / "soffice.log");

  const std::vector<std::string> lines = Lines(ReadFile(ledger_csv));
  ASSERT_GE(lines.size(), 2 + r.rows.size() + 1);
  EXPECT_EQ(lines[1],
            "序号,申请编号,类型,提交渠道,申请人类型,收到日期,起算日期,答复期限,是否延期,办结日期,"
            "办理结果,年度报告统计项,送达日期,用时（工作日）,是否按期,当前状态");
  for (size_t i = 0; i < r.rows.size(); ++i) {
    EXPECT_EQ(lines[2 + i], CsvLine(i, r.rows[i]));
  }
  EXPECT_EQ(lines[2 + r.rows.size()],
            "合计,共6件,依申请5件,协助调查1件,,,,,延期0件,办结4件,,,送达1件,,超期2件,");

  const std::vector<std::string> sum_lines = Lines(ReadFile(summary_csv));
  const OutcomeSummary sum = SummariseOutcomes(r.rows, kMeta.from, kMeta.to);
  ASSERT_GE(sum_lines.size(), 2 + sum.rows.size() + 3);
  for (size_t i = 0; i < sum.rows.size(); ++i) {
    EXPECT_EQ(sum_lines[2 + i], sum.rows[i].label + "," + std::to_string(sum.rows[i].count));
  }
  EXPECT_EQ(sum_lines[2 + sum.rows.size()], "总计,3");
  EXPECT_EQ(sum_lines[2 + sum.rows.size() + 2], "协助调查（列入台账，不计入上表）,1");

  EXPECT_EQ(ReadFile(dir / "tampered-台账.csv"), ReadFile(ledger_csv));
  EXPECT_EQ(ReadFile(dir / "tampered-办理结果汇总.csv"), ReadFile(summary_csv));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gk::ledger
