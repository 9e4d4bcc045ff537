// Auditing folders of reports: file order, parallel results in input order,
// previous-year matching, and the CSV / XLSX summary.
#include "app/report_audit.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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
  EXPECT_NE(body.find("文件,机构,年度,格式,文件类型,结论,错误数,警告数,问题代码,问题说明"),
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
}

}  // namespace
}  // namespace gk::app
