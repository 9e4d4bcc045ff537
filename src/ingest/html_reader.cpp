#include "ingest/html_reader.h"

#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "core/text.h"
#include "ingest/flat_text.h"

namespace gk::ingest {
namespace {

constexpr int kMaxDepth = 400;
constexpr size_t kMaxNesting = 1000;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BR:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TITLE: case GUMBO_TAG_BODY: case GUMBO_TAG_FORM:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

bool Skipped(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
         t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH ||
         t == GUMBO_TAG_META || t == GUMBO_TAG_LINK;
}

class Walker {
 public:
  void Block(const GumboNode* node, int depth);
  void Finish() { Flush(); }
  FlatText out;

 private:
  void Flush() {
    out.Paragraph(line_);
    line_.clear();
  }
  void Table(const GumboNode* table, int depth);
  void Rows(const GumboNode* node, std::vector<const GumboNode*>& rows, int depth);
  static void CellTextOf(const GumboNode* node, std::string& s, int depth);
  static bool HoldsTable(const GumboNode* node, int depth);
  std::string line_;
};

void AppendImage(const GumboElement& el, std::string& s) {
  const GumboAttribute* alt = gumbo_get_attribute(&el.attributes, "alt");
  s += " [image: ";
  s += alt ? alt->value : "";
  s += "] ";
}

void Walker::CellTextOf(const GumboNode* node, std::string& s, int depth) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    s += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& el = node->v.element;
  if (Skipped(el.tag)) return;
  if (el.tag == GUMBO_TAG_IMG) {
    AppendImage(el, s);
    return;
  }
  const bool block = IsBlock(el.tag);
  if (block) s += ' ';
  for (unsigned i = 0; i < el.children.length; ++i) {
    CellTextOf(static_cast<const GumboNode*>(el.children.data[i]), s, depth + 1);
  }
  if (block) s += ' ';
}

// Paragraph-like elements below `node` (stops counting at `limit`).
int CountParagraphs(const GumboNode* node, int depth, int limit) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return 0;
  int n = 0;
  const GumboElement& el = node->v.element;
  for (unsigned i = 0; i < el.children.length && n < limit; ++i) {
    const auto* c = static_cast<const GumboNode*>(el.children.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_LI || t == GUMBO_TAG_H1 ||
        t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4) {
      ++n;
    }
    n += CountParagraphs(c, depth + 1, limit - n);
  }
  return n;
}

bool Walker::HoldsTable(const GumboNode* node, int depth) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& el = node->v.element;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(el.children.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    if (c->v.element.tag == GUMBO_TAG_TABLE || HoldsTable(c, depth + 1)) return true;
  }
  return false;
}

// The <tr> of a table in order (thead, tbody, tfoot, or directly), not those
// of nested tables.
void Walker::Rows(const GumboNode* node, std::vector<const GumboNode*>& rows, int depth) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(el.children.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_TR) {
      rows.push_back(c);
    } else if (t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TFOOT) {
      Rows(c, rows, depth + 1);
    }
  }
}

void Walker::Table(const GumboNode* table, int depth) {
  Flush();
  const GumboElement& tel = table->v.element;
  for (unsigned i = 0; i < tel.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(tel.children.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_CAPTION) {
      Block(c, depth + 1);
      Flush();
    }
  }
  std::vector<const GumboNode*> rows;
  Rows(table, rows, depth + 1);
  for (const GumboNode* tr : rows) {
    std::vector<const GumboNode*> cells;
    bool nested = false;
    const GumboElement& rel = tr->v.element;
    for (unsigned i = 0; i < rel.children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(rel.children.data[i]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      if (c->v.element.tag != GUMBO_TAG_TD && c->v.element.tag != GUMBO_TAG_TH) continue;
      cells.push_back(c);
      // A layout cell holds a table, or reads like a page (paragraphs, not
      // a label wrapped once).
      nested = nested || HoldsTable(c, depth + 2) || CountParagraphs(c, depth + 2, 4) >= 4;
    }
    if (nested) {
      // A layout table: its cells are containers of blocks.
      for (const GumboNode* c : cells) {
        Block(c, depth + 2);
        Flush();
      }
      continue;
    }
    std::vector<std::string> texts;
    for (const GumboNode* c : cells) {
      std::string s;
      CellTextOf(c, s, depth + 2);
      texts.push_back(std::move(s));
    }
    // A one-cell row (a block row such as 第二十条第（一）项) is a line of its
    // own; any other row, even all empty, keeps its cells.
    if (texts.size() == 1) {
      out.Paragraph(texts[0]);
    } else {
      out.Row(texts);
    }
  }
  out.EndTable();
}

void Walker::Block(const GumboNode* node, int depth) {
  if (depth > kMaxDepth || out.full()) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    line_ += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
      node->type != GUMBO_NODE_DOCUMENT) {
    return;
  }
  const GumboVector* children = nullptr;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    children = &node->v.document.children;
  } else {
    const GumboElement& el = node->v.element;
    if (Skipped(el.tag)) return;
    if (el.tag == GUMBO_TAG_TABLE) {
      Table(node, depth);
      return;
    }
    if (el.tag == GUMBO_TAG_IMG) {
      AppendImage(el, line_);
      return;
    }
    if (IsBlock(el.tag)) Flush();
    children = &el.children;
  }
  for (unsigned i = 0; i < children->length; ++i) {
    Block(static_cast<const GumboNode*>(children->data[i]), depth + 1);
  }
  if (node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag)) Flush();
}

// Decodes with ICU; an illegal sequence becomes U+FFFD (the page declared
// this charset, so a stray byte must not make the whole page unreadable).
Result<std::string> DecodeWith(const char* charset, std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err)) return Status::Unreadable(std::string("no converter for ") + charset);
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
  std::u16string u16(bytes.size() * 2 + 4, u'\0');
  const int32_t n = ucnv_toUChars(cnv.get(), u16.data(), static_cast<int32_t>(u16.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::Unreadable(std::string("not valid ") + charset);
  u16.resize(static_cast<size_t>(n));
  std::u32string u32;
  for (size_t i = 0; i < u16.size(); ++i) {
    char32_t c = u16[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 &&
        u16[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    }
    u32 += c;
  }
  return text::ToUtf8(u32);
}

// An upper estimate of how deep elements nest: start tags minus end tags,
// leaving out void elements, "/>" and the elements whose end tag is optional
// (p, li, td, …: the parser closes them itself). gumbo's parser slows down
// quadratically and its clean-up recurses with the depth, so hostile pages
// are refused before parsing.
size_t NestingEstimate(std::string_view html) {
  static constexpr std::string_view kNotCounted[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "tbody",
      "thead", "tfoot", "colgroup", "optgroup", "rt", "rp"};
  size_t depth = 0, max_depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (i + 1 >= html.size()) break;
    const bool end = html[i + 1] == '/';
    size_t j = i + (end ? 2 : 1);
    size_t k = j;
    while (k < html.size() && std::isalnum(static_cast<unsigned char>(html[k]))) ++k;
    if (k == j) continue;  // "<!--", "< ", text
    const std::string name = Lower(html.substr(j, k - j));
    bool counted = true;
    for (std::string_view n : kNotCounted) counted = counted && n != name;
    if (!counted) continue;
    const size_t close = html.find('>', k);
    if (!end && close != std::string_view::npos && close > 0 && html[close - 1] == '/') continue;
    if (end) {
      if (depth > 0) --depth;
    } else {
      max_depth = std::max(max_depth, ++depth);
    }
  }
  return max_depth;
}

}  // namespace

std::string DeclaredHtmlCharset(std::string_view raw) {
  const std::string head = Lower(raw.substr(0, 4096));
  size_t pos = head.find("charset");
  while (pos != std::string::npos) {
    size_t i = pos + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' ||
                               head[i] == '\'')) {
      ++i;
    }
    size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
    pos = head.find("charset", pos + 7);
  }
  return "";
}

Result<std::string> DecodeHtml(std::string_view raw, std::string& encoding) {
  const bool bom = raw.substr(0, 3) == "\xEF\xBB\xBF" || raw.substr(0, 2) == "\xFF\xFE" ||
                   raw.substr(0, 2) == "\xFE\xFF";
  // Valid UTF-8 wins over a declared GBK charset: pages re-encoded by a
  // server often keep the old <meta>; real GBK text is almost never valid UTF-8.
  if (!bom && !text::IsValidUtf8(raw)) {
    const std::string cs = DeclaredHtmlCharset(raw);
    if (cs == "gbk" || cs == "gb2312" || cs == "gb18030" || cs == "x-gbk" || cs == "cp936") {
      auto r = DecodeWith("GB18030", raw);
      if (r.ok()) {
        encoding = "gb18030";
        return r;
      }
    }
  }
  auto d = text::DecodeToUtf8(raw);
  if (!d.ok()) return d.status();
  encoding = text::EncodingName(d->encoding);
  return std::move(d->utf8);
}

Result<std::string> HtmlToText(std::string_view utf8) {
  if (utf8.size() > FlatText::kMaxBytes) utf8 = utf8.substr(0, FlatText::kMaxBytes);
  if (NestingEstimate(utf8) > kMaxNesting) {
    return Status::Unreadable("HTML: elements nested more than " + std::to_string(kMaxNesting) +
                              " deep (not a published page)");
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  if (output == nullptr) return Status::Unreadable("the HTML page could not be parsed");
  Walker w;
  w.Block(output->document, 0);
  w.Finish();
  gumbo_destroy_output(&options, output);
  return w.out.text();
}

}  // namespace gk::ingest
