// The proactive-disclosure record (主动公开政府信息) of the catalog, and its
// validation. Pure: no I/O, no clock. Validation messages are Simplified
// Chinese and name the field both by its key and its Chinese label.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace gk::catalog {

// 文件类型: the annual report's section 二 counts 规章 and 行政规范性文件.
enum class DocType { kRule, kNormative, kOther };
std::string_view DocTypeLabel(DocType t);  // 规章 | 行政规范性文件 | 其他
std::optional<DocType> ParseDocType(std::string_view label);

// 有效性 of a 规章 / 规范性文件.
enum class Validity { kInForce, kExpired, kRepealed };
std::string_view ValidityLabel(Validity v);  // 有效 | 失效 | 废止
std::optional<Validity> ParseValidity(std::string_view label);

// Workflow: an editor drafts, a reviewer does 保密审查 and publishes; a
// published record may be withdrawn (with a reason). Only kPublished is shown
// publicly.
enum class RecordStatus { kDraft, kInReview, kPublished, kWithdrawn };
std::string_view StatusKey(RecordStatus s);    // draft | in_review | published | withdrawn
std::string_view StatusLabel(RecordStatus s);  // 草稿 | 待审查 | 已发布 | 已撤回
std::optional<RecordStatus> ParseStatus(std::string_view key);

// 组配分类: topic (主题), genre (体裁) and service object (服务对象).
struct Classifications {
  std::string topic;
  std::string genre;
  std::string audience;
};

inline constexpr int kArt20Items = 15;  // Regulation Art. 20 (law.md §2.2)
// Short Chinese label of an Art. 20 item (1..15), "" otherwise.
std::string_view Art20ItemLabel(int item);

struct Record {
  int64_t id = 0;  // 0 until stored
  std::string agency_id;
  std::string index_no;  // 索引号, unique per agency
  std::string title;
  std::string publisher;             // 发布机构
  std::optional<Date> formed_on;     // 成文日期
  std::optional<Date> published_on;  // 发布日期
  std::string doc_no;                // 文号
  DocType doc_type = DocType::kOther;
  std::string category;  // 公开目录 category, free text
  Classifications classifications;
  std::optional<int> art20_item;  // 1..15
  std::optional<Validity> validity;
  std::optional<Date> validity_changed_on;
  std::string body;
  bool pinned = false;  // 置顶
  int pin_order = 0;    // among pinned records, smaller first
  RecordStatus status = RecordStatus::kDraft;
};

struct FieldError {
  std::string field;    // the JSON key, e.g. "title"
  std::string message;  // Chinese, names the field
};

// Limits (in characters = code points).
inline constexpr size_t kMaxIndexNo = 64;
inline constexpr size_t kMaxTitle = 500;
inline constexpr size_t kMaxPublisher = 200;
inline constexpr size_t kMaxCategory = 50;
inline constexpr size_t kMaxDocNo = 100;
inline constexpr size_t kMaxClassification = 50;
inline constexpr size_t kMaxBodyBytes = 2 * 1024 * 1024;
inline constexpr int kMaxPinOrder = 9999;

// The first rule `r` breaks, or nullopt. Rules: agency_id, index_no, title,
// publisher, category are non-empty valid UTF-8 within their limits (no
// control characters); a published or withdrawn record has published_on;
// formed_on ≤ published_on; validity_changed_on needs validity and is not
// before formed_on; art20_item in 1..15; pin_order in 0..9999.
std::optional<FieldError> Validate(const Record& r);

// Number of code points of valid UTF-8 (invalid input counts bytes).
size_t CharCount(std::string_view utf8);

}  // namespace gk::catalog
