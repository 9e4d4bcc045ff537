// Account management by the staff themselves and their administrators
// (interface.md roles): the agency head (agency_admin) manages the accounts of
// its agency, a sysadmin every account; every user changes their own password
// and may turn on two-factor sign-in (TOTP). Changing or resetting a password
// ends the user's other sessions. Messages are Chinese, for the web.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/staff.h"
#include "core/status.h"
#include "store/store.h"

namespace gk::app {

// Forbidden unless `admin` may manage the accounts of `agency_id` with `role`:
// sysadmin any; agency_admin only its own agency and only its roles
// (handler, editor, reviewer, agency_admin).
Status CheckManages(const StaffUser& admin, const std::optional<std::string>& agency_id,
                    std::string_view role);

// The accounts `admin` manages (agency_admin: its agency; sysadmin: all).
Result<std::vector<store::UserRow>> ManagedUsers(store::Store& store, const StaffUser& admin);

// Creates an account (AddUser's checks, messages in Chinese).
Status CreateUserAs(store::Store& store, const StaffUser& admin, const NewUser& user);
// Sets a new password for another account and ends all its sessions.
Status ResetPassword(store::Store& store, const StaffUser& admin, std::string_view username,
                     std::string_view new_password);
// Disables or enables another account (a disabled account cannot sign in;
// its sessions end).
Status SetDisabled(store::Store& store, const StaffUser& admin, std::string_view username,
                   bool disabled);

// The user's own password: the current one is checked; other sessions end.
Status ChangeOwnPassword(store::Store& store, const Session& session, std::string_view current,
                         std::string_view new_password);

// Two-factor sign-in: `secret` (base32, from auth::NewTotpSecret, shown to the
// user) is stored only once `code` proves the authenticator has it.
Status EnableTotp(store::Store& store, const Session& session, std::string_view secret,
                  std::string_view code, int64_t now);
// Turning it off needs the current password.
Status DisableTotp(store::Store& store, const Session& session, std::string_view password);

}  // namespace gk::app
