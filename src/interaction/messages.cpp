#include "interaction/messages.h"

#include <algorithm>

#include "core/text.h"
#include "law/deadline.h"

namespace gk::interaction {

using text::IsValidUtf8;
using text::SearchKey;
using text::ToUtf32;
using text::ToUtf8;
namespace {

bool IsControl(char32_t c) { return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f; }

// Checks a text field: valid UTF-8, no control characters, within limits.
std::optional<FieldError> CheckText(std::string_view key, std::string_view label,
                                    std::string& value, size_t min, size_t max) {
  value = Trim(value);
  const std::string k(key), l(label);
  if (!IsValidUtf8(value)) return FieldError{k, k + "（" + l + "）：含有无法识别的字符"};
  const std::u32string u = ToUtf32(value);
  if (u.size() < min) return FieldError{k, k + "（" + l + "）：必须填写"};
  if (u.size() > max)
    return FieldError{k, k + "（" + l + "）：不能超过 " + std::to_string(max) + " 个字"};
  for (char32_t c : u) {
    if (IsControl(c)) return FieldError{k, k + "（" + l + "）：含有不可见的控制字符"};
  }
  return std::nullopt;
}

}  // namespace

std::string Trim(std::string_view s) {
  auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
  auto ends = [&](std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
  };
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                       s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (starts("\u3000")) {
      s.remove_prefix(3);
    } else if (!s.empty() &&
               (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (ends("\u3000")) {
      s.remove_suffix(3);
    } else {
      return std::string(s);
    }
  }
}

size_t CharCount(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::optional<FieldError> ValidateMessage(MessageInput& in, bool agency_known) {
  in.agency_id = Trim(in.agency_id);
  if (in.agency_id.empty()) return FieldError{"agency_id", "agency_id（留言机关）：必须选择"};
  if (!agency_known) return FieldError{"agency_id", "agency_id（留言机关）：没有这个机关"};
  if (auto e = CheckText("name", "姓名", in.name, 1, kMaxName)) return e;
  in.phone = Trim(in.phone);
  size_t digits = 0;
  for (char c : in.phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      return FieldError{"phone", "phone（联系电话）：只能包含数字、空格和 +-()"};
    }
  }
  if (in.phone.size() > 20 || digits < 5)
    return FieldError{"phone", "phone（联系电话）：应为 5 至 20 位的手机或固定电话号码"};
  if (auto e = CheckText("title", "标题", in.title, 1, kMaxTitle)) return e;
  if (auto e = CheckText("body", "留言内容", in.body, 1, kMaxBody)) return e;
  return std::nullopt;
}

std::optional<FieldError> ValidateComment(std::string& name, std::string& body) {
  if (auto e = CheckText("name", "姓名", name, 0, kMaxName)) return e;
  if (auto e = CheckText("body", "内容", body, 1, kMaxComment)) return e;
  return std::nullopt;
}

std::string MaskName(std::string_view name) {
  const std::u32string u = ToUtf32(Trim(name));
  if (u.empty()) return "匿名";
  std::u32string out(1, u[0]);
  out.append(std::max<size_t>(u.size() - 1, 1), U'*');
  return ToUtf8(out);
}

std::string MaskPhone(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() >= 11) {
    return digits.substr(0, 3) + std::string(digits.size() - 7, '*') +
           digits.substr(digits.size() - 4);
  }
  if (digits.size() <= 2) return std::string(digits.size(), '*');
  return std::string(digits.size() - 2, '*') + digits.substr(digits.size() - 2);
}

std::string MaskNumbersInText(std::string_view text) {
  // Full-width digits count as digits; everything else is kept as written.
  const std::u32string u = ToUtf32(text);
  auto digit = [](char32_t c) -> char {
    if (c >= U'0' && c <= U'9') return static_cast<char>(c);
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<char>('0' + (c - 0xFF10));
    return 0;
  };
  std::u32string out;
  size_t i = 0;
  while (i < u.size()) {
    if (!digit(u[i])) {
      out += u[i++];
      continue;
    }
    std::string run;
    size_t j = i;
    while (j < u.size() && (digit(u[j]) || ((u[j] == U'X' || u[j] == U'x') && j > i))) {
      run += digit(u[j]) ? digit(u[j]) : 'X';
      ++j;
    }
    if (run.size() >= 7) {
      const std::string masked = MaskPhone(run);
      out += std::u32string(masked.begin(), masked.end());
    } else {
      out += u.substr(i, j - i);
    }
    i = j;
  }
  return ToUtf8(out);
}

const std::vector<std::string>& SensitiveWords() {
  static const std::vector<std::string> kWords = {
      "法轮", "代开发票", "发票代开", "办证", "刻章", "赌博", "博彩", "六合彩", "贷款秒批",
      "套现", "枪支", "毒品", "冰毒", "色情", "约炮", "傻逼", "操你", "去死", "杀了你",
      "炸药", "加微信", "加qq", "兼职刷单", "刷单",
  };
  return kWords;
}

std::vector<std::string> SensitiveHits(std::string_view text) {
  std::string key = SearchKey(text);
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == ' '; }), key.end());
  std::vector<std::string> hits;
  for (const std::string& w : SensitiveWords()) {
    if (key.find(SearchKey(w)) != std::string::npos) hits.push_back(w);
  }
  return hits;
}

Date AnswerDue(const law::Calendar& cal, Date received, int days) {
  return law::DueAfterWorkingDays(cal, received, std::max(days, 1));
}

std::string_view MessageStatusLabel(std::string_view status) {
  if (status == kHeld) return "待审核";
  if (status == kOpen) return "办理中";
  if (status == kAnswered) return "已答复";
  if (status == kDismissed) return "不予处理";
  return "";
}

std::string_view EventKindLabel(std::string_view kind) {
  if (kind == kInterview) return "在线访谈";
  if (kind == kPress) return "新闻发布会";
  if (kind == kOpenDay) return "政府开放日";
  return "";
}

const std::vector<std::string>& Platforms() {
  static const std::vector<std::string> kPlatforms = {"网站", "微信", "微博", "抖音", "快手",
                                                      "今日头条", "视频号", "其他"};
  return kPlatforms;
}

bool KnownPlatform(std::string_view platform) {
  const auto& p = Platforms();
  return std::find(p.begin(), p.end(), platform) != p.end();
}

}  // namespace gk::interaction
