// The HTTP server behind `gongkai serve`. Blocks until SIGINT/SIGTERM, then
// stops accepting, finishes in-flight requests and returns.
#pragma once

#include <string>

#include "core/status.h"

namespace gk::web {

struct ServerOptions {
  std::string db_url = "sqlite:var/gongkai.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  bool demo = false;  // load the demo data set first when the database is empty
  std::string smtp_url;   // e-mail notices via this SMTP server ("" = off)
  std::string mail_from;  // sender address of the notices
};

// Opens (creating if needed) the database, loads demo data when asked, then
// serves. Returns a non-ok Status when the server cannot start.
Status RunServer(const ServerOptions& options);

}  // namespace gk::web
