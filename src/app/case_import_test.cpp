#include "app/case_import.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/case_files.h"
#include "app/demo.h"
#include "app/verify.h"
#include "core/ids.h"

namespace gk::app {
namespace {

using json = nlohmann::json;

constexpr const char* kNow = "2026-03-02T10:00:00+08:00";
constexpr const char* kAgency = "weihai-lingang";

const law::Calendar& Cal() { return law::Calendar::BuiltIn(); }

// ---- Lines ---------------------------------------------------------------------------------

json Ev(const char* type, const char* on, json payload) {
  return {{"type", type}, {"occurred_on", on}, {"payload", std::move(payload)}};
}

json InPersonReceipt(const char* agency = kAgency) {
  return {{"kind", "application"},
          {"agency_id", agency},
          {"channel", "in_person"},
          {"application",
           {{"applicant_type", "natural_person"},
            {"name", "钱某"},
            {"description", "2020年本机关行政许可事项办理情况统计"},
            {"form", "paper"},
            {"delivery", "pickup"}}}};
}

json Decided(const char* outcome = "granted", const char* reply_type = "disclose") {
  return {{"outcome", outcome},
          {"reply_type", reply_type},
          {"legal_basis", "《中华人民共和国政府信息公开条例》第三十六条"}};
}

// A concluded application received in person on `on` and granted 10 days later.
json Concluded(const std::string& no, const char* on = "2025-09-01",
               const char* decided_on = "2025-09-11") {
  return {{"tracking_no", no},
          {"agency_id", kAgency},
          {"events", json::array({Ev("received", on, InPersonReceipt()),
                                  Ev("registered", on, {{"tracking_no", no}}),
                                  Ev("decided", decided_on, Decided())})}};
}

std::string Lines(std::initializer_list<std::string> lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string ReadDoc(const std::string& rel) {
  std::ifstream in(std::string(GK_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The ```jsonl block of docs/import-format.md.
std::string DocumentedExample() {
  const std::string doc = ReadDoc("docs/import-format.md");
  const std::string open = "```jsonl\n";
  const size_t b = doc.find(open);
  EXPECT_NE(b, std::string::npos) << "docs/import-format.md has no ```jsonl block";
  if (b == std::string::npos) return "";
  const size_t e = doc.find("```", b + open.size());
  return doc.substr(b + open.size(), e - b - open.size());
}

// ---- Fixture -------------------------------------------------------------------------------

class CaseImport : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-import-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    auto s = store::OpenStore("sqlite:" + dir_ + "/g.db", store::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    ASSERT_TRUE(LoadDemoAgencies(*store_, kNow).ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Result<ImportReport> Import(std::string_view text, std::string entered_by = "",
                              ImportMode mode = ImportMode::kLoad) {
    return ImportCases(*store_, Cal(), text, ImportOptions{std::move(entered_by), kNow, mode});
  }

  int64_t StoredEvents() {
    int64_t n = 0;
    EXPECT_TRUE(store_
                    ->ScanEvents([&](const store::EventRow&) {
                      ++n;
                      return true;
                    })
                    .ok());
    return n;
  }
  size_t StoredCases() { return store_->ListCases({})->size(); }

  void AddUser(const std::string& name, const std::string& role,
               std::optional<std::string> agency) {
    ASSERT_TRUE(store_->CreateUser({name, std::move(agency), role, "x", kNow, "test", "", 0, false, ""}).ok());
  }

  std::string dir_;
  std::unique_ptr<store::Store> store_;
};

// ---- Loading -------------------------------------------------------------------------------

TEST_F(CaseImport, DocumentedExampleLoads) {
  const std::string example = DocumentedExample();
  ASSERT_FALSE(example.empty());
  auto r = Import(example);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->cases, 4);
  EXPECT_EQ(r->events, 4 + 5 + 6 + 2);
  EXPECT_EQ(r->open, 1);
  EXPECT_EQ(r->assistance, 1);
  EXPECT_EQ(r->tracking_nos, (std::vector<std::string>{"LGYSQ-2025-041", "LGYSQ-2025-030",
                                                       "LGYSQ-2025-012", "LGXZ-2025-003"}));
  EXPECT_EQ(StoredCases(), 4u);

  auto v = VerifyHistory(*store_, Cal());
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact) << v->first_problem;
  EXPECT_EQ(v->cases, 4);
  EXPECT_EQ(v->events, 17);

  // The open letter: received on the day signed for, extended, still open.
  auto open = LoadCase(*store_, Cal(), "LGYSQ-2025-041");
  ASSERT_TRUE(open.ok()) << open.status().message();
  EXPECT_TRUE(open->state.IsOpen());
  EXPECT_EQ(open->state.channel, cases::Channel::kLetter);
  EXPECT_EQ(open->state.received_on, *Date::Parse("2025-12-22"));
  ASSERT_TRUE(open->state.extension.has_value());
  EXPECT_EQ(open->state.extension->days, 20);
  EXPECT_TRUE(open->row.due_on.has_value());
  EXPECT_TRUE(open->row.query_code_hash.empty());  // not followable online
  for (const cases::Event& e : open->events) {
    EXPECT_EQ(e.actor, cases::kImportActor);
    EXPECT_EQ(e.entry, cases::Entry::kBackfilled);
    EXPECT_EQ(e.recorded_at, kNow);
  }
  EXPECT_EQ(open->events.back().sequence, 4);

  // The reviewed one counts in section 四 of 2025.
  auto reviewed = LoadCase(*store_, Cal(), "LGYSQ-2025-012");
  ASSERT_TRUE(reviewed.ok());
  ASSERT_EQ(reviewed->state.proceedings.size(), 1u);
  EXPECT_EQ(reviewed->state.proceedings[0].result, cases::ProceedingResult::kUpheld);
  EXPECT_EQ(reviewed->state.Section4Cells(2025).size(), 1u);
  EXPECT_EQ(reviewed->state.ReportRow(report::Format::k2021), report::Row3::kWithheldThirdParty);

  auto assistance = LoadCase(*store_, Cal(), "LGXZ-2025-003");
  ASSERT_TRUE(assistance.ok());
  EXPECT_EQ(assistance->state.kind, cases::CaseKind::kAssistance);
  EXPECT_TRUE(assistance->state.ReportRows(2025, report::Format::k2021).empty());
}

TEST_F(CaseImport, CarriedOverFiguresOfTheFirstYear) {
  // Received in 2025, one concluded in 2026, one still open: both are 上年结转 in 2026.
  json later = Concluded("BL-2", "2025-12-29", "2026-01-12");
  json open = Concluded("BL-3", "2025-12-30");
  open["events"].erase(2);
  auto r = Import(Lines({Concluded("BL-1").dump(), later.dump(), open.dump()}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  int carried_over = 0, carried_forward = 0;
  for (const char* id : {"BL-1", "BL-2", "BL-3"}) {
    auto c = LoadCase(*store_, Cal(), id);
    ASSERT_TRUE(c.ok());
    for (report::Row3 row : c->state.ReportRows(2026, report::Format::k2021)) {
      if (row == report::Row3::kCarriedOver) ++carried_over;
      if (row == report::Row3::kCarriedForward) ++carried_forward;
    }
  }
  EXPECT_EQ(carried_over, 2);
  EXPECT_EQ(carried_forward, 1);
}

TEST_F(CaseImport, EnteredByIsRecordedOnEveryEvent) {
  AddUser("clerk1", "handler", kAgency);
  auto r = Import(Lines({Concluded("BL-1").dump()}), "clerk1");
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto rows = store_->CaseEvents("BL-1");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  for (const store::EventRow& e : *rows) {
    EXPECT_EQ(e.actor, "clerk1");
    EXPECT_TRUE(e.backfilled);
    EXPECT_EQ(e.recorded_at, kNow);
  }
  EXPECT_EQ((*rows)[0].seq, 1);
  EXPECT_EQ((*rows)[2].seq, 3);
}

TEST_F(CaseImport, CheckOnlyWritesNothing) {
  auto r = Import(DocumentedExample(), "", ImportMode::kCheckOnly);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->cases, 4);
  EXPECT_EQ(StoredCases(), 0u);
  EXPECT_EQ(StoredEvents(), 0);
}

TEST_F(CaseImport, BlankLinesCrlfAndBomAreAccepted) {
  const std::string text = "\xEF\xBB\xBF" + Concluded("BL-1").dump() + "\r\n\r\n  \n" +
                           Concluded("BL-2").dump();  // no final newline
  auto r = Import(text);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->cases, 2);
}

// ---- Refusals: the line and the field are named, nothing is written -------------------------

struct BadCase {
  const char* name;
  std::string line;    // placed on line 2, after a valid line 1
  std::string expect;  // the message starts with this
};

std::vector<BadCase> BadCases() {
  std::vector<BadCase> out;
  auto with = [](const std::function<void(json&)>& change) {
    json j = Concluded("BAD-1");
    change(j);
    return j.dump();
  };
  out.push_back({"bad JSON", R"({"tracking_no":"BAD-1","events":[)", "line 2: 不是有效的JSON"});
  out.push_back({"not an object", "[1,2]", "line 2: 每行应为一个JSON对象"});
  out.push_back(
      {"unknown line key", with([](json& j) { j["note"] = "x"; }), "line 2: note：未知字段"});
  out.push_back({"unknown agency", with([](json& j) {
                   j["agency_id"] = "weihai-lingan";
                   j["events"][0]["payload"]["agency_id"] = "weihai-lingan";
                 }),
                 "line 2: agency_id：没有这个机关“weihai-lingan”"});
  out.push_back({"missing tracking number", with([](json& j) { j.erase("tracking_no"); }),
                 "line 2: tracking_no：缺少必填字段"});
  out.push_back({"duplicate tracking number in the file", Concluded("OK-1").dump(),
                 "line 2: tracking_no：申请编号“OK-1”与第1行重复"});
  out.push_back(
      {"tracking number of the live form", with([](json& j) {
         j["tracking_no"] = "LG202600012";
         j["events"][1]["payload"]["tracking_no"] = "LG202600012";
       }),
       "line 2: tracking_no：申请编号“LG202600012”与本系统为新申请自动生成的编号格式相同"});
  out.push_back({"tracking number with a space", with([](json& j) {
                   j["tracking_no"] = "BAD 1";
                   j["events"][1]["payload"]["tracking_no"] = "BAD 1";
                 }),
                 "line 2: tracking_no：申请编号不能含有空白字符"});
  out.push_back({"no events", with([](json& j) { j["events"] = json::array(); }),
                 "line 2: events：不能为空"});
  out.push_back({"illegal transition", with([](json& j) {
                   j["events"].push_back(
                       Ev("correction_requested", "2025-09-12",
                          {{"items", "请写明文号"}, {"period_end", "2025-09-30"}}));
                 }),
                 "line 2: events[3].type：当前状态为“已答复”，不能发出补正通知"});
  out.push_back({"first event not a receipt", with([](json& j) { j["events"].erase(0); }),
                 "line 2: events[0].type：第一个事件应为 received（收到申请），实际为 registered"});
  out.push_back({"bad payload enum",
                 with([](json& j) { j["events"][2]["payload"]["outcome"] = "gave"; }),
                 "line 2: events[2].payload.outcome：取值应为"});
  out.push_back({"payload without the applicant's name",
                 with([](json& j) { j["events"][0]["payload"]["application"].erase("name"); }),
                 "line 2: events[0].payload.application.name：不能为空"});
  out.push_back({"bad phone even when backfilled",
                 with([](json& j) { j["events"][0]["payload"]["application"]["phone"] = "abc"; }),
                 "line 2: events[0].payload.application.phone："});
  out.push_back({"unknown payload key",
                 with([](json& j) { j["events"][2]["payload"]["colour"] = "red"; }),
                 "line 2: events[2].payload.colour：未知字段"});
  out.push_back({"unknown event key", with([](json& j) { j["events"][1]["actor"] = "someone"; }),
                 "line 2: events[1].actor：未知字段"});
  out.push_back({"unknown event type", with([](json& j) { j["events"][1]["type"] = "registred"; }),
                 "line 2: events[1].type：取值应为"});
  out.push_back({"impossible date",
                 with([](json& j) { j["events"][2]["occurred_on"] = "2025-02-30"; }),
                 "line 2: events[2].occurred_on：日期应为YYYY-MM-DD"});
  out.push_back({"receipt date not the evidence's", with([](json& j) {
                   j["events"][0]["payload"]["channel"] = "letter";
                   j["events"][0]["payload"]["evidence"] = {{"signed_on", "2025-08-29"}};
                 }),
                 "line 2: events[0].occurred_on：收到日期应为2025-08-29"});
  out.push_back({"receipt for another agency",
                 with([](json& j) { j["events"][0]["payload"]["agency_id"] = "weihai-huoju"; }),
                 "line 2: events[0].payload.agency_id：应与本行的 agency_id“weihai-lingang”一致"});
  out.push_back({"decision before receipt",
                 with([](json& j) { j["events"][2]["occurred_on"] = "2025-08-01"; }),
                 "line 2: events[2]："});
  out.push_back({"registered under another number",
                 with([](json& j) { j["events"][1]["payload"]["tracking_no"] = "OTHER"; }),
                 "line 2: events[1].payload.tracking_no："});
  return out;
}

TEST_F(CaseImport, EachBadLineIsNamedAndNothingIsWritten) {
  const std::string good = Concluded("OK-1").dump();
  for (const BadCase& bad : BadCases()) {
    SCOPED_TRACE(bad.name);
    auto r = Import(Lines({good, bad.line, Concluded("OK-3").dump()}));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message().rfind(bad.expect, 0), 0u) << r.status().message();
    EXPECT_EQ(StoredCases(), 0u);
    EXPECT_EQ(StoredEvents(), 0);
  }
}

TEST_F(CaseImport, BlankLinesCountInLineNumbers) {
  json bad = Concluded("BAD-1");
  bad["events"][2]["payload"]["outcome"] = "gave";
  auto r = Import("\n" + Concluded("OK-1").dump() + "\n\n\n" + bad.dump() + "\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("line 5: events[2].payload.outcome：", 0), 0u)
      << r.status().message();
}

TEST_F(CaseImport, TrackingNumberAlreadyInTheStore) {
  ASSERT_TRUE(Import(Lines({Concluded("OK-1").dump()})).ok());
  const int64_t before = StoredEvents();
  auto r = Import(Lines({Concluded("NEW-1").dump(), Concluded("OK-1").dump()}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("line 2: tracking_no：申请编号“OK-1”在系统中已存在", 0), 0u)
      << r.status().message();
  EXPECT_EQ(StoredEvents(), before);
  EXPECT_EQ(StoredCases(), 1u);
}

TEST_F(CaseImport, EmptyFileIsRefused) {
  for (const char* text : {"", "\n\n", "\xEF\xBB\xBF"}) {
    auto r = Import(text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("没有案件"), std::string::npos);
  }
}

// ---- Who enters ----------------------------------------------------------------------------

TEST_F(CaseImport, EnteredByMustBeAKnownStaffMember) {
  auto r = Import(Lines({Concluded("OK-1").dump()}), "nobody");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message().rfind("entered_by：", 0), 0u) << r.status().message();

  AddUser("watcher", "supervisor", std::nullopt);
  r = Import(Lines({Concluded("OK-1").dump()}), "watcher");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("entered_by：", 0), 0u) << r.status().message();

  r = Import(Lines({Concluded("OK-1").dump()}), "public");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("entered_by：", 0), 0u) << r.status().message();
  EXPECT_EQ(StoredCases(), 0u);
}

TEST_F(CaseImport, UserOfOneAgencyEntersOnlyItsCases) {
  AddUser("huoju1", "handler", "weihai-huoju");
  auto r = Import(Lines({Concluded("OK-1").dump()}), "huoju1");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("line 1: agency_id：", 0), 0u) << r.status().message();
  EXPECT_EQ(StoredCases(), 0u);

  AddUser("admin", "sysadmin", std::nullopt);
  EXPECT_TRUE(Import(Lines({Concluded("OK-1").dump()}), "admin").ok());
}

TEST_F(CaseImport, BadRecordingTimeIsRefused) {
  auto r = ImportCases(*store_, Cal(), Lines({Concluded("OK-1").dump()}),
                       ImportOptions{"", "yesterday", ImportMode::kLoad});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("now_iso：", 0), 0u) << r.status().message();
}

}  // namespace
}  // namespace gk::app
