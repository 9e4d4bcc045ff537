// The command line of interface.md, run as a real process.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <fstream>
#include <sstream>

#include "support/db.h"
#include "support/process.h"

namespace gk::testing {
namespace {

using nlohmann::json;
const std::string kBin = GK_BINARY;
const std::string kSeeds = std::string(GK_SOURCE_DIR) + "/tests/data/seeds/";

ProcessResult Gk(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), kBin);
  return Run(args, input);
}

std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> v;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) v.push_back(json::parse(line));
  }
  return v;
}

size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override {
    DropTestDatabase(dir_ + "/g.db");
    std::filesystem::remove_all(dir_);
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string dir_;
};

// ---- usage -------------------------------------------------------------------

TEST(CliUsage, HelpForEveryCommandExitsZero) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--help"},
                                        {"ingest", "--help"},
                                        {"check", "--help"},
                                        {"deadline", "--help"},
                                        {"calendar", "--help"},
                                        {"calendar", "import", "--help"},
                                        {"serve", "--help"},
                                        {"demo", "--help"}}) {
    auto r = Gk(args);
    EXPECT_EQ(r.exit_code, 0) << args.back();
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << args.front();
  }
}

TEST(CliUsage, BadUsageIsOneLineAndExitTwo) {
  for (std::vector<std::string> args : {std::vector<std::string>{},
                                        {"frobnicate"},
                                        {"ingest"},
                                        {"check", "--nope", "x"},
                                        {"deadline"},
                                        {"deadline", "--received"},
                                        {"ingest", "--format", "2020", "x"},
                                        {"calendar"},
                                        {"serve", "--listen"}}) {
    auto r = Gk(args);
    EXPECT_EQ(r.exit_code, 2) << (args.empty() ? "(none)" : args[0]);
    EXPECT_EQ(CountLines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.find("terminate"), std::string::npos);
  }
}

// ---- ingest ------------------------------------------------------------------

void ExpectSameTables(const json& got, const json& want, const std::string& seed) {
  EXPECT_EQ(got["format"], want["format"]) << seed;
  EXPECT_EQ(got["year"], want["year"]) << seed;
  EXPECT_EQ(got["agency"], want["agency"]) << seed;
  for (const char* s : {"section2", "section3", "section4"}) {
    EXPECT_EQ(got[s], want[s]) << seed << " " << s;
  }
}

TEST(CliIngest, SeedsGiveTheirTablesCellForCell) {
  std::vector<std::string> args = {"ingest"};
  const std::vector<std::string> seeds = {"000", "001", "002", "003", "004"};
  for (const auto& s : seeds) args.push_back(kSeeds + s + ".txt");
  auto r = Gk(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), seeds.size());
  for (size_t i = 0; i < seeds.size(); ++i) {
    json want = json::parse(ReadFile(kSeeds + seeds[i] + ".expected.json"));
    ExpectSameTables(lines[i], want, seeds[i]);
    EXPECT_EQ(lines[i]["schema"], "gongkai.annual-report/1");
    EXPECT_EQ(lines[i]["source"]["kind"], "text");
  }
}

TEST_F(TempDir, IngestReadsItsOwnJsonBack) {
  auto first = Gk({"ingest", kSeeds + "002.txt"});
  ASSERT_EQ(first.exit_code, 0);
  WriteFile(Path("002.json"), first.out);
  auto second = Gk({"ingest", Path("002.json")});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ExpectSameTables(JsonLines(second.out)[0], JsonLines(first.out)[0], "002 json");
}

TEST_F(TempDir, IngestBadInputExitsTwoWithOneLine) {
  WriteFile(Path("notes.txt"), "今天天气很好。\n明天也是。\n");
  WriteFile(Path("garbage.bin"), std::string("\xFF\xFE\x00\xD8\xFF\xFF\x80\x81", 8));
  WriteFile(Path("empty.txt"), "");
  WriteFile(Path("bad.json"), "{\"schema\": \"gongkai.annual-report/1\", \"year\": \"x\"");
  std::filesystem::create_directory(Path("adir"));
  for (const std::string& f : {Path("missing.txt"), Path("notes.txt"), Path("garbage.bin"),
                               Path("empty.txt"), Path("bad.json"), Path("adir")}) {
    auto r = Gk({"ingest", f});
    EXPECT_EQ(r.exit_code, 2) << f;
    EXPECT_EQ(CountLines(r.err), 1u) << f << ": " << r.err;
    EXPECT_NE(r.err.find(f), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << f;
  }
}

TEST_F(TempDir, IngestChoosesTheReaderByContentNotName) {
  // An HTML page named .pdf, a text report named .html, a folder of both.
  std::string page = "<html><head><meta charset=\"utf-8\"></head><body>";
  std::istringstream in(ReadFile(kSeeds + "002.txt"));
  for (std::string line; std::getline(in, line);) {
    if (line.find('\t') == std::string::npos) {
      page += "<p>" + line + "</p>";
      continue;
    }
    page += "<table><tr><td>";
    for (char c : line) page += c == '\t' ? std::string("</td><td>") : std::string(1, c);
    page += "</td></tr></table>";
  }
  std::filesystem::create_directory(Path("in"));
  WriteFile(Path("in/b.pdf"), page + "</body></html>");
  WriteFile(Path("in/a.html"), ReadFile(kSeeds + "002.txt"));
  auto r = Gk({"ingest", Path("in")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  json want = json::parse(ReadFile(kSeeds + "002.expected.json"));
  EXPECT_EQ(lines[0]["source"]["kind"], "text");
  EXPECT_EQ(lines[1]["source"]["kind"], "html");
  ExpectSameTables(lines[0], want, "a.html");
  ExpectSameTables(lines[1], want, "b.pdf");
}

TEST(CliIngest, ForcedFormat) {
  auto r = Gk({"ingest", "--format", "2019", kSeeds + "002.txt"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(JsonLines(r.out)[0]["format"], "2019");
}

// ---- check -------------------------------------------------------------------

TEST(CliCheck, CompleteSeedsPass) {
  for (const char* s : {"001", "002", "004"}) {
    auto r = Gk({"check", "--json", kSeeds + s + ".txt"});
    EXPECT_EQ(r.exit_code, 0) << s << r.out;
    auto lines = JsonLines(r.out);
    ASSERT_EQ(lines.size(), 1u);
    for (const auto& f : lines[0]["findings"]) EXPECT_NE(f["severity"], "error") << s << f.dump();
  }
}

TEST(CliCheck, SeedsWithoutTablesReportMissingTable) {
  for (const char* s : {"000", "003"}) {
    auto r = Gk({"check", "--json", kSeeds + s + ".txt"});
    EXPECT_EQ(r.exit_code, 1) << s;
    auto lines = JsonLines(r.out);
    ASSERT_EQ(lines.size(), 1u);
    int missing = 0;
    for (const auto& f : lines.at(0)["findings"]) missing += f["code"] == "missing_table";
    EXPECT_EQ(missing, 3) << s << lines[0].dump();
  }
}

TEST_F(TempDir, CheckReportsUnreadableInOrderAndExitsTwo) {
  WriteFile(Path("notes.txt"), "这不是年度报告。\n");
  auto r = Gk({"check", "--json", kSeeds + "001.txt", Path("notes.txt"), kSeeds + "002.txt"});
  EXPECT_EQ(r.exit_code, 2);
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1]["file"], Path("notes.txt"));
  EXPECT_EQ(lines[1]["findings"][0]["code"], "unreadable");
  EXPECT_EQ(lines[2]["agency"], "威海火炬高技术产业开发区党政办公室");
}

TEST_F(TempDir, CheckPreviousYearCarryOver) {
  // This year's 上年结转 must equal last year's 结转下年度 (W1, a warning).
  auto first = Gk({"ingest", kSeeds + "001.txt"});
  ASSERT_EQ(first.exit_code, 0);
  json next = JsonLines(first.out).at(0);
  next["year"] = 2022;
  next.erase("document");
  next["section3"]["carried_over"]["natural_person"] = 1;
  next["section3"]["carried_over"]["total"] = 1;
  next["section3"]["new"]["natural_person"] = 5;
  next["section3"]["new"]["total"] = 5;
  WriteFile(Path("2022.json"), next.dump());
  auto r = Gk({"check", "--json", "--previous", kSeeds + "001.txt", Path("2022.json")});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto results = JsonLines(r.out);
  bool carryover = false;
  for (const auto& f : results.at(0)["findings"]) {
    carryover =
        carryover || (f["code"] == "carryover" && f["severity"] == "warning" &&
                      f["column"] == "natural_person" && f["expected"] == 0 && f["actual"] == 1);
  }
  EXPECT_TRUE(carryover) << r.out;
  auto missing = Gk({"check", "--previous", Path("none.txt"), kSeeds + "001.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(CountLines(missing.err), 1u);
}

TEST_F(TempDir, CheckFoldersWithSummaryAndPreviousFolder) {
  // 2021 reports in one folder, 2022 in another: 甲局's 2022 report is matched
  // with its own 2021 report (agency + year-1), not with 乙局's.
  auto first = Gk({"ingest", kSeeds + "001.txt"});
  ASSERT_EQ(first.exit_code, 0);
  json base = JsonLines(first.out).at(0);
  base.erase("document");
  std::filesystem::create_directories(Path("2021"));
  std::filesystem::create_directories(Path("2022/sub"));
  json a21 = base, b21 = base, a22 = base;
  a21["agency"] = "甲局";
  b21["agency"] = "乙局";
  b21["section3"]["carried_forward"]["natural_person"] = 1;
  b21["section3"]["carried_forward"]["total"] = 1;
  a22["agency"] = "甲局";
  a22["year"] = 2022;
  WriteFile(Path("2021/a.json"), a21.dump());
  WriteFile(Path("2021/b.json"), b21.dump());
  WriteFile(Path("2022/sub/a.json"), a22.dump());
  WriteFile(Path("2022/notes.txt"), "这不是年度报告。\n");
  auto r = Gk({"check", "--json", "--jobs", "2", "--previous", Path("2021"), "--summary",
               Path("summary.csv"), Path("2022")});
  EXPECT_EQ(r.exit_code, 2) << r.err;  // notes.txt is unreadable
  EXPECT_TRUE(r.err.empty()) << r.err;  // no progress bar when stderr is not a terminal
  const auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["file"], Path("2022/notes.txt"));
  EXPECT_EQ(lines[1]["file"], Path("2022/sub/a.json"));
  for (const auto& f : lines[1]["findings"]) EXPECT_NE(f["code"], "carryover") << f.dump();
  std::ifstream in(Path("summary.csv"));
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_NE(ss.str().find("甲局,2022,2021,json,通过"), std::string::npos) << ss.str();
  std::string previous = ",";
  previous += Path("2021");
  previous += "/a.json\r\n";
  EXPECT_NE(ss.str().find(previous), std::string::npos) << ss.str();
  EXPECT_EQ(CountLines(ss.str()), 3u);

  auto bad = Gk({"check", "--summary", Path("no/such/dir/s.xlsx"), Path("2021")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(CountLines(bad.err), 1u);
}

TEST(CliCheck, HumanOutputNamesTheFile) {
  auto r = Gk({"check", kSeeds + "003.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("003.txt"), std::string::npos);
  EXPECT_NE(r.out.find("missing_table"), std::string::npos);
}

// Every cell of a seed's section-三 table, changed one at a time, must make
// `check` fail with an arithmetic finding (the 勾稽 identities cover them all).
struct Token {
  size_t pos, len;
};

std::vector<Token> Section3Values(const std::string& text) {
  // From the first data row (本年新收…) to the 7 values of the last row (结转下年度).
  // The row label, not the narrative ("本年新收政府信息公开申请6件"): its line
  // also holds 申请数量.
  size_t begin = text.find("年新收政府");
  while (begin != std::string::npos &&
         text.substr(begin, text.find('\n', begin) - begin).find("申请数量") == std::string::npos) {
    begin = text.find("年新收政府", begin + 1);
  }
  const size_t last_row = text.find("结转下年度", begin);
  const size_t end = text.find("行政复议", last_row);
  std::vector<Token> out;
  size_t after_last = 0;
  size_t line_start = text.rfind('\n', begin);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  // Values are whole tab-separated fields (or whole lines) made of digits only.
  size_t i = line_start;
  while (i < end) {
    size_t j = i;
    while (j < end && text[j] != '\t' && text[j] != '\n') ++j;
    bool digits = j > i;
    for (size_t k = i; k < j; ++k) digits = digits && text[k] >= '0' && text[k] <= '9';
    if (digits) {
      out.push_back({i, j - i});
      if (i > last_row && ++after_last == 7) break;
    }
    i = j + 1;
  }
  return out;
}

class CheckMutation : public TempDir,
                      public ::testing::WithParamInterface<std::pair<const char*, size_t>> {};

TEST_P(CheckMutation, EverySection3CellChangeIsCaught) {
  const auto [seed, cells] = GetParam();
  const std::string text = ReadFile(kSeeds + seed + ".txt");
  auto tokens = Section3Values(text);
  ASSERT_EQ(tokens.size(), cells) << "the test must visit every cell of the table";
  for (size_t t = 0; t < tokens.size(); ++t) {
    std::string changed = text;
    const std::string old = text.substr(tokens[t].pos, tokens[t].len);
    changed.replace(tokens[t].pos, tokens[t].len, std::to_string(std::stoll(old) + 1));
    const std::string path = Path(std::string(seed) + "-" + std::to_string(t) + ".txt");
    WriteFile(path, changed);
    auto r = Gk({"check", "--json", path});
    ASSERT_EQ(r.exit_code, 1) << seed << " token " << t << " (" << old << ")";
    bool arithmetic = false;
    const auto results = JsonLines(r.out);
    for (const auto& f : results.at(0)["findings"]) {
      const auto code = f["code"].get<std::string>();
      arithmetic = arithmetic || (f["severity"] == "error" &&
                                  (code == "row_sum" || code == "column_sum" || code == "balance"));
    }
    EXPECT_TRUE(arithmetic) << seed << " token " << t << ": " << r.out;
    std::filesystem::remove(path);
  }
}

// 2021 format: 25 rows × 7 columns; 2019 format: 23 × 7.
INSTANTIATE_TEST_SUITE_P(Seeds, CheckMutation,
                         ::testing::Values(std::make_pair("001", size_t{175}),
                                           std::make_pair("002", size_t{161}),
                                           std::make_pair("004", size_t{175})));

// ---- deadline ----------------------------------------------------------------

TEST(CliDeadline, JsonHasTheContractKeys) {
  auto r = Gk({"deadline", "--received", "2021-09-17", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  for (const char* k : {"received", "clock_start", "correction_notice_due", "due", "extended_due",
                        "paused_workdays", "provisional"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_EQ(j["received"], "2021-09-17");
  EXPECT_EQ(j["clock_start"], "2021-09-17");
  EXPECT_EQ(j["provisional"], false);
}

TEST(CliDeadline, HumanOutputShowsItsWorking) {
  auto r = Gk({"deadline", "--received", "2024-02-08"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("春节"), std::string::npos) << r.out;
}

TEST_F(TempDir, DeadlineBadInputExitsTwo) {
  WriteFile(Path("bad.csv"), "date,kind,name\n2027-01-02,rest,元旦\n");  // a Saturday
  for (std::vector<std::string> args :
       {std::vector<std::string>{"deadline", "--received", "2021-02-30"},
        {"deadline", "--received", "yesterday"},
        {"deadline", "--received", "2018-06-01"},
        {"deadline", "--received", "2027-03-01"},
        {"deadline", "--received", "2021-03-01", "--corrected", "2021-02-01"},
        {"deadline", "--received", "2021-03-01", "--pause", "2021-03-05"},
        {"deadline", "--received", "2021-03-01", "--pause", "2021-03-09:2021-03-05"},
        {"deadline", "--received", "2021-03-01", "--calendar", Path("missing.csv")},
        {"deadline", "--received", "2021-03-01", "--calendar", Path("bad.csv")}}) {
    auto r = Gk(args);
    EXPECT_EQ(r.exit_code, 2) << args[2] << " " << args.back();
    EXPECT_EQ(CountLines(r.err), 1u) << r.err;
  }
  auto r = Gk({"deadline", "--received", "2018-06-01"});
  EXPECT_NE(r.err.find("2018"), std::string::npos) << r.err;
}

TEST_F(TempDir, DeadlineCalendarFileAddsAYear) {
  WriteFile(Path("2027.csv"), "date,kind,name\n2027-01-01,rest,元旦\n");
  auto r = Gk({"deadline", "--received", "2027-03-01", "--json", "--calendar", Path("2027.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["provisional"], false);
  auto late = Gk({"deadline", "--received", "2026-12-20", "--json"});
  ASSERT_EQ(late.exit_code, 0) << late.err;
  EXPECT_EQ(json::parse(late.out)["provisional"], true);
}

// ---- migrate, backup, restore ---------------------------------------------------

// SQLite → the test backend (PostgreSQL in cli_test_pg) → SQLite, and a
// backup of the middle one restored: every copy verifies and computes the
// same annual report.
TEST_F(TempDir, MigrateBackupRestoreRoundTrip) {
  const std::string a = "sqlite:" + Path("a.db");
  const std::string mid = TestDatabase(Path("g.db"));
  const std::string b = "sqlite:" + Path("b.db");
  const std::string c = "sqlite:" + Path("c.db");
  ASSERT_EQ(Gk({"demo", "--db", a}).exit_code, 0);
  auto m1 = Gk({"migrate", "--from", a, "--to", mid});
  ASSERT_EQ(m1.exit_code, 0) << m1.err;
  EXPECT_NE(m1.out.find("events"), std::string::npos) << m1.out;
  auto v1 = Gk({"verify", "--db", mid});
  EXPECT_EQ(v1.exit_code, 0) << v1.out << v1.err;
  ASSERT_EQ(Gk({"migrate", "--from", mid, "--to", b}).exit_code, 0);
  EXPECT_EQ(Gk({"verify", "--db", b}).exit_code, 0);
  ASSERT_EQ(Gk({"backup", "--db", mid, "--out", Path("mid.dump")}).exit_code, 0);
  auto r = Gk({"restore", "--from", Path("mid.dump"), "--db", c});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Gk({"verify", "--db", c}).exit_code, 0);
  const auto report = [&](const std::string& db) {
    auto rep = Gk({"report", "--agency", "weihai-lingang", "--year", "2025", "--db", db});
    EXPECT_EQ(rep.exit_code, 0) << rep.err;
    return rep.out;
  };
  const std::string want = report(a);
  EXPECT_FALSE(want.empty());
  for (const std::string& db : {mid, b, c}) EXPECT_EQ(report(db), want) << db;

  // The target must be new or empty; nothing is overwritten.
  auto again = Gk({"migrate", "--from", a, "--to", mid});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("不是空的"), std::string::npos) << again.err;
  EXPECT_EQ(std::count(again.err.begin(), again.err.end(), '\n'), 1) << again.err;
  EXPECT_EQ(Gk({"backup", "--db", mid, "--out", Path("mid.dump")}).exit_code, 2);
  EXPECT_EQ(Gk({"restore", "--from", Path("mid.dump"), "--db", b}).exit_code, 2);
}

TEST_F(TempDir, RestoreRefusesDamagedOrMissingInput) {
  EXPECT_EQ(Gk({"migrate", "--from", "sqlite:" + Path("none.db"), "--to",
                "sqlite:" + Path("x.db")})
                .exit_code,
            2);
  EXPECT_FALSE(std::filesystem::exists(Path("x.db")));
  EXPECT_EQ(Gk({"restore", "--from", Path("none.dump"), "--db", "sqlite:" + Path("x.db")}).exit_code,
            2);
  // A truncated backup loads nothing.
  ASSERT_EQ(Gk({"demo", "--agencies-only", "--db", "sqlite:" + Path("a.db")}).exit_code, 0);
  ASSERT_EQ(Gk({"backup", "--db", "sqlite:" + Path("a.db"), "--out", Path("a.dump")}).exit_code, 0);
  std::string dump = ReadFile(Path("a.dump"));
  WriteFile(Path("cut.dump"), dump.substr(0, dump.rfind("{\"end\"")));
  auto r = Gk({"restore", "--from", Path("cut.dump"), "--db", "sqlite:" + Path("x.db")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("不完整"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Path("x.db")));
}

// ---- calendar import and demo ---------------------------------------------------

TEST_F(TempDir, CalendarImportNeedsAnExistingDatabase) {
  WriteFile(Path("2027.csv"), "date,kind,name\n2027-01-01,rest,元旦\n");
  auto r = Gk({"calendar", "import", Path("2027.csv"), "--db", "sqlite:" + Path("none.db")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(Path("none.db")));
}

TEST_F(TempDir, CalendarImportAndDemo) {
  const std::string db = TestDatabase(Path("g.db"));
  auto d1 = Gk({"demo", "--db", db});
  ASSERT_EQ(d1.exit_code, 0) << d1.err;
  EXPECT_NE(d1.out.find("5 agencies"), std::string::npos);
  auto d2 = Gk({"demo", "--db", db});
  EXPECT_EQ(d2.exit_code, 0);
  EXPECT_NE(d2.out.find("0 agencies"), std::string::npos) << "demo must be idempotent";

  WriteFile(Path("2027.csv"), "date,kind,name\n2027-01-01,rest,元旦\n2027-02-06,work,春节\n");
  auto ok = Gk({"calendar", "import", Path("2027.csv"), "--db", db});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  WriteFile(Path("bad.csv"), "date,kind\n2027-01-01,rest\n");
  auto bad = Gk({"calendar", "import", Path("bad.csv"), "--db", db});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(CountLines(bad.err), 1u);
}

// ---- applications import and ledger ----------------------------------------------

std::string ImportExample() {
  // The example lines of docs/import-format.md (the documented format is what loads).
  const std::string doc = ReadFile(std::string(GK_SOURCE_DIR) + "/docs/import-format.md");
  std::string out;
  std::istringstream in(doc);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("{\"tracking_no\":\"", 0) == 0 && line.find("…") == std::string::npos)
      out += line + "\n";
  }
  return out;
}

TEST_F(TempDir, ApplicationsImportIsAllOrNothing) {
  const std::string db = TestDatabase(Path("g.db"));
  ASSERT_EQ(Gk({"demo", "--db", db}).exit_code, 0);
  ASSERT_EQ(Gk({"user", "add", "boss", "--role", "agency_admin", "--agency", "weihai-lingang",
                "--db", db},
               "pass-boss-123\n")
                .exit_code,
            0);
  // The demo's own cases are there before the import.
  const std::string before = Gk({"verify", "--db", db}).out;
  ASSERT_NE(before.find("intact: "), std::string::npos) << before;
  const std::string good = ImportExample();
  ASSERT_FALSE(good.empty());
  // One bad line at the end: nothing at all is loaded.
  WriteFile(Path("bad.jsonl"),
            good + "{\"tracking_no\":\"X-1\",\"agency_id\":\"nowhere\",\"events\":[]}\n");
  auto bad = Gk({"applications", "import", Path("bad.jsonl"), "--by", "boss", "--db", db});
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  EXPECT_NE(bad.err.find("line "), std::string::npos) << bad.err;
  EXPECT_EQ(CountLines(bad.err), 1u);
  EXPECT_EQ(Gk({"verify", "--db", db}).out, before);

  WriteFile(Path("good.jsonl"), good);
  auto dry =
      Gk({"applications", "import", Path("good.jsonl"), "--by", "boss", "--dry-run", "--db", db});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(Gk({"verify", "--db", db}).out, before);
  auto ok = Gk({"applications", "import", Path("good.jsonl"), "--by", "boss", "--db", db});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("loaded"), std::string::npos);
  auto v = Gk({"verify", "--db", db});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  auto again = Gk({"applications", "import", Path("good.jsonl"), "--by", "boss", "--db", db});
  EXPECT_EQ(again.exit_code, 1) << "tracking numbers already used";
  EXPECT_EQ(
      Gk({"applications", "import", Path("good.jsonl"), "--by", "nobody", "--db", db}).exit_code,
      2);

  auto ledger = Gk({"ledger", "--agency", "weihai-lingang", "--from", "2025-01-01", "--to",
                    "2025-12-31", "--out", Path("l.xlsx"), "--db", db});
  EXPECT_EQ(ledger.exit_code, 0) << ledger.err;
  EXPECT_EQ(ReadFile(Path("l.xlsx")).substr(0, 2), "PK");
  EXPECT_EQ(Gk({"ledger", "--agency", "nowhere", "--from", "2025-01-01", "--to", "2025-12-31",
                "--out", Path("m.xlsx"), "--db", db})
                .exit_code,
            2);
  EXPECT_EQ(Gk({"ledger", "--agency", "weihai-lingang", "--from", "2025-13-01", "--to",
                "2025-12-31", "--out", Path("m.xlsx"), "--db", db})
                .exit_code,
            2);
}

}  // namespace
}  // namespace gk::testing

// ---- report ---------------------------------------------------------------------

namespace gk::testing {
namespace {

TEST_F(TempDir, ReportFromTheDemoRecordsInEveryFormat) {
  const std::string db = TestDatabase(Path("g.db"));
  ASSERT_EQ(Gk({"demo", "--db", db}).exit_code, 0);
  // JSON to stdout: the seed report's tables (seed 002, 2019 format).
  auto j = Gk({"report", "--agency", "weihai-huoju", "--year", "2020", "--db", db});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto lines = JsonLines(j.out);
  ASSERT_EQ(lines.size(), 1u);
  const json report = lines[0];
  EXPECT_EQ(report["source"]["kind"], "records");
  EXPECT_EQ(report["status"], "published");
  std::ifstream in(kSeeds + "002.expected.json");
  const json want = json::parse(in);
  EXPECT_EQ(report["section3"], want["section3"]);
  EXPECT_EQ(report["section2"], want["section2"]);

  // PDF: pdftotext finds the table figures in row order; the first page is
  // kept as a PNG next to the test binary for a human to look at.
  const std::string pdf = Path("r.pdf");
  auto p = Gk({"report", "--agency", "weihai-huoju", "--year", "2020", "--format", "pdf", "--out",
               pdf, "--db", db});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  auto text = gk::testing::Run({"/usr/bin/pdftotext", "-layout", pdf, "-"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("146.2243"), std::string::npos);
  EXPECT_NE(text.out.find("其他对外管理服务事项"), std::string::npos);
  std::filesystem::create_directories("artifacts");
  auto png = gk::testing::Run({"/usr/bin/pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf,
                  "artifacts/report-weihai-huoju-2020-page1"});
  EXPECT_EQ(png.exit_code, 0) << png.err;
  EXPECT_TRUE(std::filesystem::exists("artifacts/report-weihai-huoju-2020-page1.png"));

  for (const std::string f : {"html", "docx", "xlsx"}) {
    const std::string out = Path("r." + f);
    auto r = Gk({"report", "--agency", "weihai-lingang", "--year", "2021", "--format", f, "--out",
                 out, "--db", db});
    EXPECT_EQ(r.exit_code, 0) << f << ": " << r.err;
    const std::string bytes = ReadFile(out);
    EXPECT_GT(bytes.size(), 1000u) << f;
    if (f == "html") {
      EXPECT_NE(bytes.find("lang=\"zh-CN\""), std::string::npos);
    } else {
      EXPECT_EQ(bytes.substr(0, 2), "PK") << f;
    }
  }
  // A year not published: the live figures, marked draft.
  auto draft = Gk({"report", "--agency", "weihai-lingang", "--year", "2026", "--db", db});
  ASSERT_EQ(draft.exit_code, 0);
  EXPECT_EQ(JsonLines(draft.out)[0]["status"], "draft");
}

TEST_F(TempDir, ReportBadInputExitsTwo) {
  const std::string db = TestDatabase(Path("g.db"));
  EXPECT_EQ(Gk({"report", "--agency", "weihai-huoju", "--year", "2020", "--db", db}).exit_code, 2);
  ASSERT_EQ(Gk({"demo", "--db", db}).exit_code, 0);
  for (std::vector<std::string> args :
       {std::vector<std::string>{"report", "--agency", "nowhere", "--year", "2020"},
        {"report", "--agency", "weihai-huoju", "--year", "1900"},
        {"report", "--agency", "weihai-huoju", "--year", "20x0"},
        {"report", "--agency", "weihai-huoju", "--year", "2020", "--format", "odt"},
        {"report", "--year", "2020"}}) {
    args.push_back("--db");
    args.push_back(db);
    auto r = Gk(args);
    EXPECT_EQ(r.exit_code, 2) << args[2];
    EXPECT_EQ(CountLines(r.err), 1u) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

}  // namespace
}  // namespace gk::testing
