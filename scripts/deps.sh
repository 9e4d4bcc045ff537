#!/usr/bin/env bash
# Installs the Debian 12 packages Gongkai needs to build, test and run.
# Non-interactive; installs only what is missing. Runs as root (or with sudo).
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ pkg-config make
  # libraries
  libicu-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev libssl-dev libsodium-dev
  # PostgreSQL store (postgresql://… URLs): libpqxx to build; the server for
  # the tests' throwaway cluster (scripts/pg-test-cluster.sh) and benchmarks
  libpqxx-dev postgresql-15
  # e-mail notices to applicants over SMTP (serve --smtp)
  libcurl4-openssl-dev
  # XLSX written with libxlsxwriter, read back with libzip + pugixml
  libxlsxwriter-dev libzip-dev libpugixml-dev
  # reading published reports: HTML (gumbo) and PDF (poppler-cpp)
  libgumbo-dev libpoppler-cpp-dev
  # letters: DOCX (libzip + pugixml) and PDF (cairo + pango) with Chinese fonts
  libcairo2-dev libpango1.0-dev fonts-noto-cjk
  # tests, benchmarks and fuzzing
  libgtest-dev libgmock-dev libbenchmark-dev clang-14 libclang-rt-14-dev
  # PDF tests read letters back with pdftotext / pdfinfo / pdffonts
  poppler-utils
  # tests that open generated spreadsheets in a real reader
  libreoffice-calc-nogui
  # tests that open the DOCX letters in a real word processor (skipped without it)
  libreoffice-writer-nogui
  # HTTP benchmarks (scripts/bench-http.sh, scripts/bench-http-search.sh)
  wrk curl
  # benchmarks only, never linked into the product: Xapian is the search
  # engine catalog search is measured against (bench/search_bench), nginx
  # serving a static file is the ceiling for the portal's requests per second
  libxapian-dev nginx-light
  # browser tests (tests/e2e/): Debian's Chromium driven by npm playwright-core
  chromium nodejs npm
)

missing=()
for p in "${PACKAGES[@]}"; do
  # A Node.js from another source (NodeSource's nodejs) bundles npm and
  # conflicts with Debian's npm package: the command is enough then.
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages of the browser tests (playwright-core, which never downloads
# a browser, and axe-core): installed from package-lock.json when node_modules is missing or
# older than the lockfile.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
   [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  echo "deps: npm ci (browser tests)" >&2
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
