#include "catalog/record.h"

#include <array>

#include "core/text.h"

namespace gk::catalog {

std::string_view DocTypeLabel(DocType t) {
  switch (t) {
    case DocType::kRule:
      return "规章";
    case DocType::kNormative:
      return "行政规范性文件";
    case DocType::kOther:
      return "其他";
  }
  return "其他";
}

std::optional<DocType> ParseDocType(std::string_view s) {
  for (DocType t : {DocType::kRule, DocType::kNormative, DocType::kOther})
    if (DocTypeLabel(t) == s) return t;
  return std::nullopt;
}

std::string_view ValidityLabel(Validity v) {
  switch (v) {
    case Validity::kInForce:
      return "有效";
    case Validity::kExpired:
      return "失效";
    case Validity::kRepealed:
      return "废止";
  }
  return "有效";
}

std::optional<Validity> ParseValidity(std::string_view s) {
  for (Validity v : {Validity::kInForce, Validity::kExpired, Validity::kRepealed})
    if (ValidityLabel(v) == s) return v;
  return std::nullopt;
}

namespace {
struct StatusNames {
  RecordStatus status;
  std::string_view key, label;
};
constexpr std::array<StatusNames, 4> kStatuses = {{
    {RecordStatus::kDraft, "draft", "草稿"},
    {RecordStatus::kInReview, "in_review", "待审查"},
    {RecordStatus::kPublished, "published", "已发布"},
    {RecordStatus::kWithdrawn, "withdrawn", "已撤回"},
}};
}  // namespace

std::string_view StatusKey(RecordStatus s) {
  for (const auto& n : kStatuses)
    if (n.status == s) return n.key;
  return "draft";
}
std::string_view StatusLabel(RecordStatus s) {
  for (const auto& n : kStatuses)
    if (n.status == s) return n.label;
  return "草稿";
}
std::optional<RecordStatus> ParseStatus(std::string_view key) {
  for (const auto& n : kStatuses)
    if (n.key == key) return n.status;
  return std::nullopt;
}

std::string_view Art20ItemLabel(int item) {
  // Regulation Art. 20, items 1–15 (law.md §2.2), shortened.
  static constexpr std::array<std::string_view, kArt20Items> kLabels = {
      "行政法规、规章和规范性文件",
      "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
      "国民经济和社会发展规划、专项规划、区域规划及相关政策",
      "国民经济和社会发展统计信息",
      "行政许可和其他对外管理服务事项",
      "行政处罚、行政强制",
      "财政预算、决算信息",
      "行政事业性收费项目及其依据、标准",
      "政府集中采购项目",
      "重大建设项目的批准和实施情况",
      "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
      "突发公共事件的应急预案、预警信息及应对情况",
      "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
      "公务员招考的职位、名额、报考条件等事项以及录用结果",
      "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
  };
  if (item < 1 || item > kArt20Items) return "";
  return kLabels[static_cast<size_t>(item - 1)];
}

size_t CharCount(std::string_view s) {
  if (!text::IsValidUtf8(s)) return s.size();
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

bool HasControl(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (c == 0x7F) return true;
    if (c < 0x20) {
      if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) continue;
      return true;
    }
  }
  return false;
}

std::string Label(std::string_view field, std::string_view label) {
  return std::string(field) + "（" + std::string(label) + "）";
}

// Checks one text field; required fields must not be blank.
std::optional<FieldError> CheckText(std::string_view value, std::string_view field,
                                    std::string_view label, bool required, size_t max_chars) {
  const std::string name = Label(field, label);
  if (!text::IsValidUtf8(value))
    return FieldError{std::string(field), name + "：不是有效的 UTF-8 文本"};
  if (required && value.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return FieldError{std::string(field), name + "：不能为空"};
  if (HasControl(value, false)) return FieldError{std::string(field), name + "：含有控制字符"};
  if (CharCount(value) > max_chars)
    return FieldError{std::string(field),
                      name + "：不能超过 " + std::to_string(max_chars) + " 个字符"};
  return std::nullopt;
}

}  // namespace

std::optional<FieldError> Validate(const Record& r) {
  struct TextRule {
    std::string_view value, field, label;
    bool required;
    size_t max;
  };
  const TextRule rules[] = {
      {r.agency_id, "agency_id", "机构", true, 64},
      {r.index_no, "index_no", "索引号", true, kMaxIndexNo},
      {r.title, "title", "标题", true, kMaxTitle},
      {r.publisher, "publisher", "发布机构", true, kMaxPublisher},
      {r.category, "category", "目录分类", true, kMaxCategory},
      {r.doc_no, "doc_no", "文号", false, kMaxDocNo},
      {r.classifications.topic, "topic", "主题分类", false, kMaxClassification},
      {r.classifications.genre, "genre", "体裁分类", false, kMaxClassification},
      {r.classifications.audience, "audience", "服务对象分类", false, kMaxClassification},
  };
  for (const TextRule& t : rules)
    if (auto e = CheckText(t.value, t.field, t.label, t.required, t.max)) return e;
  if (!text::IsValidUtf8(r.body)) return FieldError{"body", "body（正文）：不是有效的 UTF-8 文本"};
  if (HasControl(r.body, true)) return FieldError{"body", "body（正文）：含有控制字符"};
  if (r.body.size() > kMaxBodyBytes) return FieldError{"body", "body（正文）：不能超过 2 MiB"};
  const bool public_once =
      r.status == RecordStatus::kPublished || r.status == RecordStatus::kWithdrawn;
  if (public_once && !r.published_on)
    return FieldError{"published_on", "published_on（发布日期）：已发布的信息必须有发布日期"};
  if (r.formed_on && r.published_on && *r.published_on < *r.formed_on)
    return FieldError{"published_on", "published_on（发布日期）：不能早于成文日期 formed_on"};
  if (r.validity_changed_on && !r.validity)
    return FieldError{"validity_changed_on",
                      "validity_changed_on（有效性变更日期）：须同时填写有效性 validity"};
  if (r.validity_changed_on && r.formed_on && *r.validity_changed_on < *r.formed_on)
    return FieldError{"validity_changed_on",
                      "validity_changed_on（有效性变更日期）：不能早于成文日期 formed_on"};
  if (r.art20_item && (*r.art20_item < 1 || *r.art20_item > kArt20Items))
    return FieldError{"art20_item", "art20_item（条例第二十条事项）：应为 1 至 15 的整数"};
  if (r.pin_order < 0 || r.pin_order > kMaxPinOrder)
    return FieldError{"pin_order", "pin_order（置顶顺序）：应为 0 至 9999 的整数"};
  return std::nullopt;
}

}  // namespace gk::catalog
