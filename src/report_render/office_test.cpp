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
#include "report_render/test_util.h"

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
    const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                            "' FONTCONFIG_FILE='" + conf +
                            "' timeout 240 soffice --headless --norestore "
                            "-env:UserInstallation=file://" +
                            (dir / "profile").string() + " --convert-to '" + filter +
                            "' --outdir '" + dir.string() + "'" + inputs + " >'" +
                            (dir / "soffice.log").string() + "' 2>&1";
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
  ExpectRowsInOrder(
      s, {"威海市工业和信息化局2022年政府信息公开工作年度报告", "一、总体情况",
          "收到线上依申请公开件3件", "二、主动公开政府信息情况", "第二十条第（一）项",
          "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
          "行政规范性文件", "2", "2", "13", "第二十条第（八）项", "本年收费金额（单位：万元）",
          "行政事业性收费", "0", "三、收到和处理政府信息公开申请情况", "申请人情况", "总计",
          "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
          "一、本年新收政府信息公开申请数量", "3000003",
          "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1000001",
          "（三）不予公开", "1.属于国家秘密", "3.危及“三安全一稳定”", "（四）无法提供",
          "1.本机关不掌握相关政府信息", "2000002",
          "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
          "（七）总计", "3000003", "四、结转下年度继续办理", "0000000",
          "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉",
          "复议后起诉", "000000000000000", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
          "本年度未收取政府信息公开信息处理费。", "威海市工业和信息化局", "2023年1月30日"});
}

TEST_F(DocxInWriter, Format2019TextHasLabelsAndFigures) {
  const std::string s = Squeeze(Text("r2019.txt"));
  ExpectRowsInOrder(s, {"本年新制作数量", "本年新公开数量", "对外公开总数量", "规范性文件",
                        "其他对外管理服务事项", "3+1", "行政处罚", "2-10", "采购项目数量",
                        "采购总金额", "政府集中采购", "5146.2243", "一、本年新收政府信息公开申请数量",
                        "6100007", "（六）其他处理", "0000000", "（七）总计", "6100007"});
  EXPECT_EQ(s.find("3.其他"), std::string::npos);
}

}  // namespace
}  // namespace gk::report_render
