#include "report/validate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "report/json.h"

namespace gk::report {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Report Seed(const std::string& id) {
  const std::string text =
      ReadFile(std::string(GK_SOURCE_DIR) + "/tests/data/seeds/" + id + ".expected.json");
  Result<Report> r = ReadReportJson(text);
  EXPECT_TRUE(r.ok()) << id << ": " << r.status().message();
  return r.ok() ? std::move(r).value() : Report{};
}

std::string Dump(const std::vector<Finding>& fs) {
  std::string out;
  for (const Finding& f : fs) {
    out += std::string(SeverityName(f.severity)) + " " + f.code + " " + f.section + " " + f.row +
           " " + f.column + " " + f.message + "\n";
  }
  return out;
}

size_t Count(const std::vector<Finding>& fs, std::string_view code) {
  return std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
}

const Finding* FindCode(const std::vector<Finding>& fs, std::string_view code,
                        std::string_view row = {}, std::string_view column = {}) {
  for (const Finding& f : fs) {
    if (f.code == code && (row.empty() || f.row == row) && (column.empty() || f.column == column)) {
      return &f;
    }
  }
  return nullptr;
}

const char* const kComplete[] = {"001", "002", "004"};

TEST(Validate, CompleteSeedsAreClean) {
  for (const char* id : kComplete) {
    const std::vector<Finding> fs = Validate(Seed(id));
    EXPECT_FALSE(HasErrors(fs)) << id << "\n" << Dump(fs);
    EXPECT_TRUE(fs.empty()) << id << "\n" << Dump(fs);
  }
}

TEST(Validate, SeedsWithoutTablesHaveMissingTables) {
  for (const char* id : {"000", "003"}) {
    const std::vector<Finding> fs = Validate(Seed(id));
    ASSERT_EQ(fs.size(), 3u) << id << "\n" << Dump(fs);
    const char* sections[] = {"二", "三", "四"};
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(fs[i].code, "missing_table");
      EXPECT_EQ(fs[i].severity, Severity::kError);
      EXPECT_EQ(fs[i].section, sections[i]);
    }
    EXPECT_TRUE(HasErrors(fs));
  }
}

bool IsOutcome(Row3 r) { return Row3Info(r).outcome; }

// Property (report-format.md §4.1): every section-三 cell takes part in I1, so
// +1 in any single cell breaks at least one strict identity; and precisely
// the identities the cell is an operand of.
TEST(Validate, AnySection3CellPlusOneIsAnError) {
  for (const char* id : kComplete) {
    const Report seed = Seed(id);
    ASSERT_TRUE(seed.section3.has_value());
    for (const Row3Spec& row : Rows3(seed.format)) {
      for (int c = 0; c < kNumCols3; ++c) {
        SCOPED_TRACE(std::string(id) + " " + std::string(row.key) + "." + std::string(ColKey3(c)));
        Report r = seed;
        Cell& cell = r.section3->at(row.id, c);
        ASSERT_TRUE(cell.has_value());
        *cell += 1;
        const std::vector<Finding> fs = Validate(r);
        ASSERT_TRUE(HasErrors(fs));
        size_t strict = 0;
        for (const Finding& f : fs) {
          if (f.code == "row_sum" || f.code == "column_sum" || f.code == "balance") {
            EXPECT_EQ(f.severity, Severity::kError);
            EXPECT_EQ(f.section, "三");
            ++strict;
          }
        }
        EXPECT_GE(strict, 1u) << Dump(fs);
        // I1 on this row.
        EXPECT_NE(FindCode(fs, "row_sum", row.key), nullptr) << Dump(fs);
        // I2 on this column when the cell is an outcome or the （七）总计 row.
        const bool in_i2 = IsOutcome(row.id) || row.id == Row3::kTotal;
        EXPECT_EQ(FindCode(fs, "column_sum", "total", ColKey3(c)) != nullptr, in_i2) << Dump(fs);
        // I3 on this column for 一, 二, （七）总计 and 四.
        const bool in_i3 = row.id == Row3::kNew || row.id == Row3::kCarriedOver ||
                           row.id == Row3::kTotal || row.id == Row3::kCarriedForward;
        EXPECT_EQ(FindCode(fs, "balance", "", ColKey3(c)) != nullptr, in_i3) << Dump(fs);
      }
    }
  }
}

TEST(Validate, AnySection4CellPlusOneIsSection4Sum) {
  for (const char* id : kComplete) {
    const Report seed = Seed(id);
    for (int g = 0; g < kNumGroups4; ++g) {
      for (int k = 0; k < kNumFields4; ++k) {
        Report r = seed;
        *r.section4->cells[g][k] += 1;
        const std::vector<Finding> fs = Validate(r);
        ASSERT_EQ(fs.size(), 1u) << Dump(fs);
        EXPECT_EQ(fs[0].code, "section4_sum");
        EXPECT_EQ(fs[0].severity, Severity::kError);
        EXPECT_EQ(fs[0].section, "四");
        EXPECT_EQ(fs[0].row, GroupKey4(g));
        EXPECT_EQ(fs[0].column, "total");
        EXPECT_EQ(fs[0].expected, k == 4 ? 0 : 1);
        EXPECT_EQ(fs[0].actual, k == 4 ? 1 : 0);
      }
    }
  }
}

TEST(Validate, MessageNamesSectionRowColumnAndFigures) {
  Report r = Seed("001");
  r.section3->at(Row3::kTotal, 0) = 5;
  const std::vector<Finding> fs = Validate(r);
  const Finding* f = FindCode(fs, "column_sum", "total", "natural_person");
  ASSERT_NE(f, nullptr) << Dump(fs);
  EXPECT_EQ(f->message,
            "三、收到和处理政府信息公开申请情况：“（七）总计”行“自然人”列应为 6（各办理结果之和），"
            "实际为 5");
  EXPECT_EQ(f->expected, 6);
  EXPECT_EQ(f->actual, 5);
  // Sub-items are named with their group.
  r = Seed("001");
  r.section3->at(Row3::kOtherOther, 1) = 1;
  const std::vector<Finding> gs = Validate(r);
  const Finding* g = FindCode(gs, "row_sum", "other_other");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->message,
            "三、收到和处理政府信息公开申请情况：“（六）其他处理”中的“3.其他”行“总计”列应为 1"
            "（本行各申请人列之和），实际为 0");
  for (const Finding& x : gs) {
    EXPECT_TRUE(x.message.starts_with("三、收到和处理政府信息公开申请情况：")) << x.message;
  }
}

// report-format.md §4: a blank 总计 beside non-zero detail cells is row_sum
// with expected = detail sum and actual = null.
TEST(Validate, BlankTotalBesideFiguresIsRowSum) {
  Report r = Seed("001");
  r.section3->at(Row3::kPartiallyGranted, kTotalCol) = std::nullopt;  // details: 2,0,0,0,0,0
  const std::vector<Finding> fs = Validate(r);
  const Finding* f = FindCode(fs, "row_sum", "partially_granted", "total");
  ASSERT_NE(f, nullptr) << Dump(fs);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(f->expected, 2);
  EXPECT_FALSE(f->actual.has_value());
  EXPECT_NE(f->message.find("实际为空"), std::string::npos) << f->message;
}

TEST(Validate, BlankTotalBesideZerosIsOnlyAWarning) {
  Report r = Seed("001");
  r.section3->at(Row3::kWithheldStateSecret, kTotalCol) = std::nullopt;  // details all 0
  const std::vector<Finding> fs = Validate(r);
  EXPECT_FALSE(HasErrors(fs)) << Dump(fs);
  ASSERT_EQ(fs.size(), 1u) << Dump(fs);
  EXPECT_EQ(fs[0].code, "blank_cell");
  EXPECT_EQ(fs[0].severity, Severity::kWarning);
  EXPECT_EQ(fs[0].row, "withheld_state_secret");
  EXPECT_EQ(fs[0].column, "total");
}

// Blank detail cells beside a filled 总计 count as 0 with a blank_cell warning.
TEST(Validate, BlankDetailCellIsWarningNotError) {
  struct Case {
    Row3 row;
    int col;
  };
  const Case cases[] = {{Row3::kGranted, 1},        {Row3::kNew, 5},
                        {Row3::kTotal, 3},          {Row3::kCarriedOver, 0},
                        {Row3::kCarriedForward, 2}, {Row3::kOtherNoFee, 0},
                        {Row3::kGranted, kTotalCol}};  // a blank 总计 whose row is all 0 too
  for (const Case& c : cases) {
    Report r = Seed("001");
    if (c.row == Row3::kGranted && c.col == kTotalCol) {
      for (int k = 0; k < kNumCols3; ++k) r.section3->at(c.row, k) = 0;
      // Make the row blank-total but keep I2 true: move its 1 to partially_granted.
      r.section3->at(Row3::kPartiallyGranted, 0) = 3;
      r.section3->at(Row3::kPartiallyGranted, kTotalCol) = 3;
    }
    r.section3->at(c.row, c.col) = std::nullopt;
    const std::vector<Finding> fs = Validate(r);
    SCOPED_TRACE(std::string(Row3Info(c.row).key) + "." + std::string(ColKey3(c.col)));
    EXPECT_FALSE(HasErrors(fs)) << Dump(fs);
    ASSERT_EQ(fs.size(), 1u) << Dump(fs);
    EXPECT_EQ(fs[0].code, "blank_cell");
    EXPECT_EQ(fs[0].row, Row3Info(c.row).key);
    EXPECT_EQ(fs[0].column, ColKey3(c.col));
  }
}

TEST(Validate, WholeBlankOutcomeRowReadsAsZero) {
  Report r = Seed("002");
  for (int c = 0; c < kNumCols3; ++c) r.section3->at(Row3::kWithheldQueryMatter, c) = std::nullopt;
  std::vector<Finding> fs = Validate(r);
  EXPECT_FALSE(HasErrors(fs)) << Dump(fs);
  EXPECT_EQ(Count(fs, "blank_cell"), 7u) << Dump(fs);
  // A blank cell where a figure was: the identities now fail.
  r = Seed("002");
  r.section3->at(Row3::kUnavailableNotHeld, 0) = std::nullopt;  // was 4
  fs = Validate(r);
  EXPECT_NE(FindCode(fs, "row_sum", "unavailable_not_held"), nullptr) << Dump(fs);
  EXPECT_NE(FindCode(fs, "column_sum", "total", "natural_person"), nullptr) << Dump(fs);
}

TEST(Validate, IdentitiesWithBlankOperandsAreSkipped) {
  Report r;
  r.format = Format::k2021;
  r.year = 2021;
  r.section2 = Section2::Blank(r.format);
  r.section3.emplace();  // every cell blank
  r.section4.emplace();
  EXPECT_TRUE(Validate(r).empty()) << Dump(Validate(r));
  // A sparse template: one row filled, the rest blank.
  r.section3->at(Row3::kNew, 0) = 0;
  r.section3->at(Row3::kNew, kTotalCol) = 0;
  const std::vector<Finding> fs = Validate(r);
  EXPECT_FALSE(HasErrors(fs)) << Dump(fs);
}

TEST(Validate, BlankGrandTotalBesideApplicationsIsBalanceError) {
  Report r;
  r.format = Format::k2021;
  r.year = 2021;
  r.section3.emplace();
  r.section3->at(Row3::kNew, 0) = 3;
  r.section3->at(Row3::kNew, kTotalCol) = 3;
  const std::vector<Finding> fs = Validate(r);
  const Finding* f = FindCode(fs, "balance", "", "natural_person");
  ASSERT_NE(f, nullptr) << Dump(fs);
  EXPECT_EQ(f->expected, 3);
  EXPECT_FALSE(f->actual.has_value());
}

TEST(Validate, NegativeValues) {
  Report r = Seed("002");  // 2019: punishment.change = -1 is signed and allowed
  EXPECT_EQ(Count(Validate(r), "negative_value"), 0u);
  *r.section2->Find(r.format, "rules", "made") = -1;
  *r.section2->Find(r.format, "procurement", "amount_10k_yuan") = -500'000;
  *r.section2->Find(r.format, "licensing", "change") = -3;
  r.section4->cells[1][0] = -2;
  r.section4->cells[1][4] = -2;
  r.section3->at(Row3::kGranted, 0) = -1;
  r.section3->at(Row3::kGranted, 1) = 1;
  const std::vector<Finding> fs = Validate(r);
  EXPECT_EQ(Count(fs, "negative_value"), 5u) << Dump(fs);
  EXPECT_NE(FindCode(fs, "negative_value", "rules", "made"), nullptr);
  const Finding* money = FindCode(fs, "negative_value", "procurement", "amount_10k_yuan");
  ASSERT_NE(money, nullptr);
  EXPECT_NE(money->message.find("-0.5万元"), std::string::npos) << money->message;
  EXPECT_NE(FindCode(fs, "negative_value", "litigation_direct", "upheld"), nullptr);
  EXPECT_NE(FindCode(fs, "negative_value", "granted", "natural_person"), nullptr);
  EXPECT_EQ(FindCode(fs, "negative_value", "licensing"), nullptr);
  EXPECT_TRUE(HasErrors(fs));
}

DocumentFacts AllHeadings(std::optional<Format> fingerprint) {
  DocumentFacts d;
  d.has_section.fill(true);
  d.fingerprint = fingerprint;
  return d;
}

TEST(Validate, FormatMismatch) {
  struct Case {
    int year;
    std::optional<Format> fingerprint;
    bool mismatch;
  };
  const Case cases[] = {
      {2022, Format::k2019, true}, {2022, Format::k2021, false}, {2022, std::nullopt, false},
      {2020, Format::k2021, true}, {2020, Format::k2019, false}, {2019, Format::k2021, true},
      {2021, Format::k2019, true},
  };
  for (const Case& c : cases) {
    Report r = Seed("004");
    r.year = c.year;
    r.document = AllHeadings(c.fingerprint);
    const std::vector<Finding> fs = Validate(r);
    const Finding* f = FindCode(fs, "format_mismatch");
    EXPECT_EQ(f != nullptr, c.mismatch) << c.year << "\n" << Dump(fs);
    if (f != nullptr) {
      EXPECT_EQ(f->severity, Severity::kError);
      EXPECT_EQ(f->expected, c.year >= 2021 ? 2021 : 2019);
      EXPECT_EQ(f->actual, c.year >= 2021 ? 2019 : 2021);
      EXPECT_EQ(fs.front().code, "format_mismatch");  // whole-report findings first
    }
  }
  // Without document facts the report's own format is what the tables show.
  Report r = Seed("002");  // 2019 tables
  r.year = 2022;
  EXPECT_NE(FindCode(Validate(r), "format_mismatch"), nullptr);
}

TEST(Validate, MissingSectionsAndTables) {
  Report r = Seed("000");  // all three tables null
  DocumentFacts d = AllHeadings(Format::k2021);
  d.has_section[4] = false;  // 五 absent
  d.has_section[2] = false;  // 三 absent: missing_section, not also missing_table
  r.document = d;
  const std::vector<Finding> fs = Validate(r);
  ASSERT_EQ(fs.size(), 4u) << Dump(fs);
  EXPECT_EQ(fs[0].code, "missing_table");
  EXPECT_EQ(fs[0].section, "二");
  EXPECT_EQ(fs[1].code, "missing_section");
  EXPECT_EQ(fs[1].section, "三");
  EXPECT_EQ(fs[1].message, "报告缺少“三、收到和处理政府信息公开申请情况”部分");
  EXPECT_EQ(fs[2].code, "missing_table");
  EXPECT_EQ(fs[2].section, "四");
  EXPECT_EQ(fs[3].code, "missing_section");
  EXPECT_EQ(fs[3].section, "五");
  for (const Finding& f : fs) EXPECT_EQ(f.severity, Severity::kError);

  // A spreadsheet holds the tables only: 一, 五, 六 are not required there.
  Report sheet = Seed("001");
  DocumentFacts tables = AllHeadings(Format::k2021);
  tables.has_section[0] = tables.has_section[4] = tables.has_section[5] = false;
  sheet.document = tables;
  sheet.source.kind = "xlsx";
  EXPECT_EQ(FindCode(Validate(sheet), "missing_section"), nullptr) << Dump(Validate(sheet));
  sheet.source.kind = "docx";
  EXPECT_NE(FindCode(Validate(sheet), "missing_section"), nullptr);

  // A complete report with all headings: nothing.
  Report ok = Seed("001");
  ok.document = AllHeadings(Format::k2021);
  EXPECT_TRUE(Validate(ok).empty()) << Dump(Validate(ok));
  // Without document facts (records), headings are not checked.
  ok.document.reset();
  ok.section4.reset();
  const std::vector<Finding> gs = Validate(ok);
  ASSERT_EQ(gs.size(), 1u);
  EXPECT_EQ(gs[0].code, "missing_table");
  EXPECT_EQ(gs[0].section, "四");
}

TEST(Validate, CarryoverWithPreviousYear) {
  Report now = Seed("001");  // 2021
  now.section3->at(Row3::kCarriedOver, 0) = 2;
  now.section3->at(Row3::kCarriedOver, kTotalCol) = 2;
  now.section3->at(Row3::kTotal, 0) = 8;  // keep I1–I3 true: 6 + 2 = 8 + 0
  now.section3->at(Row3::kGranted, 0) = 3;
  now.section3->at(Row3::kTotal, kTotalCol) = 8;
  now.section3->at(Row3::kGranted, kTotalCol) = 3;
  ASSERT_TRUE(Validate(now).empty()) << Dump(Validate(now));

  Report before = Seed("002");  // 2020, 2019 format
  before.year = 2020;
  before.section3->at(Row3::kCarriedForward, 0) = 2;
  before.section3->at(Row3::kCarriedForward, kTotalCol) = 2;
  before.section3->at(Row3::kNew, 0) = 8;
  before.section3->at(Row3::kNew, kTotalCol) = 9;
  ValidateOptions opt;
  opt.previous = &before;
  EXPECT_TRUE(Validate(now, opt).empty()) << Dump(Validate(now, opt));

  before.section3->at(Row3::kCarriedForward, 0) = 1;
  before.section3->at(Row3::kCarriedForward, kTotalCol) = 1;
  std::vector<Finding> fs = Validate(now, opt);
  EXPECT_EQ(Count(fs, "carryover"), 2u) << Dump(fs);
  const Finding* f = FindCode(fs, "carryover", "carried_over", "natural_person");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->expected, 1);
  EXPECT_EQ(f->actual, 2);
  EXPECT_FALSE(HasErrors(fs));

  before.year = 2018;
  fs = Validate(now, opt);
  EXPECT_EQ(Count(fs, "carryover"), 0u);
  EXPECT_EQ(Count(fs, "previous_year_mismatch"), 1u) << Dump(fs);
}

TEST(Validate, InForceDriftW2) {
  Report now = Seed("004");     // 2022: normative_documents issued 2, repealed 2, in_force 13
  Report before = Seed("001");  // 2021: in_force 11
  ValidateOptions opt;
  opt.previous = &before;
  now.year = 2022;
  std::vector<Finding> fs = Validate(now, opt);
  const Finding* f = FindCode(fs, "in_force_drift", "normative_documents", "in_force");
  ASSERT_NE(f, nullptr) << Dump(fs);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->expected, 11);
  EXPECT_EQ(f->actual, 13);
  *before.section2->Find(Format::k2021, "normative_documents", "in_force") = 13;
  EXPECT_EQ(Count(Validate(now, opt), "in_force_drift"), 0u);
  *before.section2->Find(Format::k2021, "normative_documents", "in_force") = 0;
  *now.section2->Find(Format::k2021, "normative_documents", "repealed") = 5;
  fs = Validate(now, opt);
  EXPECT_NE(FindCode(fs, "repealed_exceeds_in_force", "normative_documents", "repealed"), nullptr)
      << Dump(fs);
  EXPECT_EQ(Count(fs, "in_force_drift"), 0u);
  EXPECT_FALSE(HasErrors(fs));
}

TEST(Validate, PreviousItemsW3AndPublishedW4) {
  Report before = Seed("002");
  before.year = 2019;
  Report now = Seed("002");  // 2020
  ValidateOptions opt;
  opt.previous = &before;
  // other_services: 3 + 1 → 4 expected, 3 found; punishment: 2 − 1 → 1, 2 found.
  std::vector<Finding> fs = Validate(now, opt);
  EXPECT_EQ(Count(fs, "previous_items_drift"), 2u) << Dump(fs);
  const Finding* f = FindCode(fs, "previous_items_drift", "other_services", "previous_items");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->expected, 4);
  EXPECT_EQ(f->actual, 3);
  EXPECT_FALSE(HasErrors(fs));

  *now.section2->Find(Format::k2019, "normative_documents", "made") = 1;
  *now.section2->Find(Format::k2019, "normative_documents", "published") = 2;
  fs = Validate(now);
  f = FindCode(fs, "published_exceeds_made", "normative_documents", "published");
  ASSERT_NE(f, nullptr) << Dump(fs);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->expected, 1);
  EXPECT_EQ(f->actual, 2);
}

TEST(Validate, TextClaimsW5) {
  struct Case {
    TextClaim claim;
    bool mismatch;
  };
  const Case cases[] = {
      {{"三", "new", "total", 6, "本年新收政府信息公开申请6件", ""}, false},
      {{"三", "new", "total", 7, "本年新收政府信息公开申请7件", ""}, true},
      {{"三", "new", "total", 8, "收到申请8件", "carried_over"}, false},  // 6 + 2
      {{"三", "new", "total", 9, "收到申请9件", "carried_over"}, true},
      {{"二", "normative_documents", "in_force", 11, "现行有效件数11件", ""}, false},
      {{"二", "normative_documents", "in_force", 12, "现行有效件数12件", ""}, true},
      {{"四", "review", "total", 0, "未发生行政复议", ""}, false},
      {{"四", "review", "total", 1, "行政复议1件", ""}, true},
      {{"三", "no_such_row", "total", 1, "", ""}, false},
      {{"三", "other", "total", 5, "", ""}, false},         // a 2019 row in a 2021 report
      {{"三", "granted", "commercial", 5, "", ""}, false},  // blank cell: skipped
  };
  for (const Case& c : cases) {
    Report r = Seed("001");
    r.section3->at(Row3::kCarriedOver, 1) = 2;  // keep I1–I3 true
    r.section3->at(Row3::kCarriedOver, kTotalCol) = 2;
    r.section3->at(Row3::kGranted, 1) = 2;
    r.section3->at(Row3::kGranted, kTotalCol) = 3;
    r.section3->at(Row3::kTotal, 1) = 2;
    r.section3->at(Row3::kTotal, kTotalCol) = 8;
    r.document = AllHeadings(Format::k2021);
    r.document->claims.push_back(c.claim);
    if (c.claim.row == "granted") r.section3->at(Row3::kGranted, 1) = std::nullopt;
    const std::vector<Finding> fs = Validate(r);
    const Finding* f = FindCode(fs, "text_table_mismatch");
    EXPECT_EQ(f != nullptr, c.mismatch) << c.claim.quote << "\n" << Dump(fs);
    if (f != nullptr) {
      EXPECT_EQ(f->severity, Severity::kWarning);
      EXPECT_EQ(f->expected, c.claim.value);
      EXPECT_EQ(f->section, c.claim.section);
      EXPECT_NE(f->message.find(c.claim.quote), std::string::npos) << f->message;
    }
  }
}

TEST(Validate, CarriedForwardHighW6) {
  Report r = Seed("004");  // new 3
  r.section3->at(Row3::kCarriedOver, 0) = 5;
  r.section3->at(Row3::kCarriedOver, kTotalCol) = 5;
  r.section3->at(Row3::kCarriedForward, 0) = 5;
  r.section3->at(Row3::kCarriedForward, kTotalCol) = 5;
  std::vector<Finding> fs = Validate(r);
  ASSERT_EQ(fs.size(), 1u) << Dump(fs);
  EXPECT_EQ(fs[0].code, "carried_forward_high");
  EXPECT_EQ(fs[0].severity, Severity::kWarning);
  r.section3->at(Row3::kCarriedForward, 0) = 3;
  r.section3->at(Row3::kCarriedForward, kTotalCol) = 3;
  r.section3->at(Row3::kCarriedOver, 0) = 3;
  r.section3->at(Row3::kCarriedOver, kTotalCol) = 3;
  EXPECT_TRUE(Validate(r).empty());
}

TEST(Validate, ReaderFindingsAreCopiedAndSorted) {
  Report r = Seed("001");
  r.document = AllHeadings(Format::k2021);
  Finding f;
  f.severity = Severity::kWarning;
  f.code = "fee_in_yuan";
  f.section = "二";
  f.row = "fees";
  f.column = "amount_10k_yuan";
  f.message = "收费金额以元为单位印制，已换算为万元";
  r.document->reader_findings.push_back(f);
  r.section4->cells[0][0] = 1;  // a section-四 error, to be sorted after 二
  const std::vector<Finding> fs = Validate(r);
  ASSERT_EQ(fs.size(), 2u) << Dump(fs);
  EXPECT_EQ(fs[0].code, "fee_in_yuan");
  EXPECT_EQ(fs[1].code, "section4_sum");
}

TEST(Validate, SortedDeterministically) {
  Report r = Seed("002");
  for (const Row3Spec& row : Rows3(r.format)) {
    for (int c = 0; c < kNumCols3; c += 2) *r.section3->at(row.id, c) += (c + 1);
  }
  *r.section2->Find(r.format, "rules", "made") = -1;
  r.section4->cells[2][1] = 4;
  r.year = 2022;
  const std::vector<Finding> a = Validate(r);
  const std::vector<Finding> b = Validate(r);
  ASSERT_EQ(Dump(a), Dump(b));
  ASSERT_GT(a.size(), 20u);
  EXPECT_EQ(a.front().code, "format_mismatch");
  auto section_rank = [](const std::string& s) {
    const std::string order[] = {"", "一", "二", "三", "四", "五", "六"};
    return std::find(std::begin(order), std::end(order), s) - std::begin(order);
  };
  auto row_rank = [&](const Finding& f) {
    if (f.row.empty()) return 1000;
    const auto rows = Rows3(r.format);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].key == f.row) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t i = 1; i < a.size(); ++i) {
    EXPECT_LE(section_rank(a[i - 1].section), section_rank(a[i].section)) << Dump(a);
    if (a[i - 1].section == "三" && a[i].section == "三") {
      EXPECT_LE(row_rank(a[i - 1]), row_rank(a[i])) << Dump(a);
    }
  }
}

TEST(Validate, HugeFiguresDoNotOverflow) {
  Report r = Seed("001");
  for (const Row3Spec& row : Rows3(r.format)) {
    for (int c = 0; c < kNumCols3; ++c) {
      r.section3->at(row.id, c) = std::numeric_limits<int64_t>::max();
    }
  }
  r.section4->cells[0].fill(std::numeric_limits<int64_t>::min());
  std::vector<Finding> fs;
  EXPECT_NO_THROW(fs = Validate(r));
  EXPECT_TRUE(HasErrors(fs));
}

TEST(Validate, HasErrors) {
  EXPECT_FALSE(HasErrors({}));
  Finding w;
  w.severity = Severity::kWarning;
  EXPECT_FALSE(HasErrors({w}));
  Finding e;
  EXPECT_TRUE(HasErrors({w, e}));
}

// The check output of a seed through the JSON writer is valid JSON.
TEST(Validate, CheckResultOfMutatedSeedIsJson) {
  Report r = Seed("002");
  *r.section2->Find(r.format, "procurement", "amount_10k_yuan") = -1;
  r.section3->at(Row3::kNew, 0) = 9;
  const std::string out = WriteCheckResultJson("002.txt", &r, Validate(r));
  const nlohmann::json j = nlohmann::json::parse(out);
  ASSERT_TRUE(j["findings"].is_array());
  EXPECT_GE(j["findings"].size(), 3u);
  EXPECT_NE(out.find("\"row\":\"procurement\",\"column\":\"amount_10k_yuan\",\"expected\":null,"
                     "\"actual\":-0.000001,"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace gk::report
