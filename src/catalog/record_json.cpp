#include "catalog/record_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace gk::catalog {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

struct FieldReader {
  const json& obj;
  std::optional<FieldError> error;

  // The string at `key`; "" when absent/null (required fields are checked by
  // Validate, which names them).
  std::string Text(const char* key, const char* label) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return "";
    if (!it->is_string()) {
      Fail(key, std::string(key) + "（" + label + "）：应为文本");
      return "";
    }
    return it->get<std::string>();
  }
  std::optional<Date> DateAt(const char* key, const char* label) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      Fail(key, std::string(key) + "（" + label + "）：应为 年-月-日 格式的文本，如 2024-03-01");
      return std::nullopt;
    }
    auto d = Date::Parse(it->get<std::string>());
    if (!d.ok()) {
      Fail(key,
           std::string(key) + "（" + label + "）：日期格式不正确，应为 年-月-日，如 2024-03-01");
      return std::nullopt;
    }
    return *d;
  }
  void Fail(const char* key, std::string msg) {
    if (!error) error = FieldError{key, std::move(msg)};
  }
};

}  // namespace

std::variant<Record, FieldError> RecordFromImportJson(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return FieldError{"line", "不是有效的 JSON"};
  if (!j.is_object()) return FieldError{"line", "应为一个 JSON 对象"};
  FieldReader f{j, std::nullopt};
  Record r;
  r.status = RecordStatus::kPublished;
  r.agency_id = f.Text("agency_id", "机构");
  r.index_no = f.Text("index_no", "索引号");
  r.title = f.Text("title", "标题");
  r.publisher = f.Text("publisher", "发布机构");
  r.published_on = f.DateAt("published_on", "发布日期");
  r.category = f.Text("category", "目录分类");
  r.doc_no = f.Text("doc_no", "文号");
  const std::string doc_type = f.Text("doc_type", "文件类型");
  if (!doc_type.empty()) {
    if (auto t = ParseDocType(doc_type))
      r.doc_type = *t;
    else
      f.Fail("doc_type", "doc_type（文件类型）：应为 规章、行政规范性文件 或 其他");
  }
  r.formed_on = f.DateAt("formed_on", "成文日期");
  const std::string validity = f.Text("validity", "有效性");
  if (!validity.empty()) {
    if (auto v = ParseValidity(validity))
      r.validity = *v;
    else
      f.Fail("validity", "validity（有效性）：应为 有效、失效 或 废止");
  }
  r.validity_changed_on = f.DateAt("validity_changed_on", "有效性变更日期");
  r.body = f.Text("body", "正文");
  r.classifications.topic = f.Text("topic", "主题分类");
  r.classifications.genre = f.Text("genre", "体裁分类");
  r.classifications.audience = f.Text("audience", "服务对象分类");
  if (auto it = j.find("art20_item"); it != j.end() && !it->is_null()) {
    if (it->is_number_integer())
      r.art20_item = static_cast<int>(std::clamp<int64_t>(it->get<int64_t>(), -1, 99));
    else
      f.Fail("art20_item", "art20_item（条例第二十条事项）：应为 1 至 15 的整数");
  }
  if (f.error) return *f.error;
  if (auto e = Validate(r)) return *e;
  return r;
}

std::string RecordToJson(const Record& r) {
  auto opt_date = [](const std::optional<Date>& d) {
    return d ? ordered_json(d->ToString()) : ordered_json(nullptr);
  };
  ordered_json j;
  j["id"] = r.id;
  j["agency_id"] = r.agency_id;
  j["index_no"] = r.index_no;
  j["title"] = r.title;
  j["publisher"] = r.publisher;
  j["formed_on"] = opt_date(r.formed_on);
  j["published_on"] = opt_date(r.published_on);
  j["doc_no"] = r.doc_no;
  j["doc_type"] = DocTypeLabel(r.doc_type);
  j["category"] = r.category;
  j["topic"] = r.classifications.topic;
  j["genre"] = r.classifications.genre;
  j["audience"] = r.classifications.audience;
  j["art20_item"] = r.art20_item ? ordered_json(*r.art20_item) : ordered_json(nullptr);
  j["validity"] = r.validity ? ordered_json(ValidityLabel(*r.validity)) : ordered_json(nullptr);
  j["validity_changed_on"] = opt_date(r.validity_changed_on);
  j["body"] = r.body;
  j["pinned"] = r.pinned;
  j["pin_order"] = r.pin_order;
  j["status"] = StatusKey(r.status);
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace gk::catalog
