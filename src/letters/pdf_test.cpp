#include "letters/pdf.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "letters/test_util.h"

namespace gk::letters {
namespace {

using testing::Context;
using testing::D;
using testing::OpenCase;
using testing::Squeeze;

// The poppler tools are the real reader here (poppler-utils, scripts/deps.sh).
class PdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::HaveTool("pdftotext") && testing::HaveTool("pdfinfo") &&
                testing::HaveTool("pdffonts"))
        << "poppler-utils is required (scripts/deps.sh)";
  }
  void TearDown() override {
    for (const std::string& f : files_) std::remove(f.c_str());
  }

  std::string Save(const std::string& pdf) {
    const std::string path = testing::TempPath(std::to_string(files_.size()) + ".pdf");
    testing::WriteFile(path, pdf);
    files_.push_back(path);
    return path;
  }
  // Runs a poppler tool on the PDF and returns its output.
  std::string Tool(const std::string& tool, const std::string& pdf, const std::string& tail = "") {
    const std::string path = Save(pdf);
    bool ok = false;
    std::string out = testing::Run(tool + " '" + path + "'" + tail + " 2>/dev/null", &ok);
    EXPECT_TRUE(ok) << tool << " failed";
    return out;
  }
  std::string Text(const std::string& pdf) { return Tool("pdftotext -enc UTF-8", pdf, " -"); }
  int Pages(const std::string& pdf) {
    const std::string info = Tool("pdfinfo", pdf);
    const size_t at = info.find("Pages:");
    if (at == std::string::npos) return -1;
    return std::stoi(info.substr(at + 6));
  }

 private:
  std::vector<std::string> files_;
};

Letter Reply() {
  testing::CaseBuilder b = OpenCase();
  b.Add("2026-03-20", cases::testing::Decision(law::Outcome::kNotHeld));
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  EXPECT_TRUE(l.ok()) << l.status().message();
  return l.ok() ? *l : Letter();
}

bool Contains(const std::string& text, std::string_view part) {
  return Squeeze(text).find(Squeeze(part)) != std::string::npos;
}

TEST_F(PdfTest, ReaderFindsTheLetter) {
  const Letter l = Reply();
  Result<std::string> pdf = RenderPdf(l);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string text = Text(*pdf);
  EXPECT_TRUE(Contains(text, l.doc_no)) << text;
  EXPECT_TRUE(Contains(text, l.title)) << text;
  EXPECT_TRUE(Contains(text, "张三：")) << text;
  for (const std::string& p : l.paragraphs) EXPECT_TRUE(Contains(text, p)) << p << "\n" << text;
  EXPECT_TRUE(Contains(text,
                       "如对本答复不服，可以在收到本答复之日起60日内向威海市人民政府申请行政复"
                       "议，或者在6个月内向威海市环翠区人民法院提起行政诉讼。"))
      << text;
  EXPECT_TRUE(Contains(text, l.issuer));
  EXPECT_TRUE(Contains(text, "2026年3月20日"));
  EXPECT_TRUE(Contains(text, l.contact_line));
  EXPECT_TRUE(Contains(text, "— 1 —"));
  for (const std::string& field : testing::PrivateFields()) {
    EXPECT_FALSE(Contains(text, field)) << field;
  }
  EXPECT_EQ(Pages(*pdf), 1);
}

TEST_F(PdfTest, MetadataAndPageSize) {
  const Letter l = Reply();
  Result<std::string> pdf = RenderPdf(l);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const std::string info = Tool("pdfinfo", *pdf);
  auto field = [&info](const std::string& key) {
    const size_t at = info.find(key + ":");
    if (at == std::string::npos) return std::string();
    const size_t end = info.find('\n', at);
    return Squeeze(info.substr(at + key.size() + 1, end - at - key.size() - 1));
  };
  EXPECT_EQ(field("Title"), "政府信息公开申请答复书") << info;
  EXPECT_EQ(field("Author"), "威海临港经济技术开发区管理委员会") << info;
  EXPECT_EQ(field("Creator"), "Gongkai") << info;
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
}

TEST_F(PdfTest, FontsAreEmbedded) {
  Result<std::string> pdf = RenderPdf(Reply());
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const std::string fonts = Tool("pdffonts", *pdf);
  // Header, rule, then one line per font: name type encoding emb sub uni ...
  std::vector<std::string> lines;
  for (size_t start = 0; start < fonts.size();) {
    const size_t nl = fonts.find('\n', start);
    lines.push_back(fonts.substr(start, nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  int checked = 0;
  for (size_t i = 2; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    EXPECT_NE(lines[i].find(" yes yes yes "), std::string::npos)
        << "font not embedded as a subset with a Unicode map: " << lines[i];
    ++checked;
  }
  EXPECT_GT(checked, 0) << fonts;
}

TEST_F(PdfTest, LongLettersRunOntoMorePages) {
  Letter l = Reply();
  l.paragraphs.clear();
  for (int i = 1; i <= 40; ++i) {
    l.paragraphs.push_back("第" + std::to_string(i) +
                           "段：经审查，你申请获取的政府信息属于可以公开的政府信息，本机关决定予以"
                           "公开，现将该政府信息随本答复书一并提供给你。");
  }
  l.paragraphs.push_back("最后一段。");
  Result<std::string> pdf = RenderPdf(l);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const int pages = Pages(*pdf);
  EXPECT_GT(pages, 1);
  const std::string text = Text(*pdf);
  EXPECT_TRUE(Contains(text, "第40段：经审查")) << text;
  EXPECT_TRUE(Contains(text, "最后一段。"));
  EXPECT_TRUE(Contains(text, "— 2 —"));
  // The signature and date end the last page, with the last text line.
  const size_t last_page = text.rfind('\f', text.size() - 2);
  const std::string tail = last_page == std::string::npos ? text : text.substr(last_page);
  EXPECT_TRUE(Contains(tail, l.issuer)) << tail;
  EXPECT_TRUE(Contains(tail, "最后一段。")) << tail;
}

// GB/T 9704 6.2.3: 28 characters to the line.
TEST_F(PdfTest, TwentyEightCharactersToTheLine) {
  Letter l = Reply();
  std::string run;
  for (int i = 0; i < 80; ++i) run += "国";
  l.paragraphs = {run};
  Result<std::string> pdf = RenderPdf(l);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const std::string text = Text(*pdf);
  std::vector<int> counts;
  for (size_t start = 0; start < text.size();) {
    const size_t nl = text.find('\n', start);
    const std::string line = Squeeze(text.substr(start, nl - start));
    int n = 0;
    for (size_t at = line.find("国"); at != std::string::npos; at = line.find("国", at + 1)) ++n;
    if (n > 0 && n * 3 == static_cast<int>(line.size())) counts.push_back(n);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  // The first line is indented two characters.
  EXPECT_EQ(counts, (std::vector<int>{26, 28, 26})) << text;
}

TEST_F(PdfTest, EveryKindOfLetterRenders) {
  testing::CaseBuilder b = OpenCase();
  b.Add("2026-03-04", cases::CorrectionRequestedPayload{"请写明文号", D("2026-03-16")});
  std::vector<Letter> letters;
  Result<Letter> correction = LetterFor(b.state(), b.events().back(), Context());
  ASSERT_TRUE(correction.ok()) << correction.status().message();
  letters.push_back(*correction);
  b.Add("2026-03-10", cases::CorrectedPayload{"", ""});
  b.Add("2026-03-11",
        cases::FeeNotifiedPayload{law::FeeMethod::kByPage, 50, 0, 200, D("2026-03-11")});
  Result<Letter> fee = LetterFor(b.state(), b.events().back(), Context());
  ASSERT_TRUE(fee.ok()) << fee.status().message();
  letters.push_back(*fee);
  for (const Letter& l : letters) {
    Result<std::string> pdf = RenderPdf(l);
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    const std::string text = Text(*pdf);
    EXPECT_TRUE(Contains(text, l.title)) << text;
    EXPECT_TRUE(Contains(text, l.paragraphs.back())) << text;
  }
}

TEST_F(PdfTest, Deterministic) {
  const Letter l = Reply();
  Result<std::string> a = RenderPdf(l);
  Result<std::string> b = RenderPdf(l);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

// The web server renders letters on its worker threads.
TEST_F(PdfTest, ThreadsRenderTheSameBytes) {
  const Letter l = Reply();
  Result<std::string> expected = RenderPdf(l);
  ASSERT_TRUE(expected.ok());
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&l, &got, i] {
      Result<std::string> pdf = RenderPdf(l);
      if (pdf.ok()) got[i] = *pdf;
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& g : got) EXPECT_TRUE(g == *expected);
}

TEST_F(PdfTest, HostileTextIsDrawnAsText) {
  Letter l = Reply();
  l.paragraphs = {"<b>不是标签</b> & \x01\xff 结束"};
  Result<std::string> pdf = RenderPdf(l);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_TRUE(Contains(Text(*pdf), "<b>不是标签</b>&")) << Text(*pdf);
}

TEST_F(PdfTest, RefusesALetterWithoutTitle) {
  Letter l = Reply();
  l.title = "";
  Result<std::string> pdf = RenderPdf(l);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace gk::letters
