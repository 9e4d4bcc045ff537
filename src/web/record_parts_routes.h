// Attachments (附件) and links (政策解读, 相关文件) of catalog records on the
// web: the sections of the staff and public record pages, the staff forms
// that change them on drafts, and the downloads (public: published records
// only; staff: their agency's records).
#pragma once

#include <string>

#include <httplib.h>

#include "app/staff.h"
#include "store/store.h"
#include "web/state.h"

namespace gk::web {

// The public record page's 附件, 政策解读 and 相关文件 (published records only).
std::string PublicRecordPartsSection(store::Store& db, const catalog::Record& r);
// The staff record page's attachments and links, with forms on a draft.
std::string AdminRecordPartsSection(store::Store& db, const app::Session& s,
                                    const store::StoredRecord& sr, bool may_change);

void RegisterRecordPartsRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
