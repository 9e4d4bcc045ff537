#include "ingest/tokens.h"

#include <array>
#include <string_view>

namespace gk::ingest {
namespace {

bool IsUnitWord(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kUnits = {"件", "个", "项", "次", "条",
                                                              "家", "份", "人", "元", "万元"};
  for (std::string_view u : kUnits) {
    if (w == u) return true;
  }
  return false;
}

std::vector<std::string_view> SplitWords(std::string_view cell) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < cell.size()) {
    while (i < cell.size() && cell[i] == ' ') ++i;
    const size_t start = i;
    while (i < cell.size() && cell[i] != ' ') ++i;
    if (i > start) words.push_back(cell.substr(start, i - start));
  }
  return words;
}

struct Word {
  std::string text;
  Token token;
};

bool OnlySpaces(std::string_view cell) {
  for (char c : cell) {
    if (c != ' ') return false;
  }
  return true;
}

Item MakeItem(ItemKind kind, int line) {
  Item it;
  it.kind = kind;
  it.line = line;
  return it;
}

void EmitCell(std::string_view cell, int line, std::vector<Item>& out, int& line_values) {
  if (OnlySpaces(cell)) {
    out.push_back(MakeItem(ItemKind::kEmptyCell, line));
    ++line_values;
    return;
  }
  std::vector<Word> words;
  for (std::string_view w : SplitWords(cell)) {
    // "3 件": the unit belongs to the number before it.
    if (!words.empty() && words.back().token.kind == TokenKind::kNumber && IsUnitWord(w)) {
      continue;
    }
    words.push_back(Word{std::string(w), ClassifyToken(w)});
  }
  // Only the words after the last text word are values.
  size_t first_value = words.size();
  while (first_value > 0 && words[first_value - 1].token.kind != TokenKind::kText) --first_value;
  if (first_value > 0) {
    Item t = MakeItem(ItemKind::kText, line);
    for (size_t k = 0; k < first_value; ++k) t.text += words[k].text;
    out.push_back(std::move(t));
  }
  for (size_t k = first_value; k < words.size(); ++k) {
    Item v = MakeItem(ItemKind::kValue, line);
    v.text = std::move(words[k].text);
    v.token = words[k].token;
    out.push_back(std::move(v));
    ++line_values;
  }
}

}  // namespace

std::vector<Item> Tokenize(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<Item> out;
  if (end > lines.size()) end = lines.size();
  for (size_t li = begin; li < end && out.size() < kMaxItems; ++li) {
    const Line& line = lines[li];
    const int idx = static_cast<int>(li);
    if (line.blank) {
      out.push_back(MakeItem(ItemKind::kBlankLine, idx));
      continue;
    }
    int line_values = 0;
    if (line.prose) {
      Item t = MakeItem(ItemKind::kText, idx);
      t.prose = true;
      t.text = line.compact;
      out.push_back(std::move(t));
    } else {
      const std::string_view text = line.text;
      size_t start = 0;
      bool first = true;
      for (size_t i = 0; i <= text.size() && out.size() < kMaxItems; ++i) {
        if (i < text.size() && text[i] != '\t' && text[i] != '|') continue;
        const std::string_view cell = text.substr(start, i - start);
        // A separator that starts the line is indentation (one cell per
        // line, seed 001), not an empty cell.
        if (!(first && i < text.size() && OnlySpaces(cell))) {
          EmitCell(cell, idx, out, line_values);
        }
        first = false;
        start = i + 1;
      }
    }
    Item eol = MakeItem(ItemKind::kEndOfLine, idx);
    eol.line_values = line_values;
    out.push_back(std::move(eol));
  }
  return out;
}

}  // namespace gk::ingest
