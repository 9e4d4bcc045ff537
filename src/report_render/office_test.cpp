// The rendered files read back by independent programs: LibreOffice opens the
// DOCX (converted to text) and recalculates the XLSX (converted to CSV);
// poppler reads the PDF. A missing tool fails the test: these checks are the
// proof that the files work, never skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "report_render/docx.h"
#include "report_render/tables.h"
#include "report_render/test_util.h"
#include "report_render/xlsx.h"

namespace gk::report_render {
namespace {

namespace fs = std::filesystem;
using testing::Doc2019;
using testing::Doc2021;
using testing::Lines;
using testing::ReadFile;
using testing::Run;
using testing::Squeeze;

// One LibreOffice launch converts every input file of a kind.
class Office {
 public:
  // Converts the files (name → bytes) in a fresh directory with its own
  // profile; returns false with the log when soffice fails.
  static bool Convert(const fs::path& dir, const std::map<std::string, std::string>& files,
                      const std::string& filter, std::string* log) {
    fs::create_directories(dir / "profile" / "user");
    {
      // Recalculate OOXML formulas on load (by default the cached values
      // are shown), so the CSV proves the formulas compute the figures.
      testing::WriteFile(dir / "profile" / "user" / "registrymodifications.xcu",
                         R"(<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
)");
    }
    std::string inputs;
    for (const auto& [name, bytes] : files) {
      testing::WriteFile(dir / name, bytes);
      inputs += " '" + (dir / name).string() + "'";
    }
    const std::string conf = testing::FontconfigFile(dir);
    const std::string cmd =
        "cd '" + dir.string() + "' && HOME='" + dir.string() + "' FONTCONFIG_FILE='" + conf +
        "' timeout 240 soffice --headless --norestore "
        "-env:UserInstallation=file://" +
        (dir / "profile").string() + " --convert-to '" + filter + "' --outdir '" + dir.string() +
        "'" + inputs + " >'" + (dir / "soffice.log").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    *log = ReadFile(dir / "soffice.log");
    return rc == 0;
  }
};

class DocxInWriter : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    ok_ = testing::HaveTool("soffice") &&
          fs::exists("/usr/lib/libreoffice/share/registry/writer.xcd");
    if (!ok_) {
      log_ = "LibreOffice Writer is required (libreoffice-writer-nogui, scripts/deps.sh)";
      return;
    }
    std::map<std::string, std::string> files;
    files["r2021.docx"] = RenderDocx(Doc2021()).value();
    files["r2019.docx"] = RenderDocx(Doc2019()).value();
    ok_ = Office::Convert(dir_->path(), files, "txt:Text (encoded):UTF8", &log_);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  std::string Text(const char* name) {
    EXPECT_TRUE(ok_) << log_;
    const fs::path p = dir_->path() / name;
    EXPECT_TRUE(fs::exists(p)) << log_;
    return ReadFile(p);
  }
  static testing::TempDir* dir_;
  static bool ok_;
  static std::string log_;
};
testing::TempDir* DocxInWriter::dir_ = nullptr;
bool DocxInWriter::ok_ = false;
std::string DocxInWriter::log_;

// Every label of the tables and the figures of each row, in printed order,
// in the squeezed text.
void ExpectRowsInOrder(const std::string& squeezed, const std::vector<std::string>& rows) {
  size_t at = 0;
  for (const std::string& row : rows) {
    const size_t found = squeezed.find(Squeeze(row), at);
    EXPECT_NE(found, std::string::npos) << "not found after offset " << at << ": " << row;
    if (found != std::string::npos) at = found + Squeeze(row).size();
  }
}

TEST_F(DocxInWriter, Format2021TextHasLabelsAndFigures) {
  const std::string text = Text("r2021.txt");
  const std::string s = Squeeze(text);
  ExpectRowsInOrder(s, {"威海市工业和信息化局2022年政府信息公开工作年度报告",
                        "一、总体情况",
                        "收到线上依申请公开件3件",
                        "二、主动公开政府信息情况",
                        "第二十条第（一）项",
                        "信息内容",
                        "本年制发件数",
                        "本年废止件数",
                        "现行有效件数",
                        "规章",
                        "0",
                        "0",
                        "0",
                        "行政规范性文件",
                        "2",
                        "2",
                        "13",
                        "第二十条第（八）项",
                        "本年收费金额（单位：万元）",
                        "行政事业性收费",
                        "0",
                        "三、收到和处理政府信息公开申请情况",
                        "申请人情况",
                        "总计",
                        "自然人",
                        "法人或其他组织",
                        "商业企业",
                        "科研机构",
                        "社会公益组织",
                        "法律服务机构",
                        "其他",
                        "一、本年新收政府信息公开申请数量",
                        "3000003",
                        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                        "1000001",
                        "（三）不予公开",
                        "1.属于国家秘密",
                        "3.危及“三安全一稳定”",
                        "（四）无法提供",
                        "1.本机关不掌握相关政府信息",
                        "2000002",
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                        "3.其他",
                        "（七）总计",
                        "3000003",
                        "四、结转下年度继续办理",
                        "0000000",
                        "四、政府信息公开行政复议、行政诉讼情况",
                        "行政复议",
                        "行政诉讼",
                        "未经复议直接起诉",
                        "复议后起诉",
                        "000000000000000",
                        "五、存在的主要问题及改进情况",
                        "六、其他需要报告的事项",
                        "本年度未收取政府信息公开信息处理费。",
                        "威海市工业和信息化局",
                        "2023年1月30日"});
}

TEST_F(DocxInWriter, Format2019TextHasLabelsAndFigures) {
  const std::string s = Squeeze(Text("r2019.txt"));
  ExpectRowsInOrder(
      s, {"本年新制作数量", "本年新公开数量", "对外公开总数量", "规范性文件",
          "其他对外管理服务事项", "3+1", "行政处罚", "2-10", "采购项目数量", "采购总金额",
          "政府集中采购", "5146.2243", "一、本年新收政府信息公开申请数量", "6100007",
          "（六）其他处理", "0000000", "（七）总计", "6100007"});
  EXPECT_EQ(s.find("3.其他"), std::string::npos);
}

// ---- XLSX recalculated by LibreOffice Calc --------------------------------------------------

// The workbook with every cached formula value replaced by 999.
std::map<std::string, std::string> Tampered(std::map<std::string, std::string> parts) {
  for (auto& [name, data] : parts) {
    if (!name.starts_with("xl/worksheets/")) continue;
    size_t at = 0;
    while ((at = data.find("</f><v>", at)) != std::string::npos) {
      const size_t v = at + 7;
      const size_t end = data.find("</v>", v);
      if (end == std::string::npos) break;
      data.replace(v, end - v, "999");
      at = v;
    }
  }
  return parts;
}

class XlsxInCalc : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    ok_ =
        testing::HaveTool("soffice") && fs::exists("/usr/lib/libreoffice/share/registry/calc.xcd");
    if (!ok_) {
      log_ = "LibreOffice Calc is required (libreoffice-calc-nogui, scripts/deps.sh)";
      return;
    }
    std::map<std::string, std::string> files;
    files["r2021.xlsx"] = RenderXlsx(Doc2021()).value();
    files["r2019.xlsx"] = RenderXlsx(Doc2019()).value();
    // Proof that Calc recalculates: wrong cached values must not show.
    for (const char* name : {"r2021", "r2019"}) {
      const fs::path p = dir_->path() / (std::string("tampered-") + name + ".xlsx");
      ok_ =
          testing::Rezip(Tampered(testing::Unzip(files[std::string(name) + ".xlsx"])), p.string());
      if (!ok_) {
        log_ = "cannot write " + p.string();
        return;
      }
      files[p.filename().string()] = ReadFile(p);
    }
    // Every sheet to its own UTF-8 CSV (token 12 = -1), values as shown.
    ok_ = Office::Convert(
        dir_->path(), files,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", &log_);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  // The CSV lines of a sheet, split into fields (no field holds a comma or quote).
  std::vector<std::vector<std::string>> Sheet(const std::string& base, const char* sheet) {
    EXPECT_TRUE(ok_) << log_;
    const fs::path p = dir_->path() / (base + "-" + sheet + ".csv");
    EXPECT_TRUE(fs::exists(p)) << p << "\n" << log_;
    std::vector<std::vector<std::string>> out;
    for (const std::string& line : Lines(ReadFile(p))) {
      std::vector<std::string> fields;
      size_t start = 0;
      while (true) {
        const size_t comma = line.find(',', start);
        fields.push_back(
            line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      out.push_back(fields);
    }
    return out;
  }
  std::string Raw(const std::string& base, const char* sheet) {
    const fs::path p = dir_->path() / (base + "-" + sheet + ".csv");
    EXPECT_TRUE(fs::exists(p)) << p << "\n" << log_;
    const std::string text = ReadFile(p);
    EXPECT_FALSE(text.empty()) << p;
    EXPECT_EQ(text.find("999"), std::string::npos) << p << ": a cached value was shown\n" << text;
    return text;
  }
  static testing::TempDir* dir_;
  static bool ok_;
  static std::string log_;
};
testing::TempDir* XlsxInCalc::dir_ = nullptr;
bool XlsxInCalc::ok_ = false;
std::string XlsxInCalc::log_;

std::string Shown(const report::Cell& c) { return c ? std::to_string(*c) : std::string(); }

// Table 三 as Calc shows it after recalculation: every row's seven figures,
// totals included, equal the report's.
void ExpectTable3(const std::vector<std::vector<std::string>>& csv, const report::Report& r) {
  const auto specs = report::Rows3(r.format);
  ASSERT_GE(csv.size(), 6 + specs.size());
  EXPECT_EQ(csv[0][0], "三、收到和处理政府信息公开申请情况");
  EXPECT_EQ(csv[3][3], "申请人情况");
  EXPECT_EQ(csv[3][9], "总计");
  EXPECT_EQ(csv[4][3], "自然人");
  EXPECT_EQ(csv[5][4], "商业企业");
  for (size_t i = 0; i < specs.size(); ++i) {
    const std::vector<std::string>& row = csv[6 + i];
    ASSERT_EQ(row.size(), 10u) << specs[i].key;
    EXPECT_TRUE(row[0] == specs[i].label || row[1] == specs[i].label || row[2] == specs[i].label)
        << specs[i].key;
    for (int c = 0; c < report::kNumCols3; ++c) {
      EXPECT_EQ(row[static_cast<size_t>(3 + c)], Shown(r.section3->at(specs[i].id, c)))
          << specs[i].key << " column " << report::ColKey3(c);
    }
  }
}

TEST_F(XlsxInCalc, Format2021TotalsRecalculateToTheReportFigures) {
  const report::Report r = Doc2021().report;
  ExpectTable3(Sheet("r2021", kSheet3), r);
  const auto t4 = Sheet("r2021", kSheet4);
  ASSERT_GE(t4.size(), 7u);
  EXPECT_EQ(t4[3][0], "行政复议");
  EXPECT_EQ(t4[3][5], "行政诉讼");
  EXPECT_EQ(t4[4][5], "未经复议直接起诉");
  for (int g = 0; g < report::kNumGroups4; ++g) {
    for (int f = 0; f < report::kNumFields4; ++f) {
      EXPECT_EQ(t4[6][static_cast<size_t>(g * 5 + f)],
                Shown(r.section4->cells[static_cast<size_t>(g)][static_cast<size_t>(f)]));
    }
  }
  const auto t2 = Sheet("r2021", kSheet2);
  ASSERT_GE(t2.size(), 8u);
  EXPECT_EQ(t2[3][0], "第二十条第（一）项");
  EXPECT_EQ(t2[4],
            (std::vector<std::string>{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}));
  EXPECT_EQ(t2[6], (std::vector<std::string>{"行政规范性文件", "2", "2", "13"}));
  // The cached values were replaced by 999 in the tampered copy: after
  // recalculation the sheets are the same.
  EXPECT_EQ(Raw("tampered-r2021", kSheet3), Raw("r2021", kSheet3));
  EXPECT_EQ(Raw("tampered-r2021", kSheet4), Raw("r2021", kSheet4));
  // The chart data sheet: outcome and applicant figures are formulas over
  // table 三, recalculated too.
  const std::string charts = Raw("r2021", kChartSheet);
  EXPECT_EQ(Raw("tampered-r2021", kChartSheet), charts);
  EXPECT_NE(charts.find("部分公开,1"), std::string::npos) << charts;
  EXPECT_NE(charts.find("2022年,3,141"), std::string::npos) << charts;
}

TEST_F(XlsxInCalc, Format2019TotalsBlanksSignsAndMoney) {
  const report::Report r = Doc2019().report;
  ExpectTable3(Sheet("r2019", kSheet3), r);
  EXPECT_EQ(Raw("tampered-r2019", kSheet3), Raw("r2019", kSheet3));
  const auto t2 = Sheet("r2019", kSheet2);
  bool other = false, procurement = false, punishment = false;
  for (const auto& row : t2) {
    if (row[0] == "其他对外管理服务事项") {
      other = true;
      EXPECT_EQ(row, (std::vector<std::string>{"其他对外管理服务事项", "3", "+1", ""}));
    }
    if (row[0] == "行政处罚") {
      punishment = true;
      EXPECT_EQ(row, (std::vector<std::string>{"行政处罚", "2", "-1", "0"}));
    }
    if (row[0] == "政府集中采购") {
      procurement = true;
      EXPECT_EQ(row[1], "5");
      EXPECT_EQ(row[2], "146.2243");
    }
  }
  EXPECT_TRUE(other && procurement && punishment);
}

}  // namespace
}  // namespace gk::report_render
