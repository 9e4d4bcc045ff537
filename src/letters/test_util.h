// Test-only helpers of letters_test: a letter context, cases brought to the
// events that call for letters, text checks and running the poppler tools.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "cases/test_util.h"
#include "letters/letters.h"

namespace gk::letters::testing {

using cases::testing::CaseBuilder;
using cases::testing::D;

inline LetterContext Context() {
  LetterContext c;
  c.agency = "威海临港经济技术开发区管理委员会";
  c.review_body = "威海市人民政府";
  c.court = "威海市环翠区人民法院";
  c.doc_no_prefix = "临管依申请";
  c.serial = 12;
  c.applicant_name = "张三";
  c.request = "2020年本机关行政许可事项办理情况统计";
  c.contact = "联系人：王五，联系电话：0631-5200000";
  return c;
}

// The applicant's private fields in cases::testing::SampleApplication.
inline std::vector<std::string> PrivateFields() {
  const cases::Application a = cases::testing::SampleApplication();
  return {a.id_number, a.phone, a.address};
}

// A registered and assigned application received online on 2026-03-02.
inline CaseBuilder OpenCase() {
  CaseBuilder b("GK-2026-0012");
  b.Receive("2026-03-02").Register("2026-03-02").Assign("2026-03-03");
  return b;
}

// Text without any white space: PDF text extraction breaks lines and may
// space out justified characters.
inline std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  }
  return out;
}

inline std::string TempPath(std::string_view name) {
  return ::testing::TempDir() + "gk_letters_" + std::to_string(::getpid()) + "_" +
         std::string(name);
}

inline void WriteFile(const std::string& path, std::string_view data) {
  std::ofstream f(path, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// Runs a shell command and returns its standard output; `ok` tells whether it
// exited with 0.
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

// A fontconfig file with the system's configuration plus this folder's
// fonts.conf (the Word names → Noto CJK aliases), for FONTCONFIG_FILE.
inline std::string FontconfigFile() {
  const std::string path = TempPath("fonts.conf");
  WriteFile(path,
            "<?xml version=\"1.0\"?>\n<fontconfig>\n"
            "<include ignore_missing=\"no\">/etc/fonts/fonts.conf</include>\n"
            "<include ignore_missing=\"no\">" GK_SOURCE_DIR
            "/src/letters/fonts.conf</include>\n"
            "</fontconfig>\n");
  return path;
}

}  // namespace gk::letters::testing
