#include "letters/layout.h"

#include <algorithm>
#include <string>

#include "core/text.h"

namespace gk::letters::layout {
namespace {

constexpr Font kTitleFont{22, "方正小标宋简体", "宋体",
                          "方正小标宋简体,FZXiaoBiaoSong-B05S,宋体,SimSun,Noto Serif CJK SC,serif",
                          true};
constexpr Font kBodyFont{16, "仿宋", "FangSong",
                         "仿宋,仿宋_GB2312,FangSong,FangSong_GB2312,Noto Serif CJK SC,serif",
                         false};
constexpr Font kPageNumberFont{14, "宋体", "SimSun", "宋体,SimSun,Noto Serif CJK SC,serif", false};

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         // Ambiguous-width punctuation set full width in Chinese text: — ‘ ’ “ ” …
         c == 0x2014 || (c >= 0x2018 && c <= 0x201D) || c == 0x2026;
}

Block Blank() {
  Block b;
  b.role = Role::kBlank;
  b.align = Align::kLeft;
  return b;
}

Block Line(Role role, Face face, Align align, std::string text) {
  Block b;
  b.role = role;
  b.face = face;
  b.align = align;
  b.text = std::move(text);
  return b;
}

// One line of text: line breaks become spaces.
std::string OneLine(std::string_view s) {
  std::string out = CleanText(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

const Font& FontOf(Face f) {
  switch (f) {
    case Face::kTitle:
      return kTitleFont;
    case Face::kPageNumber:
      return kPageNumberFont;
    case Face::kBody:
      break;
  }
  return kBodyFont;
}

Status Check(const Letter& letter) {
  if (OneLine(letter.title).find_first_not_of(' ') == std::string::npos) {
    return Status::Invalid("letter.title：文书标题不能为空");
  }
  if (OneLine(letter.issuer).find_first_not_of(' ') == std::string::npos) {
    return Status::Invalid("letter.issuer：发文机关署名不能为空");
  }
  return Status::Ok();
}

double WidthInChars(std::string_view utf8) {
  double w = 0;
  for (char32_t c : text::ToUtf32(utf8)) w += IsWide(c) ? 1.0 : 0.5;
  return w;
}

std::string CleanText(std::string_view utf8) {
  std::u32string cps = text::ToUtf32(utf8);
  std::u32string out;
  out.reserve(cps.size());
  for (char32_t c : cps) {
    if (c == '\t') {
      out.push_back(' ');
    } else if (c == '\r') {
      continue;
    } else if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF ||
               (c >= 0xD800 && c <= 0xDFFF)) {
      continue;
    } else {
      out.push_back(c);
    }
  }
  return text::ToUtf8(out);
}

std::string PageNumber(int page) { return "— " + std::to_string(page) + " —"; }

std::vector<Block> Blocks(const Letter& letter) {
  std::vector<Block> out;
  const std::string doc_no = OneLine(letter.doc_no);
  if (!doc_no.empty()) {
    out.push_back(Line(Role::kDocNo, Face::kBody, Align::kCenter, doc_no));
    out.push_back(Blank());
  }
  out.push_back(Line(Role::kTitle, Face::kTitle, Align::kCenter, CleanText(letter.title)));
  out.push_back(Blank());

  const std::string addressee = OneLine(letter.addressee);
  if (!addressee.empty()) {
    const bool colon = addressee.ends_with("：") || addressee.ends_with(":");
    out.push_back(
        Line(Role::kAddressee, Face::kBody, Align::kLeft, colon ? addressee : addressee + "："));
  }
  for (const std::string& p : letter.paragraphs) {
    std::string text = CleanText(p);
    size_t start = 0;
    while (start <= text.size()) {
      const size_t nl = std::min(text.find('\n', start), text.size());
      std::string part = text.substr(start, nl - start);
      if (part.find_first_not_of(' ') != std::string::npos) {
        Block b = Line(Role::kBody, Face::kBody, Align::kJustify, std::move(part));
        b.first_indent = 2;
        out.push_back(std::move(b));
      }
      start = nl + 1;
    }
  }

  // 7.3.4: 附件说明 one line below the text, two characters in; several
  // attachments numbered 1．2．…; wrapped lines aligned with the name.
  std::vector<std::string> attachments;
  for (const std::string& a : letter.attachments) {
    std::string name = OneLine(a);
    if (name.find_first_not_of(' ') != std::string::npos) attachments.push_back(std::move(name));
  }
  if (!attachments.empty()) out.push_back(Blank());
  const std::string label = "附件：";
  for (size_t i = 0; i < attachments.size(); ++i) {
    const std::string number = attachments.size() > 1 ? std::to_string(i + 1) + "．" : "";
    Block b = Line(Role::kAttachment, Face::kBody, Align::kLeft, "");
    if (i == 0) {
      b.left_indent = 2;
      b.text = label + number + attachments[i];
      b.hanging = WidthInChars(label + number);
    } else {
      b.left_indent = 2 + WidthInChars(label);
      b.text = number + attachments[i];
      b.hanging = WidthInChars(number);
    }
    out.push_back(std::move(b));
  }

  // 7.3.5.1: the signature centred over the date, the date four characters
  // from the right; when the signature is too long for that, it keeps two
  // characters from the right and the date moves left under its centre.
  const std::string issuer = OneLine(letter.issuer);
  const std::string date = FormatDate(letter.date);
  const double ws = WidthInChars(issuer);
  const double wd = WidthInChars(date);
  double date_right = 4;
  double sig_right = date_right + (wd - ws) / 2;
  if (sig_right < 2) {
    sig_right = 2;
    date_right = sig_right + (ws - wd) / 2;
  }
  if (!out.empty()) out.back().keep_with_next = true;
  for (int i = 0; i < 2; ++i) {
    Block b = Blank();
    b.keep_with_next = true;
    out.push_back(std::move(b));
  }
  Block sig = Line(Role::kSignature, Face::kBody, Align::kRight, issuer);
  sig.right_indent = sig_right;
  sig.keep_with_next = true;
  out.push_back(std::move(sig));
  Block day = Line(Role::kDate, Face::kBody, Align::kRight, date);
  day.right_indent = date_right;

  // 7.3.6: 附注 in parentheses, two characters in, on the line below the date.
  std::string note = OneLine(letter.contact_line);
  if (note.find_first_not_of(' ') == std::string::npos) note.clear();
  if (!note.empty() && !note.starts_with("（") && !note.starts_with("(")) {
    note = "（" + note + "）";
  }
  day.keep_with_next = !note.empty();
  out.push_back(std::move(day));
  if (!note.empty()) {
    Block b = Line(Role::kNote, Face::kBody, Align::kLeft, note);
    b.left_indent = 2;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace gk::letters::layout
