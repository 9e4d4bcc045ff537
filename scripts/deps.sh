#!/usr/bin/env bash
# Installs the Debian 12 packages Gongkai needs to build, test and run.
# Non-interactive; installs only what is missing. Runs as root (or with sudo).
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ pkg-config make
  # libraries
  libicu-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev libssl-dev libsodium-dev
  # tests, benchmarks and fuzzing
  libgtest-dev libgmock-dev libbenchmark-dev clang-14 libclang-rt-14-dev
  # HTTP benchmarks (scripts/bench-http.sh)
  wrk curl
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
