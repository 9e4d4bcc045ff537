// Test-only helpers of report_render_test: the seed reports of
// report-format.md §5 as full documents, temporary files and external tools.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "report/json.h"
#include "report_render/document.h"

namespace gk::report_render::testing {

// Seed 004 (威海市工业和信息化局, 2022, format 2021), report-format.md §5.3.
inline constexpr std::string_view kSeed2021 =
    R"json({"format":"2021","year":2022,"agency":"威海市工业和信息化局","section2":{"rules":{"issued":0,"repealed":0,"in_force":0},"normative_documents":{"issued":2,"repealed":2,"in_force":13},"licensing":{"decisions":0},"punishment":{"decisions":0},"enforcement":{"decisions":0},"fees":{"amount_10k_yuan":0}},"section3":{"new":{"natural_person":3,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":3},"carried_over":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"granted":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"partially_granted":{"natural_person":1,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":1},"withheld_state_secret":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_law_prohibited":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_three_safeties":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_third_party":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_internal_affairs":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_process_info":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_enforcement_file":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_query_matter":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"unavailable_not_held":{"natural_person":2,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":2},"unavailable_needs_creation":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"unavailable_unclear_after_correction":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_petition":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_repeat":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_publication":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_mass_repeat":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_confirm_or_reissue":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"other_no_correction":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"other_no_fee":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"other_other":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"total":{"natural_person":3,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":3},"carried_forward":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0}},"section4":{"review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},"litigation_direct":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},"litigation_after_review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}})json";
// Seed 002 (威海火炬高技术产业开发区党政办公室, 2020, format 2019), §5.2.
inline constexpr std::string_view kSeed2019 =
    R"json({"format":"2019","year":2020,"agency":"威海火炬高技术产业开发区党政办公室","section2":{"rules":{"made":0,"published":0,"total_published":0},"normative_documents":{"made":0,"published":0,"total_published":0},"licensing":{"previous_items":0,"change":0,"decisions":0},"other_services":{"previous_items":3,"change":1,"decisions":null},"punishment":{"previous_items":2,"change":-1,"decisions":0},"enforcement":{"previous_items":1,"change":0,"decisions":0},"fees":{"previous_items":0,"change":0},"procurement":{"items":5,"amount_10k_yuan":146.2243}},"section3":{"new":{"natural_person":6,"commercial":1,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":7},"carried_over":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"granted":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"partially_granted":{"natural_person":1,"commercial":1,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":2},"withheld_state_secret":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_law_prohibited":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_three_safeties":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_third_party":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_internal_affairs":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_process_info":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_enforcement_file":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"withheld_query_matter":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"unavailable_not_held":{"natural_person":4,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":4},"unavailable_needs_creation":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"unavailable_unclear_after_correction":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_petition":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_repeat":{"natural_person":1,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":1},"not_processed_publication":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_mass_repeat":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"not_processed_confirm_or_reissue":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"other":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0},"total":{"natural_person":6,"commercial":1,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":7},"carried_forward":{"natural_person":0,"commercial":0,"research":0,"public_interest":0,"legal_service":0,"other":0,"total":0}},"section4":{"review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},"litigation_direct":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},"litigation_after_review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}})json";

inline report::Report Seed(std::string_view json) {
  Result<report::Report> r = report::ReadReportJson(json);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : report::Report();
}

// The 2022 report of seed 004 with its narrative and chart data.
inline ReportDocument Doc2021() {
  ReportDocument d;
  d.report = Seed(kSeed2021);
  d.agency_full_name = "威海市工业和信息化局";
  d.title = "威海市工业和信息化局2022年政府信息公开工作年度报告";
  d.status = PublicationStatus::kPublished;
  d.date = Date::FromYmd(2023, 1, 30).value();
  d.narrative.overview =
      "2022年，威海市工业和信息化局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实"
      "《中华人民共和国政府信息公开条例》。\n\n  "
      "收到线上依申请公开件3件，按期办结3件，未发生行政复议和"
      "行政诉讼案件。";
  d.narrative.overview_parts = {
      {"（一）主动公开", "制发规范性文件2件，废止2件，现行有效13件。"},
      {"（二）依申请公开", "本年新收政府信息公开申请3件，均按期答复。"},
      {"（三）政府信息管理", "严格落实信息发布审查制度 <审查> & “三审三校”。"},
  };
  d.narrative.problems = "一是信息公开的及时性有待提高。\n二是政策解读形式较为单一。";
  d.narrative.other = "本年度未收取政府信息公开信息处理费。";
  d.charts.trend = {{2018, 1, 96}, {2019, 2, 104}, {2020, 0, 118}, {2021, 4, 127}, {2022, 3, 141}};
  d.charts.proactive_by_category = {
      {"政策文件", 23}, {"政策解读", 11}, {"工作动态", 87}, {"人事信息", 4}, {"财政信息", 16}};
  return d;
}

// The 2020 report of seed 002 (no chart data beyond the tables).
inline ReportDocument Doc2019() {
  ReportDocument d;
  d.report = Seed(kSeed2019);
  d.agency_full_name = "威海火炬高技术产业开发区党政办公室";
  d.title = "威海火炬高技术产业开发区党政办公室2020年政府信息公开工作年度报告";
  d.status = PublicationStatus::kDraft;
  d.narrative.overview = "2020年共收到依申请公开信件7件。";
  d.narrative.problems = "政务公开工作仍存在不足。";
  d.narrative.other = "无其他需要报告的事项。";
  return d;
}

// Text without any white space: extraction breaks lines and spaces characters.
inline std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  }
  return out;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void WriteFile(const std::filesystem::path& p, std::string_view data) {
  std::ofstream f(p, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// A fresh private directory under /tmp, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = "/tmp/gk-report-render-XXXXXX";
    if (::mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs a shell command; returns its standard output, `ok` = exit status 0.
inline std::string Run(const std::string& cmd, bool* ok) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) {
    *ok = false;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  *ok = ::pclose(p) == 0;
  return out;
}

inline bool HaveTool(const std::string& name) {
  bool ok = false;
  Run("command -v " + name + " >/dev/null 2>&1", &ok);
  return ok;
}

// A fontconfig file with the system's configuration plus the letters'
// fonts.conf (Word's font names → Noto CJK), for FONTCONFIG_FILE.
inline std::string FontconfigFile(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / "fonts.conf";
  WriteFile(path,
            "<?xml version=\"1.0\"?>\n<fontconfig>\n"
            "<include ignore_missing=\"no\">/etc/fonts/fonts.conf</include>\n"
            "<include ignore_missing=\"no\">" GK_SOURCE_DIR
            "/src/letters/fonts.conf</include>\n"
            "</fontconfig>\n");
  return path.string();
}

// Every entry of a zip archive held in memory (name → bytes); empty when the
// archive cannot be opened.
inline std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  zip_error_fini(&err);
  if (za == nullptr) {
    if (src) zip_source_free(src);
    return out;
  }
  const zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (f == nullptr) continue;
    std::string data(st.size, '\0');
    if (zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size))
      out[st.name] = data;
    zip_fclose(f);
  }
  zip_discard(za);
  return out;
}

// Zips the parts to a file.
inline bool Rezip(const std::map<std::string, std::string>& parts, const std::string& path) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (za == nullptr) return false;
  for (const auto& [name, data] : parts) {  // buffers live until zip_close
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    if (src == nullptr || zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      zip_discard(za);
      return false;
    }
  }
  return zip_close(za) == 0;
}

}  // namespace gk::report_render::testing
