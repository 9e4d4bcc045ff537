// The page layout of a letter after GB/T 9704-2012 (党政机关公文格式), shared
// by the DOCX and PDF renderers so both put the same text in the same place.
//
// The page: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm,
// right 26 mm), 22 lines of 28 characters of 三号 (16 pt) 仿宋 (6.2). The
// letter, top to bottom, one block per paragraph:
//   发文字号    三号仿宋, centred (here above the title: a letter has no 版头)
//   (blank)
//   标题        二号小标宋, centred, one or more lines (7.3.1)
//   (blank)
//   主送        flush left, full-width colon (7.3.2)
//   正文        三号仿宋, justified, first line indented two characters (7.3.3)
//   附件说明    a blank line, then 附件：1．… indented two characters, wrapped
//               lines aligned with the name (7.3.4)
//   (2 blanks)  room for the seal, which must touch the text above (7.3.5.1)
//   署名        centred over the date
//   成文日期    right-aligned, four characters from the right (7.3.5.1)
//   附注        （…）, two characters from the left, below the date (7.3.6)
// Page numbers: 四号 (14 pt) 宋体 “— 1 —”, 7 mm below the 版心; odd pages one
// character from the right, even pages one character from the left (7.5).
// The last text line, the blanks, the signature and the date stay on one page
// (the signature never stands alone on a page, 7.3.5.5).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "letters/letters.h"

namespace gk::letters::layout {

// ---- Page (GB/T 9704-2012 6.1, 6.2) ---------------------------------------------------
inline constexpr double kPageWidthMm = 210;  // A4
inline constexpr double kPageHeightMm = 297;
inline constexpr double kTopMm = 37;
inline constexpr double kBottomMm = 35;
inline constexpr double kLeftMm = 28;
inline constexpr double kRightMm = 26;
inline constexpr int kLinesPerPage = 22;
inline constexpr int kCharsPerLine = 28;
// 225 mm / 22 lines ≈ 28.99 pt; Word's customary exact spacing is 28.95 pt
// (579 twips), which keeps 22 lines on the page.
inline constexpr int kLinePitchTwips = 579;
inline constexpr double kLinePitchPt = kLinePitchTwips / 20.0;
inline constexpr double kPageNumberGapMm = 7;  // 7.5: 一字线上距版心下边缘 7 mm

inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline double MmToPt(double mm) { return mm * kPointsPerMm; }

// ---- Fonts ----------------------------------------------------------------------------
enum class Face {
  kTitle,       // 二号 (22 pt) 方正小标宋简体, else 宋体
  kBody,        // 三号 (16 pt) 仿宋
  kPageNumber,  // 四号 (14 pt) 宋体
};

struct Font {
  double size_pt = 0;
  std::string_view word;      // the name Word knows (w:rFonts)
  std::string_view word_alt;  // w:altName in fontTable.xml: Word's substitute
  // Pango/fontconfig families, best first: the Windows names when installed,
  // else Noto CJK SC (fonts-noto-cjk), else the generic family.
  std::string_view families;
  bool heavy = false;  // ask for a semibold weight (小标宋 is a heavy Song)
};
const Font& FontOf(Face f);

// ---- Blocks ---------------------------------------------------------------------------
enum class Role {
  kDocNo,
  kTitle,
  kAddressee,
  kBody,
  kAttachment,
  kBlank,
  kSignature,
  kDate,
  kNote,
};
enum class Align { kLeft, kCenter, kRight, kJustify };

// One paragraph on the page. Indents are in body characters (三号, one grid
// character): first_indent moves the first line right; `hanging` moves every
// line after the first right (the first stays at left_indent).
struct Block {
  Role role = Role::kBody;
  Face face = Face::kBody;
  Align align = Align::kJustify;
  std::string text;  // "\n" is a line break (titles only); "" for a blank line
  double first_indent = 0;
  double left_indent = 0;
  double hanging = 0;
  double right_indent = 0;
  bool keep_with_next = false;  // on the same page as the next block
};

// A letter can be laid out when it has a title and an issuer; else
// Status::Invalid naming the field (letter.title, letter.issuer).
Status Check(const Letter& letter);

// The blocks of a letter in order, texts cleaned (CleanText).
std::vector<Block> Blocks(const Letter& letter);

// Width of text in body characters: CJK and full-width characters count 1,
// others ½ (the proportions of a CJK font).
double WidthInChars(std::string_view utf8);

// UTF-8 fit for XML and PDF: invalid bytes become U+FFFD; control characters
// go (a tab becomes a space), "\n" stays.
std::string CleanText(std::string_view utf8);

// The page number text of GB/T 9704 7.5: “— 3 —”.
std::string PageNumber(int page);

}  // namespace gk::letters::layout
