// Test support: run the real `gongkai` binary as a child process.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace gk::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] with the arguments, feeding `input` on stdin; waits for exit.
ProcessResult Run(const std::vector<std::string>& argv, const std::string& input = "");

// A background child (e.g. `gongkai serve`) with stderr captured to a file.
class Background {
 public:
  Background(const std::vector<std::string>& argv, const std::string& stderr_path);
  ~Background();
  // Sends `sig` and waits; returns the exit code (-1 if killed by a signal).
  int Stop(int sig);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreePort();
// A fresh temporary directory, removed by the caller.
std::string MakeTempDir();
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

}  // namespace gk::testing
