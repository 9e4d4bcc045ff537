#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

namespace gk::text {
namespace {

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToStd(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Decodes with an ICU converter, failing on any illegal or unmappable sequence.
Result<std::string> DecodeStrict(const char* charset, std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err)) return Status::Internal(std::string("no converter for ") + charset);
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return Status::Internal("ucnv_setToUCallBack failed");
  icu::UnicodeString u;
  const int32_t cap = static_cast<int32_t>(bytes.size()) + 1;
  UChar* buf = u.getBuffer(cap);
  int32_t n =
      ucnv_toUChars(cnv.get(), buf, cap, bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  u.releaseBuffer(U_SUCCESS(err) ? n : 0);
  if (U_FAILURE(err)) {
    return Status::Unreadable(std::string("not valid ") + charset);
  }
  return ToStd(u);
}

// UTF-16 without BOM: most ASCII text has a zero in every other byte.
std::optional<Encoding> SniffUtf16(std::string_view b) {
  if (b.size() < 4 || b.size() % 2 != 0) return std::nullopt;
  size_t even_zero = 0, odd_zero = 0, pairs = std::min<size_t>(b.size() / 2, 4096);
  for (size_t i = 0; i < pairs; ++i) {
    if (b[2 * i] == 0) ++even_zero;
    if (b[2 * i + 1] == 0) ++odd_zero;
  }
  if (odd_zero * 10 > pairs * 3 && even_zero * 50 < pairs) return Encoding::kUtf16Le;
  if (even_zero * 10 > pairs * 3 && odd_zero * 50 < pairs) return Encoding::kUtf16Be;
  return std::nullopt;
}

}  // namespace

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf8Bom:
      return "utf-8-bom";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
    case Encoding::kGb18030:
      return "gb18030";
  }
  return "unknown";
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and values beyond U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += len;
  }
  return true;
}

Result<Decoded> DecodeToUtf8(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) {
    auto rest = b.substr(3);
    if (!IsValidUtf8(rest))
      return Status::Unreadable("invalid UTF-8 after a UTF-8 byte-order mark");
    return Decoded{std::string(rest), Encoding::kUtf8Bom};
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    const bool le = b[0] == '\xFF';
    auto r = DecodeStrict(le ? "UTF-16LE" : "UTF-16BE", b.substr(2));
    if (!r.ok())
      return Status::Unreadable(std::string("invalid ") + (le ? "UTF-16LE" : "UTF-16BE") + " text");
    return Decoded{std::move(r).value(), le ? Encoding::kUtf16Le : Encoding::kUtf16Be};
  }
  if (auto e = SniffUtf16(b)) {
    auto r = DecodeStrict(*e == Encoding::kUtf16Le ? "UTF-16LE" : "UTF-16BE", b);
    if (r.ok()) return Decoded{std::move(r).value(), *e};
  }
  if (IsValidUtf8(b)) return Decoded{std::string(b), Encoding::kUtf8};
  auto r = DecodeStrict("GB18030", b);
  if (r.ok()) return Decoded{std::move(r).value(), Encoding::kGb18030};
  return Status::Unreadable("the text is neither UTF-8, UTF-16 nor GB18030/GBK");
}

std::string Nfkc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  icu::UnicodeString out = n->normalize(FromUtf8(utf8), err);
  return U_FAILURE(err) ? std::string(utf8) : ToStd(out);
}

std::string SearchKey(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  icu::UnicodeString out = n->normalize(FromUtf8(utf8), err);
  return U_FAILURE(err) ? std::string(utf8) : ToStd(out);
}

std::string ToSimplified(std::string_view utf8) {
  // Transliterators are costly to build and not thread-safe: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> t2s = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) t.reset();
    return t;
  }();
  if (!t2s) return std::string(utf8);
  icu::UnicodeString u = FromUtf8(utf8);
  t2s->transliterate(u);
  return ToStd(u);
}

std::string StripPinyinAnnotations(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  icu::UnicodeString d = nfd->normalize(FromUtf8(utf8), err);
  if (U_FAILURE(err)) return std::string(utf8);
  std::u32string in = ToUtf32(ToStd(d));
  std::u32string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    const bool after_han =
        !out.empty() && u_hasBinaryProperty(static_cast<UChar32>(out.back()), UCHAR_IDEOGRAPHIC);
    if (after_han && (c == U'(' || c == U'（')) {
      size_t j = i + 1;
      int letters = 0;
      while (j < in.size()) {
        char32_t x = in[j];
        if ((x >= U'a' && x <= U'z') || x == U'ü')
          ++letters;
        else if (u_getCombiningClass(static_cast<UChar32>(x)) == 0 &&
                 u_charType(static_cast<UChar32>(x)) != U_NON_SPACING_MARK)
          break;
        ++j;
      }
      if (letters > 0 && letters <= 7 && j < in.size() && (in[j] == U')' || in[j] == U'）')) {
        i = j;  // drop "(pinyin)"
        continue;
      }
    }
    out.push_back(c);
  }
  // Recompose what is left (NFC) so untouched text keeps its usual form.
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString r = FromUtf8(ToUtf8(out));
  if (U_SUCCESS(err)) r = nfc->normalize(r, err);
  return ToStd(r);
}

std::u32string ToUtf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80             ? 1
              : (c & 0xE0) == 0xC0 ? 2
              : (c & 0xF0) == 0xE0 ? 3
              : (c & 0xF8) == 0xF0 ? 4
                                   : 0;
    if (len == 0 || i + len > n) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

}  // namespace gk::text
