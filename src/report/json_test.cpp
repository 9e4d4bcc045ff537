#include "report/json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace gk::report {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string SeedPath(const std::string& id) {
  return std::string(GK_SOURCE_DIR) + "/tests/data/seeds/" + id + ".expected.json";
}

const char* const kSeeds[] = {"000", "001", "002", "003", "004"};

Report MustRead(const std::string& text) {
  Result<Report> r = ReadReportJson(text);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : Report{};
}

// A 2021-format report with every cell filled with distinct figures.
Report Filled2021() {
  Report r;
  r.format = Format::k2021;
  r.year = 2022;
  r.agency = "某某局";
  r.section2 = Section2::Blank(r.format);
  int64_t n = 0;
  for (auto& row : r.section2->cells) {
    for (Cell& c : row) c = ++n;
  }
  r.section3.emplace();
  for (const Row3Spec& row : Rows3(r.format)) {
    for (int c = 0; c < kNumCols3; ++c) r.section3->at(row.id, c) = ++n;
  }
  r.section4.emplace();
  for (auto& g : r.section4->cells) {
    for (Cell& c : g) c = ++n;
  }
  return r;
}

TEST(ReportJson, SeedsRoundTrip) {
  for (const char* id : kSeeds) {
    SCOPED_TRACE(id);
    const std::string original = ReadFile(SeedPath(id));
    ASSERT_FALSE(original.empty());
    const Report r = MustRead(original);
    const std::string once = WriteReportJson(r);
    const Report again = MustRead(once);
    EXPECT_EQ(WriteReportJson(again), once);
    EXPECT_EQ(WriteReportJson(again, true), WriteReportJson(r, true));
    EXPECT_EQ(WriteReportJson(MustRead(WriteReportJson(r, true))), once);

    // Same cells, format, year and agency as the file (compared as JSON
    // values, independently of this reader).
    const json want = json::parse(original);
    const json got = json::parse(once);
    for (const char* key :
         {"schema", "format", "year", "agency", "section2", "section3", "section4"}) {
      EXPECT_EQ(got.at(key), want.at(key)) << key;
    }
  }
}

TEST(ReportJson, KeyOrder) {
  Report r = MustRead(ReadFile(SeedPath("001")));
  r.source = {"a.txt", "text", "utf-8"};
  r.status = "published";
  const std::string out = WriteReportJson(r);
  std::vector<size_t> at;
  for (const char* key : {"\"schema\"", "\"format\"", "\"agency\"", "\"year\"", "\"section2\"",
                          "\"section3\"", "\"section4\"", "\"source\"", "\"status\""}) {
    at.push_back(out.find(key));
    ASSERT_NE(at.back(), std::string::npos) << key;
  }
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
  EXPECT_EQ(out.rfind("{\"schema\":\"gongkai.annual-report/1\",\"format\":\"2021\",", 0), 0u);
  EXPECT_NE(out.find("\"source\":{\"file\":\"a.txt\",\"kind\":\"text\",\"encoding\":\"utf-8\"}"),
            std::string::npos);
  // Rows in printed order, columns in the order of §2.1.
  EXPECT_LT(out.find("\"new\""), out.find("\"carried_over\""));
  EXPECT_LT(out.find("\"other_other\""), out.find("\"carried_forward\""));
  EXPECT_NE(out.find("\"new\":{\"natural_person\":6,\"commercial\":0,\"research\":0,"
                     "\"public_interest\":0,\"legal_service\":0,\"other\":0,\"total\":6}"),
            std::string::npos);
}

TEST(ReportJson, SourceMembersOmittedWhenEmpty) {
  Report r;
  r.year = 2021;
  EXPECT_EQ(WriteReportJson(r).find("\"source\""), std::string::npos);
  r.source.kind = "records";
  r.status = "draft";
  EXPECT_NE(WriteReportJson(r).find(",\"source\":{\"kind\":\"records\"},\"status\":\"draft\"}"),
            std::string::npos);
  const Report back = MustRead(WriteReportJson(r));
  EXPECT_EQ(back.source.kind, "records");
  EXPECT_EQ(back.source.file, "");
  EXPECT_EQ(back.status, "draft");
}

TEST(ReportJson, NullSemantics) {
  Report r;
  r.format = Format::k2019;
  EXPECT_EQ(WriteReportJson(r),
            "{\"schema\":\"gongkai.annual-report/1\",\"format\":\"2019\",\"agency\":null,"
            "\"year\":null,\"section2\":null,\"section3\":null,\"section4\":null}");
  // A present section with blank cells: an object of nulls, blank ≠ 0.
  r.section3.emplace();
  r.section3->at(Row3::kNew, 0) = 0;
  const std::string out = WriteReportJson(r);
  EXPECT_NE(out.find("\"new\":{\"natural_person\":0,\"commercial\":null,"), std::string::npos);
  const Report back = MustRead(out);
  ASSERT_TRUE(back.section3.has_value());
  EXPECT_EQ(back.section3->at(Row3::kNew, 0), 0);
  EXPECT_FALSE(back.section3->at(Row3::kNew, 1).has_value());
}

TEST(ReportJson, RowsOfTheOtherFormatAbsent) {
  Report r = Filled2021();
  std::string out = WriteReportJson(r);
  EXPECT_EQ(out.find("\"other\":{"), std::string::npos);
  EXPECT_EQ(out.find("\"procurement\""), std::string::npos);
  EXPECT_NE(out.find("\"other_no_fee\":{"), std::string::npos);
  r.format = Format::k2019;
  r.section2 = Section2::Blank(r.format);
  out = WriteReportJson(r);
  EXPECT_NE(out.find("\"other\":{"), std::string::npos);
  EXPECT_EQ(out.find("\"other_no_fee\""), std::string::npos);
  EXPECT_NE(out.find("\"procurement\":{\"items\":null,\"amount_10k_yuan\":null}"),
            std::string::npos);
}

TEST(ReportJson, EveryCellSurvivesRoundTrip) {
  const Report r = Filled2021();
  const Report back = MustRead(WriteReportJson(r));
  ASSERT_TRUE(back.section2 && back.section3 && back.section4);
  EXPECT_EQ(back.section2->cells, r.section2->cells);
  EXPECT_EQ(back.section3->cells, r.section3->cells);
  EXPECT_EQ(back.section4->cells, r.section4->cells);
  EXPECT_EQ(back.agency, r.agency);
  EXPECT_EQ(back.year, r.year);
}

TEST(ReportJson, MoneyIsWrittenAsExactWan) {
  struct Case {
    int64_t fen;
    const char* text;
  };
  const Case cases[] = {{706'000'000, "706"},
                        {146'224'300, "146.2243"},
                        {100'000, "0.1"},
                        {1, "0.000001"},
                        {0, "0"},
                        {-2'500'000, "-2.5"},
                        {123'456'789'012, "123456.789012"}};
  for (const Case& c : cases) {
    Report r;
    r.format = Format::k2021;
    r.section2 = Section2::Blank(r.format);
    *r.section2->Find(r.format, "fees", "amount_10k_yuan") = c.fen;
    const std::string out = WriteReportJson(r);
    EXPECT_NE(out.find(std::string("\"fees\":{\"amount_10k_yuan\":") + c.text + "}"),
              std::string::npos)
        << out;
    const Report back = MustRead(out);
    EXPECT_EQ(*back.section2->Find(r.format, "fees", "amount_10k_yuan"), c.fen) << c.text;
  }
}

TEST(ReportJson, MoneyIsReadToFen) {
  struct Case {
    const char* number;
    int64_t fen;
  };
  const Case cases[] = {
      {"706", 706'000'000},
      {"706.0", 706'000'000},
      {"146.2243", 146'224'300},
      {"0.1", 100'000},
      {"1e2", 100'000'000},
      {"-0.5", -500'000},
      {"0.0000005", 1},  // half a fen rounds away from zero
      {"-0.0000005", -1},
      {"1e-7", 0},
      {"0.30000000000000004", 300'000},
  };
  for (const Case& c : cases) {
    const std::string text = std::string(
                                 "{\"format\":\"2019\",\"section2\":{\"procurement\":{"
                                 "\"items\":1,\"amount_10k_yuan\":") +
                             c.number + "}}}";
    const Report r = MustRead(text);
    ASSERT_TRUE(r.section2.has_value()) << c.number;
    EXPECT_EQ(*r.section2->Find(Format::k2019, "procurement", "amount_10k_yuan"), c.fen)
        << c.number;
  }
}

TEST(ReportJson, SignedChangeAndIntegralFloats) {
  const Report r = MustRead(
      R"({"format":"2019","section2":{"punishment":{"previous_items":2.0,"change":-1,"decisions":0}}})");
  ASSERT_TRUE(r.section2.has_value());
  EXPECT_EQ(*r.section2->Find(Format::k2019, "punishment", "change"), -1);
  EXPECT_EQ(*r.section2->Find(Format::k2019, "punishment", "previous_items"), 2);
}

TEST(ReportJson, InvalidUtf8IsReplacedNotThrown) {
  Report r;
  r.agency = std::string("威海\xff\xfe局\xe5\x8f");
  r.source.file = std::string("/tmp/\xc3(bad.txt");
  std::string out;
  EXPECT_NO_THROW(out = WriteReportJson(r));
  ASSERT_FALSE(out.empty());
  EXPECT_TRUE(json::accept(out)) << out;
  EXPECT_NE(out.find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
  const Report back = MustRead(out);
  EXPECT_TRUE(back.agency->starts_with("威海"));
  EXPECT_NO_THROW(out = WriteCheckResultJson(r.source.file, &r, {}));
  EXPECT_TRUE(json::accept(out)) << out;
}

TEST(ReportJson, DocumentFactsRoundTrip) {
  Report r = Filled2021();
  DocumentFacts d;
  d.has_section = {true, true, false, true, true, true};
  d.fingerprint = Format::k2019;
  d.claims.push_back({"三", "new", "total", 33, "受理政府信息公开申请33件", "carried_over"});
  d.claims.push_back({"二", "normative_documents", "in_force", 11, "现行有效件数11件", ""});
  Finding f;
  f.severity = Severity::kWarning;
  f.code = "fee_in_yuan";
  f.section = "二";
  f.row = "fees";
  f.column = "amount_10k_yuan";
  f.actual = 12;
  f.message = "收费金额以元为单位，已换算为万元";
  d.reader_findings.push_back(f);
  r.document = d;
  const std::string out = WriteReportJson(r);
  EXPECT_NE(out.find("\"document\":{\"sections_found\":[\"一\",\"二\",\"四\",\"五\",\"六\"],"
                     "\"fingerprint\":\"2019\",\"declared\":null,"),
            std::string::npos)
      << out;
  const Report back = MustRead(out);
  ASSERT_TRUE(back.document.has_value());
  EXPECT_EQ(back.document->has_section, d.has_section);
  EXPECT_EQ(back.document->fingerprint, Format::k2019);
  EXPECT_FALSE(back.document->declared.has_value());
  ASSERT_EQ(back.document->claims.size(), 2u);
  EXPECT_EQ(back.document->claims[0].alt_row, "carried_over");
  EXPECT_EQ(back.document->claims[1].value, 11);
  ASSERT_EQ(back.document->reader_findings.size(), 1u);
  EXPECT_EQ(back.document->reader_findings[0].code, "fee_in_yuan");
  EXPECT_EQ(back.document->reader_findings[0].actual, 12);
  EXPECT_FALSE(back.document->reader_findings[0].expected.has_value());
  EXPECT_EQ(WriteReportJson(back), out);
}

TEST(ReportJson, TolerantOfMissingKeys) {
  const Report empty = MustRead("{}");
  EXPECT_EQ(empty.format, Format::k2021);
  EXPECT_FALSE(empty.year || empty.agency || empty.section2 || empty.section3 || empty.section4);

  const Report r = MustRead(
      R"({"year":2021,"section3":{"new":{"total":3},"carried_over":null},"extra":[1,{"a":2}],)"
      R"("section4":{"review":{}}})");
  ASSERT_TRUE(r.section3.has_value());
  EXPECT_EQ(r.section3->at(Row3::kNew, kTotalCol), 3);
  EXPECT_FALSE(r.section3->at(Row3::kNew, 0).has_value());
  EXPECT_FALSE(r.section3->at(Row3::kGranted, 0).has_value());
  ASSERT_TRUE(r.section4.has_value());
  EXPECT_FALSE(r.section4->cells[0][4].has_value());
}

TEST(ReportJson, FormatInference) {
  struct Case {
    const char* text;
    Format want;
  };
  const Case cases[] = {
      {R"({"year":2020})", Format::k2019},
      {R"({"year":2021})", Format::k2021},
      {R"({})", Format::k2021},
      {R"({"format":2019})", Format::k2019},
      {R"({"format":null,"year":2019})", Format::k2019},
      // The keys present win over the year (report-format.md §0.2).
      {R"({"year":2022,"section3":{"other":{"total":1}}})", Format::k2019},
      {R"({"year":2020,"section3":{"other_no_fee":{"total":1}}})", Format::k2021},
      {R"({"year":2020,"section2":{"rules":{"issued":1}}})", Format::k2021},
      {R"({"year":2022,"section2":{"procurement":{"items":1}}})", Format::k2019},
      {R"({"year":2022,"section2":{"fees":{"change":1}}})", Format::k2019},
  };
  for (const Case& c : cases) EXPECT_EQ(MustRead(c.text).format, c.want) << c.text;
  const Report r = MustRead(R"({"year":2022,"section3":{"other":{"total":1}}})");
  EXPECT_EQ(r.section3->at(Row3::kOther, kTotalCol), 1);
}

TEST(ReportJson, BadInputIsInvalidWithPath) {
  struct Case {
    std::string text;
    std::string message;  // a substring of the Status message
  };
  const std::string deep_array = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string deep_key = "{\"x\":" + std::string(70, '[') + std::string(70, ']') + "}";
  const Case cases[] = {
      {"", "not valid JSON"},
      {"{", "not valid JSON"},
      {"{\"section3\":{", "not valid JSON"},
      {"nul", "not valid JSON"},
      {std::string("{\"a\":1}\0", 8), "not valid JSON"},
      {"[]", "report: expected a JSON object, got an array"},
      {"42", "report: expected a JSON object, got 42"},
      {R"({"section3":{"granted":{"total":"x"}}})",
       R"(section3.granted.total: expected an integer or null, got "x")"},
      {R"({"section3":{"new":{"natural_person":1.5}}})",
       "section3.new.natural_person: expected an integer or null, got 1.5"},
      {R"({"section3":{"new":{"total":true}}})", "section3.new.total: expected an integer"},
      {R"({"section3":{"new":{"total":[1]}}})", "got an array"},
      {R"({"section3":{"new":5}})", "section3.new: expected an object or null, got 5"},
      {R"({"section3":[]})", "section3: expected an object or null, got an array"},
      {R"({"section4":{"review":{"total":"0"}}})", "section4.review.total: expected an integer"},
      {R"({"section4":"none"})", "section4: expected an object or null"},
      {R"({"format":"2021","section2":{"fees":{"amount_10k_yuan":"706"}}})",
       R"(section2.fees.amount_10k_yuan: expected a number or null, got "706")"},
      {R"({"format":"2021","section2":{"rules":{"issued":0.5}}})",
       "section2.rules.issued: expected an integer or null, got 0.5"},
      {R"({"format":"2020"})", R"(format: expected "2019" or "2021", got "2020")"},
      {R"({"format":"twenty"})", "format: expected"},
      {R"({"format":2022})", "format: expected"},
      {R"({"schema":"gongkai.annual-report/2"})", "schema: unsupported schema"},
      {R"({"schema":1})", "schema: expected a string, got 1"},
      {R"({"year":"2021"})", R"(year: expected an integer or null, got "2021")"},
      {R"({"year":20210})", "year: 20210 is not a reporting year"},
      {R"({"agency":5})", "agency: expected a string or null, got 5"},
      {R"({"source":"x"})", "source: expected an object or null"},
      {R"({"source":{"file":1}})", "source.file: expected a string or null"},
      {R"({"status":1})", "status: expected a string or null"},
      // Rows of the other format than the one stated.
      {R"({"format":"2021","section3":{"other":{"total":1}}})",
       "section3.other: belongs to the 2019 format, but format is \"2021\""},
      {R"({"format":"2019","section2":{"rules":{"issued":1}}})",
       "section2.rules.issued: belongs to the 2021 format"},
      {R"({"section3":{"other":{},"other_no_fee":{}}})", "format: absent, and the tables mix"},
      // Giant numbers.
      {R"({"section4":{"review":{"total":123456789012345678901234567890}}})", "out of range"},
      {R"({"section4":{"review":{"total":18446744073709551615}}})", "out of range"},
      {R"({"section4":{"review":{"total":-10000000000000000}}})", "out of range"},
      {R"({"section4":{"review":{"total":1e400}}})", "not valid JSON"},
      {R"({"format":"2021","section2":{"fees":{"amount_10k_yuan":1e300}}})", "out of range"},
      {R"({"format":"2021","section2":{"fees":{"amount_10k_yuan":-1e13}}})", "out of range"},
      // Nesting.
      {deep_array, "nested deeper than 64 levels"},
      {deep_key, "nested deeper than 64 levels"},
      // Invalid UTF-8 inside a string.
      {"{\"agency\":\"\xff\xfe\"}", "not valid JSON"},
      {"{\"agency\":\"\xe5\x8f\"}", "not valid JSON"},
      // Document facts.
      {R"({"document":[]})", "document: expected an object or null"},
      {R"({"document":{"sections_found":["七"]}})", "document.sections_found[0]: expected one of"},
      {R"({"document":{"sections_found":"一"}})", "document.sections_found: expected an array"},
      {R"({"document":{"fingerprint":"1999"}})", "document.fingerprint: expected"},
      {R"({"document":{"claims":[{"section":"三"}]}})", "document.claims[0].value: missing"},
      {R"({"document":{"claims":[{"value":"3"}]}})", "document.claims[0].value: expected"},
      {R"({"document":{"reader_findings":[{"severity":"fatal"}]}})",
       "document.reader_findings[0].severity: expected"},
      {R"({"document":{"reader_findings":[{"code":"x"}]}})",
       "document.reader_findings[0].severity: missing"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text.substr(0, 120));
    Result<Report> r = Status::Internal("not run");
    EXPECT_NO_THROW(r = ReadReportJson(c.text));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(c.message), std::string::npos) << r.status().message();
    // The message is printable UTF-8 (it may reach a terminal or JSON).
    EXPECT_TRUE(json::accept(json(r.status().message()).dump())) << r.status().message();
  }
}

TEST(ReportJson, OversizedInputRefused) {
  std::string big = "{\"agency\":\"" + std::string(17u << 20, 'a') + "\"}";
  Result<Report> r = ReadReportJson(big);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("larger than 16 MiB"), std::string::npos);
}

// Random damage to real report JSON never throws, and whatever is accepted
// writes back to a stable text.
TEST(ReportJson, MutationsNeverThrow) {
  std::mt19937 rng(20240501);
  const char alphabet[] = "{}[]\":,-+.0123456789eE nultrfasx\\\xff\xe5";
  for (const char* id : {"001", "002", "004"}) {
    const std::string seed = ReadFile(SeedPath(id));
    for (int i = 0; i < 400; ++i) {
      std::string text = seed;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const size_t at = rng() % text.size();
        switch (rng() % 3) {
          case 0:
            text[at] = alphabet[rng() % (sizeof alphabet - 1)];
            break;
          case 1:
            text.erase(at, 1 + rng() % 16);
            break;
          default:
            text.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]);
        }
      }
      Result<Report> r = Status::Internal("not run");
      ASSERT_NO_THROW(r = ReadReportJson(text));
      if (!r.ok()) {
        EXPECT_FALSE(r.status().message().empty());
        continue;
      }
      const std::string once = WriteReportJson(*r);
      Result<Report> again = ReadReportJson(once);
      ASSERT_TRUE(again.ok()) << again.status().message() << "\n" << once;
      EXPECT_EQ(WriteReportJson(*again), once);
    }
  }
}

TEST(CheckResultJson, Shape) {
  Report r = MustRead(ReadFile(SeedPath("002")));
  Finding a;
  a.severity = Severity::kError;
  a.code = "row_sum";
  a.section = "三";
  a.row = "granted";
  a.column = "total";
  a.expected = 6;
  a.actual = 5;
  a.message = "示例";
  Finding b;
  b.severity = Severity::kWarning;
  b.code = "negative_value";
  b.section = "二";
  b.row = "procurement";
  b.column = "amount_10k_yuan";
  b.actual = -146'224'300;
  Finding c;
  c.code = "format_mismatch";
  const std::string out = WriteCheckResultJson("a/b.txt", &r, {a, b, c});
  EXPECT_EQ(out,
            "{\"file\":\"a/b.txt\",\"format\":\"2019\",\"year\":2020,"
            "\"agency\":\"威海火炬高技术产业开发区党政办公室\",\"findings\":["
            "{\"severity\":\"error\",\"code\":\"row_sum\",\"section\":\"三\",\"row\":\"granted\","
            "\"column\":\"total\",\"expected\":6,\"actual\":5,\"message\":\"示例\"},"
            "{\"severity\":\"warning\",\"code\":\"negative_value\",\"section\":\"二\","
            "\"row\":\"procurement\",\"column\":\"amount_10k_yuan\",\"expected\":null,"
            "\"actual\":-146.2243,\"message\":null},"
            "{\"severity\":\"error\",\"code\":\"format_mismatch\",\"section\":null,\"row\":null,"
            "\"column\":null,\"expected\":null,\"actual\":null,\"message\":null}]}");
  EXPECT_TRUE(json::accept(out));
}

TEST(CheckResultJson, UnreadableFile) {
  Finding f;
  f.code = "unreadable";
  f.message = "无法读取";
  EXPECT_EQ(WriteCheckResultJson("x.pdf", nullptr, {f}),
            "{\"file\":\"x.pdf\",\"format\":null,\"year\":null,\"agency\":null,\"findings\":["
            "{\"severity\":\"error\",\"code\":\"unreadable\",\"section\":null,\"row\":null,"
            "\"column\":null,\"expected\":null,\"actual\":null,\"message\":\"无法读取\"}]}");
  EXPECT_EQ(WriteCheckResultJson("", nullptr, {}),
            "{\"file\":null,\"format\":null,\"year\":null,\"agency\":null,\"findings\":[]}");
}

TEST(ReportJson, PrettyIsIndented) {
  Report r;
  r.year = 2021;
  r.section4.emplace();
  const std::string out = WriteReportJson(r, true);
  EXPECT_EQ(out.rfind("{\n  \"schema\": \"gongkai.annual-report/1\",\n  \"format\": \"2021\",", 0),
            0u)
      << out;
  EXPECT_NE(out.find("  \"section4\": {\n    \"review\": {\n      \"upheld\": null,"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.back(), '}');
  EXPECT_TRUE(json::accept(out));
}

// docs/report-schema.json describes exactly the keys of the model, so the
// file cannot drift from Rows2/Rows3/section 四.
TEST(ReportSchemaFile, ListsExactlyTheModelKeys) {
  const std::string text = ReadFile(std::string(GK_SOURCE_DIR) + "/docs/report-schema.json");
  ASSERT_FALSE(text.empty());
  nlohmann::ordered_json schema;
  ASSERT_NO_THROW(schema = nlohmann::ordered_json::parse(text));
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  const auto& defs = schema.at("$defs");

  // The keys of an object schema: its "required" list and its properties, in order.
  auto keys_of = [](const nlohmann::ordered_json& obj) {
    std::vector<std::string> props;
    for (const auto& [k, v] : obj.at("properties").items()) props.push_back(k);
    EXPECT_EQ(obj.at("required").get<std::vector<std::string>>(), props);
    EXPECT_EQ(obj.at("additionalProperties"), false);
    return props;
  };
  auto ref_of = [](const nlohmann::ordered_json& v) { return v.at("$ref").get<std::string>(); };

  std::vector<std::string> cols;
  for (int c = 0; c < kNumCols3; ++c) cols.emplace_back(ColKey3(c));
  EXPECT_EQ(keys_of(defs.at("row3")), cols);

  for (Format f : {Format::k2019, Format::k2021}) {
    const std::string id(FormatId(f));
    SCOPED_TRACE(id);
    // Section 三: every row of Rows3(f), in printed order, each a row3.
    const auto& s3 = defs.at("section3_" + id);
    std::vector<std::string> rows3;
    for (const Row3Spec& r : Rows3(f)) rows3.emplace_back(r.key);
    EXPECT_EQ(keys_of(s3), rows3);
    for (const auto& [k, v] : s3.at("properties").items()) EXPECT_EQ(ref_of(v), "#/$defs/row3");

    // Section 二: every row of Rows2(f) and its fields, with the field kinds.
    const auto& s2 = defs.at("section2_" + id);
    std::vector<std::string> rows2;
    for (const Row2Spec& r : Rows2(f)) rows2.emplace_back(r.key);
    EXPECT_EQ(keys_of(s2), rows2);
    for (const Row2Spec& r : Rows2(f)) {
      const auto& row = s2.at("properties").at(std::string(r.key));
      std::vector<std::string> fields;
      for (const Field2Spec& fs : r.fields) fields.emplace_back(fs.key);
      EXPECT_EQ(keys_of(row), fields) << r.key;
      for (const Field2Spec& fs : r.fields) {
        const char* want = fs.kind == FieldKind::kMoney         ? "#/$defs/money"
                           : fs.kind == FieldKind::kSignedCount ? "#/$defs/signed_count"
                                                                : "#/$defs/count";
        EXPECT_EQ(ref_of(row.at("properties").at(std::string(fs.key))), want)
            << r.key << "." << fs.key;
      }
    }
  }

  // Section 四.
  std::vector<std::string> groups, fields;
  for (int g = 0; g < kNumGroups4; ++g) groups.emplace_back(GroupKey4(g));
  for (int k = 0; k < kNumFields4; ++k) fields.emplace_back(FieldKey4(k));
  EXPECT_EQ(keys_of(defs.at("section4")), groups);
  EXPECT_EQ(keys_of(defs.at("group4")), fields);

  // The top level: the writer's keys in the writer's order, one variant per format.
  std::vector<std::string> top;
  for (const auto& [k, v] : schema.at("properties").items()) top.push_back(k);
  EXPECT_EQ(top,
            (std::vector<std::string>{"schema", "format", "agency", "year", "section2", "section3",
                                      "section4", "source", "status", "document"}));
  EXPECT_EQ(schema.at("properties").at("schema").at("const"), kReportSchema);
  ASSERT_EQ(schema.at("oneOf").size(), 2u);
  for (const auto& variant : schema.at("oneOf")) {
    const std::string id = variant.at("properties").at("format").at("const");
    const auto& props = variant.at("properties");
    EXPECT_EQ(ref_of(props.at("section2").at("oneOf").at(1)), "#/$defs/section2_" + id);
    EXPECT_EQ(ref_of(props.at("section3").at("oneOf").at(1)), "#/$defs/section3_" + id);
    EXPECT_EQ(ref_of(props.at("section4").at("oneOf").at(1)), "#/$defs/section4");
  }
}

}  // namespace
}  // namespace gk::report
