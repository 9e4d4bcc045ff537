// The faces of the printed report (DOCX and PDF), after the habits of
// government documents (GB/T 9704): title in 宋体 二号 bold, section headings
// in 黑体 三号, subsections of 一 in 楷体_GB2312 三号, prose in 仿宋_GB2312
// 三号, tables in 宋体. Word gets the Windows names; pango gets them first,
// then Noto CJK SC (Debian fonts-noto-cjk), then the generic family.
#pragma once

#include <string_view>

namespace gk::report_render {

struct Face {
  std::string_view word;      // w:rFonts (ascii, hAnsi, eastAsia)
  std::string_view word_alt;  // w:altName in fontTable.xml
  std::string_view families;  // pango/fontconfig family list, best first
  double size_pt;
  bool bold;
};

inline constexpr Face kTitleFace{"宋体", "SimSun", "宋体,SimSun,Noto Serif CJK SC,serif", 22, true};
inline constexpr Face kHeadingFace{"黑体", "SimHei", "黑体,SimHei,Noto Sans CJK SC,sans-serif", 16,
                                   false};
inline constexpr Face kSubheadingFace{"楷体_GB2312", "KaiTi",
                                      "楷体_GB2312,楷体,KaiTi,Noto Serif CJK SC,serif", 16, false};
inline constexpr Face kBodyFace{"仿宋_GB2312", "FangSong",
                                "仿宋_GB2312,仿宋,FangSong,Noto Serif CJK SC,serif", 16, false};
inline constexpr Face kTableFace{"宋体", "SimSun", "宋体,SimSun,Noto Serif CJK SC,serif", 9, false};
inline constexpr Face kTableHeaderFace{"黑体", "SimHei", "黑体,SimHei,Noto Sans CJK SC,sans-serif",
                                       9, false};

}  // namespace gk::report_render
