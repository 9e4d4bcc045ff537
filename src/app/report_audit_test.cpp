// Auditing folders of reports: file order, parallel results in input order,
// previous-year matching, and the CSV / XLSX summary.
#include "app/report_audit.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/report_files.h"
#include "ingest/xlsx_reader.h"
#include "report/json.h"
#include "report_render/render.h"

namespace gk::app {
namespace {

namespace fs = std::filesystem;

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gk_audit_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "b" / "c");
    fs::create_directories(dir_ / ".hidden");
    Copy("002.txt", dir_ / "b" / "002.txt");
    Copy("004.txt", dir_ / "a-004.txt");
    Copy("001.txt", dir_ / "b" / "c" / "001.txt");
    Copy("003.txt", dir_ / ".hidden" / "003.txt");
    std::ofstream(dir_ / "notes.txt") << "hello\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  static void Copy(const std::string& seed, const fs::path& to) {
    fs::copy_file(std::string(GK_SOURCE_DIR) + "/tests/data/seeds/" + seed, to);
  }
  fs::path dir_;
};

TEST_F(AuditTest, FoldersExpandToSortedRegularFiles) {
  auto paths = ExpandReportPaths({dir_.string(), "/nonexistent/x.txt"});
  ASSERT_TRUE(paths.ok()) << paths.status().message();
  const std::vector<std::string> want = {
      (dir_ / "a-004.txt").string(), (dir_ / "b" / "002.txt").string(),
      (dir_ / "b" / "c" / "001.txt").string(), (dir_ / "notes.txt").string(),
      "/nonexistent/x.txt"};
  EXPECT_EQ(*paths, want);
}

TEST_F(AuditTest, ResultsInInputOrderWhateverTheThreads) {
  auto paths = ExpandReportPaths({dir_.string()});
  ASSERT_TRUE(paths.ok());
  for (int threads : {1, 2, 4}) {
    AuditOptions o;
    o.threads = threads;
    std::atomic<size_t> done{0};
    o.done = &done;
    const auto results = AuditReports(*paths, o);
    ASSERT_EQ(results.size(), paths->size());
    EXPECT_EQ(done.load(), paths->size());
    for (size_t i = 0; i < results.size(); ++i) EXPECT_EQ(results[i].path, (*paths)[i]);
    EXPECT_TRUE(results[0].report.has_value());
    EXPECT_EQ(results[0].report->agency, "威海市工业和信息化局");
    EXPECT_FALSE(results[3].report.has_value());  // notes.txt
    ASSERT_EQ(results[3].findings.size(), 1u);
    EXPECT_EQ(results[3].findings[0].code, "unreadable");
  }
}

TEST_F(AuditTest, PreviousMatchedByAgencyAndYear) {
  report::Report a2021, b2021, a2022;
  a2021.agency = "甲局";
  a2021.year = 2021;
  b2021.agency = "乙局";
  b2021.year = 2021;
  a2022.agency = "甲局";
  a2022.year = 2022;
  AuditOptions o;
  o.previous = {b2021, a2021};
  o.match_previous_by_agency = true;
  const report::Report* p = MatchPrevious(a2022, o);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->agency, "甲局");
  EXPECT_EQ(MatchPrevious(a2021, o), nullptr);
  o.match_previous_by_agency = false;
  EXPECT_EQ(MatchPrevious(a2021, o), &o.previous[0]);
}

TEST_F(AuditTest, PreviousFolderSkipsUnreadableFiles) {
  auto prev = LoadPreviousReports({dir_.string()}, 2);
  ASSERT_TRUE(prev.ok()) << prev.status().message();
  EXPECT_EQ(prev->size(), 3u);
  auto bad = LoadPreviousReports({(dir_ / "notes.txt").string()}, 2);
  EXPECT_FALSE(bad.ok());
}

TEST_F(AuditTest, CsvAndXlsxSummaries) {
  auto paths = ExpandReportPaths({dir_.string()});
  ASSERT_TRUE(paths.ok());
  const auto results = AuditReports(*paths, {});
  const std::string csv = (dir_ / "summary.csv").string();
  ASSERT_TRUE(WriteAuditSummary(csv, results).ok());
  std::ifstream in(csv, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string body = ss.str();
  EXPECT_EQ(body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(body.find("文件,机构,年度,格式,文件类型,结论,错误数,警告数,问题代码,问题说明,上年报告"),
            std::string::npos);
  EXPECT_NE(body.find("威海市工业和信息化局,2022,2021,text,"), std::string::npos) << body;
  EXPECT_NE(body.find("无法读取"), std::string::npos);
  size_t lines = 0;
  for (size_t p = body.find("\r\n"); p != std::string::npos; p = body.find("\r\n", p + 2)) ++lines;
  EXPECT_EQ(lines, results.size() + 1);

  const std::string xlsx = (dir_ / "summary.xlsx").string();
  ASSERT_TRUE(WriteAuditSummary(xlsx, results).ok());
  int err = 0;
  zip_t* z = zip_open(xlsx.c_str(), ZIP_RDONLY, &err);
  ASSERT_NE(z, nullptr);
  EXPECT_GE(zip_name_locate(z, "xl/worksheets/sheet1.xml", 0), 0);
  zip_close(z);
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }

  EXPECT_FALSE(WriteAuditSummary((dir_ / "no" / "such" / "dir.csv").string(), results).ok());

  // The workbook read back with the project's own XLSX reader.
  std::ifstream xin(xlsx, std::ios::binary);
  std::stringstream xs;
  xs << xin.rdbuf();
  auto text = ingest::XlsxToText(xs.str());
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_NE(text->find("文件\t机构\t年度\t格式\t文件类型\t结论"), std::string::npos) << *text;
  EXPECT_NE(text->find("威海市工业和信息化局\t2022\t2021\ttext\t通过\t0\t0"), std::string::npos)
      << *text;
}

// Rendered reports in every format, read on one thread and on four: the
// same results (the document libraries are used from several threads).
TEST_F(AuditTest, DocumentsReadTheSameOnSeveralThreads) {
  auto seed = ReadFileBytes(std::string(GK_SOURCE_DIR) + "/tests/data/seeds/004.expected.json");
  ASSERT_TRUE(seed.ok());
  auto model = report::ReadReportJson(*seed);
  ASSERT_TRUE(model.ok());
  report_render::ReportDocument doc;
  doc.report = *model;
  doc.title = "威海市工业和信息化局2022年政府信息公开工作年度报告";
  doc.narrative.overview = "收到线上依申请公开件3件。";
  fs::create_directories(dir_ / "docs");
  for (const char* f : {"html", "docx", "pdf", "xlsx"}) {
    auto bytes = report_render::Render(doc, *report_render::ParseOutputFormat(f));
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    for (int i = 0; i < 4; ++i) {
      std::ofstream(dir_ / "docs" / (std::string(f) + std::to_string(i) + "." + f),
                    std::ios::binary)
          << *bytes;
    }
  }
  auto paths = ExpandReportPaths({(dir_ / "docs").string()});
  ASSERT_TRUE(paths.ok());
  auto dump = [](const std::vector<AuditResult>& rs) {
    std::string out;
    for (const auto& r : rs) {
      out += report::WriteCheckResultJson(r.path, r.report ? &*r.report : nullptr, r.findings);
      out += '\n';
    }
    return out;
  };
  AuditOptions one;
  one.threads = 1;
  const std::string want = dump(AuditReports(*paths, one));
  EXPECT_EQ(want.find("unreadable"), std::string::npos) << want;
  AuditOptions four;
  four.threads = 4;
  for (int round = 0; round < 3; ++round) EXPECT_EQ(dump(AuditReports(*paths, four)), want);
}

}  // namespace
}  // namespace gk::app
