#include "catalog/attachment.h"

#include <gtest/gtest.h>

namespace gk::catalog {
namespace {

const std::string kPdf = "%PDF-1.7\n...";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "data";
const std::string kJpeg = "\xFF\xD8\xFF\xE0rest";
const std::string kZip = std::string("PK\x03\x04", 4) + "rest";

std::optional<FieldError> Error(const std::variant<CheckedAttachment, FieldError>& r) {
  if (const auto* e = std::get_if<FieldError>(&r)) return *e;
  return std::nullopt;
}

TEST(Attachment, AcceptsEachTypeWithItsExtension) {
  auto pdf = CheckAttachment("通知.PDF", kPdf);
  ASSERT_FALSE(Error(pdf));
  EXPECT_EQ(std::get<CheckedAttachment>(pdf).type, AttachmentType::kPdf);
  EXPECT_EQ(std::get<CheckedAttachment>(CheckAttachment("a.docx", kZip)).type,
            AttachmentType::kDocx);
  EXPECT_EQ(std::get<CheckedAttachment>(CheckAttachment("图.png", kPng)).type,
            AttachmentType::kPng);
  EXPECT_EQ(std::get<CheckedAttachment>(CheckAttachment("x.jpeg", kJpeg)).type,
            AttachmentType::kJpeg);
  EXPECT_EQ(std::get<CheckedAttachment>(CheckAttachment("x.JPG", kJpeg)).type,
            AttachmentType::kJpeg);
}

TEST(Attachment, KeepsTheBaseNameOfAClientPath) {
  auto r = CheckAttachment("C:\\Users\\me\\附件 1.pdf ", kPdf);
  ASSERT_FALSE(Error(r));
  EXPECT_EQ(std::get<CheckedAttachment>(r).filename, "附件 1.pdf");
  EXPECT_EQ(std::get<CheckedAttachment>(CheckAttachment("/tmp/a/b.pdf", kPdf)).filename, "b.pdf");
}

TEST(Attachment, RejectsWrongTypeMismatchEmptyAndTooLarge) {
  auto e = Error(CheckAttachment("a.exe", "MZ\x90\x00"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "file");
  EXPECT_NE(e->message.find("只接受"), std::string::npos);
  e = Error(CheckAttachment("a.pdf", kPng));
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("不符"), std::string::npos);
  EXPECT_TRUE(Error(CheckAttachment("a.pdf", "")));
  EXPECT_TRUE(Error(CheckAttachment("", "")));
  EXPECT_TRUE(Error(CheckAttachment("noext", kPdf)));
  EXPECT_TRUE(Error(CheckAttachment("a\x01.pdf", kPdf)));
  EXPECT_TRUE(Error(CheckAttachment("\xFF\xFE.pdf", kPdf)));
  EXPECT_TRUE(Error(CheckAttachment(std::string(201, 'a') + ".pdf", kPdf)));
  std::string big = kPdf;
  big.resize(kMaxAttachmentBytes + 1, ' ');
  e = Error(CheckAttachment("a.pdf", big));
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("20MB"), std::string::npos);
  big.resize(kMaxAttachmentBytes);
  EXPECT_FALSE(Error(CheckAttachment("a.pdf", big)));
}

TEST(Attachment, LinkKindsRoundTrip) {
  for (auto k : {LinkKind::kInterprets, LinkKind::kRelated})
    EXPECT_EQ(ParseLinkKind(LinkKey(k)), k);
  EXPECT_FALSE(ParseLinkKind("other"));
}

TEST(Attachment, CutUtf8KeepsWholeCharacters) {
  EXPECT_EQ(CutUtf8("公开信息", 7), "公开");  // 3 bytes each
  EXPECT_EQ(CutUtf8("公开信息", 6), "公开");
  EXPECT_EQ(CutUtf8("ab", 5), "ab");
}

}  // namespace
}  // namespace gk::catalog
