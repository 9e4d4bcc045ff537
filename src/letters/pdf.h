// A letter as PDF, drawn with cairo (PDF surface writing to memory) and laid
// out with pango (line breaking with the Chinese rules of UAX #14 —
// no full stop at a line start —, justification, font fallback).
//
// Layout as layout.h (GB/T 9704-2012): A4, margins 37/35/28/26 mm, a grid of
// 22 lines of 28 characters (line pitch 28.95 pt; body letters spaced so 28
// 三号 characters fill the 156 mm line), as many pages as the text needs,
// page numbers “— n —” 7 mm below the text area, odd right / even left.
// Fonts: 仿宋 / 方正小标宋简体 / 宋体 when installed, else Noto Serif CJK SC
// (fonts-noto-cjk); the fonts used are embedded as subsets with their
// Unicode mapping, so text can be extracted and searched.
//
// The output is deterministic: the creation date in the metadata is the
// letter's date, not the clock. Safe to call from several threads at once
// (pango's default font map is per thread; fontconfig is thread-safe).
#pragma once

#include <string>

#include "core/status.h"
#include "letters/letters.h"

namespace gk::letters {

// Invalid when the letter has no title or issuer (layout::Check); Internal
// when no font covering Chinese is installed or cairo fails (the message
// names the step). Nothing throws.
Result<std::string> RenderPdf(const Letter& letter);

}  // namespace gk::letters
