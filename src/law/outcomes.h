// How an application ends, and where the annual report counts it
// (law.md §3.9, §3.10, §6.2; report-format.md §2).
//
// Every enum value has a snake_case key (stable: stored in events and JSON)
// and a Chinese label (shown to users). Keys parse back with *FromKey.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "report/model.h"

namespace gk::law {

// Art. 36: exactly the seven kinds of reply, in the article's order (item 1–7).
enum class ReplyType {
  kAlreadyPublic,  // (一) already proactively disclosed: tell how to obtain it
  kDisclose,       // (二) can be disclosed: provide it, or tell how/where/when
  kWithhold,       // (三) not to be disclosed: say so, with reasons (WithholdReason)
  kNotExist,       // (四) does not exist after search
  kNotThisOrgan,   // (五) not this organ's responsibility: name the organ if known
  kRepeat,         // (六) same information applied for again: not processed again
  kSpecialRegime,  // (七) 工商、不动产登记资料 etc.: follow the special rules
};
inline constexpr int kNumReplyTypes = 7;

// The eight 不予公开 sub-rows of report table 三 (report-format.md §2), with
// their legal basis (law.md §1.4).
enum class WithholdReason {
  kStateSecret,      // Art. 14: 国家秘密
  kLawProhibited,    // Art. 14: 法律、行政法规禁止公开
  kThreeSafeties,    // Art. 14: 危及“三安全一稳定”
  kThirdParty,       // Art. 15: 商业秘密、个人隐私 etc.
  kInternalAffairs,  // Art. 16 ¶1: 人事管理、后勤管理、内部工作流程
  kProcessInfo,      // Art. 16 ¶2: 讨论记录、过程稿、磋商信函、请示报告
  kEnforcementFile,  // Art. 16 ¶2: 行政执法案卷
  kQueryMatter,      // report practice: 行政查询事项 (no article of its own)
};
inline constexpr int kNumWithholdReasons = 8;

// Every way an application is concluded, as the annual report counts it.
enum class Outcome {
  kGranted,                  // Art. 36(二) 予以公开
  kAlreadyPublic,            // Art. 36(一) 已主动公开
  kPartial,                  // Art. 37 区分处理 (部分公开)
  kWithheldStateSecret,      // Art. 36(三) + Art. 14
  kWithheldLawProhibited,    // Art. 36(三) + Art. 14
  kWithheldThreeSafeties,    // Art. 36(三) + Art. 14
  kWithheldThirdParty,       // Art. 36(三) + Art. 15
  kWithheldInternalAffairs,  // Art. 36(三) + Art. 16 ¶1
  kWithheldProcessInfo,      // Art. 36(三) + Art. 16 ¶2
  kWithheldEnforcementFile,  // Art. 36(三) + Art. 16 ¶2
  kWithheldQueryMatter,      // Art. 36(三), 行政查询事项
  kNotHeld,                  // Art. 36(四) 经检索没有
  kNotThisOrgan,             // Art. 36(五) 不属于本机关负责公开
  kNeedsCreation,            // Art. 38 需要另行制作/加工、分析
  kUnclearAfterCorrection,   // Art. 30 补正后申请内容仍不明确
  kSpecialRegime,            // Art. 36(七) 按特别规定办理
  kPetition,                 // Art. 39 信访、投诉、举报
  kRepeat,                   // Art. 36(六) 重复申请
  kPublication,              // Art. 39 要求提供公开出版物
  kMassRepeat,               // Art. 35 无正当理由大量反复申请
  kConfirmOrReissue,         // 要求行政机关确认或重新出具已获取信息
  kDeemedWithdrawn,          // Art. 30 逾期不补正，视为放弃申请
  kFeeUnpaid,                // fee rules: 逾期未缴纳信息处理费，视为放弃申请
  kWithdrawn,                // applicant withdrew the application
  kOther,                    // any other ending
};
inline constexpr int kNumOutcomes = 25;

std::span<const ReplyType> AllReplyTypes();
std::span<const WithholdReason> AllWithholdReasons();
std::span<const Outcome> AllOutcomes();

std::string_view Key(ReplyType t);      // e.g. "already_public"
std::string_view Label(ReplyType t);    // e.g. "已主动公开"
std::string_view Article(ReplyType t);  // e.g. "第三十六条第（一）项"
std::optional<ReplyType> ReplyTypeFromKey(std::string_view key);

std::string_view Key(WithholdReason r);    // e.g. "state_secret"
std::string_view Label(WithholdReason r);  // the report's sub-row label, e.g. "属于国家秘密"
std::string_view Article(WithholdReason r);  // e.g. "第十四条"; "" for kQueryMatter
std::optional<WithholdReason> WithholdReasonFromKey(std::string_view key);

std::string_view Key(Outcome o);    // e.g. "withheld_state_secret"
std::string_view Label(Outcome o);  // e.g. "不予公开（属于国家秘密）"
std::optional<Outcome> OutcomeFromKey(std::string_view key);

// The Art. 36 reply an outcome is, where it is one of the seven; nullopt for
// outcomes defined elsewhere (Arts. 30, 35, 37, 38, 39, fees, withdrawal).
// kPartial gives nullopt: an Art. 37 reply combines items (二) and (三).
std::optional<ReplyType> ReplyTypeOf(Outcome o);

std::optional<WithholdReason> WithholdReasonOf(Outcome o);
Outcome WithheldFor(WithholdReason r);

// The table 三 row (三、本年度办理结果) that counts an outcome in a report of
// format `f` (law.md §6.2 item 5; report-format.md §2). In the 2019 format the
// three （六）其他处理 sub-rows collapse into Row3::kOther.
report::Row3 ReportRow(Outcome o, report::Format f);

}  // namespace gk::law
