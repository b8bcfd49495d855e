#!/usr/bin/env bash
# Installs the Debian bookworm packages tdkt needs to build, run and test. Idempotent: installs
# only what is missing, and runs apt-get update only when something is. Needs root (or sudo).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config make clang-format clang-tidy
  # libFuzzer and the sanitizers' runtime for `make fuzz` (the fuzz preset builds with clang)
  clang libclang-rt-14-dev
  # libraries
  libcpp-httplib-dev nlohmann-json3-dev libsoci-dev libboost-dev libsqlite3-dev libpq-dev
  libsodium-dev libicu-dev libcli11-dev
  # spreadsheets and documents: XLSX out (libxlsxwriter), XLSX in as XML streams (libzip, expat:
  # ADR 0012), DOCX templates (pugixml), PDF through LibreOffice headless, pdftotext to check the
  # PDF in tests
  libxlsxwriter-dev libzip-dev libexpat1-dev libpugixml-dev libreoffice-writer-nogui poppler-utils
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  postgresql-15 postgresql-client-15 sqlite3 wrk curl python3
  # the deployment test: nginx in front of tdkt with TLS (a certificate made by openssl)
  nginx openssl zlib1g-dev
  # browser tests: Debian's Chromium (never a downloaded browser) and fonts with Vietnamese glyphs
  chromium fonts-liberation fonts-liberation2 fonts-dejavu-core
)
# Node.js and npm for the browser-test tooling, unless the machine already has them.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  # Packages such as nginx start their service on installation; on a build or CI machine
  # nothing may listen on a public address, so services are kept from starting (policy-rc.d).
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
  fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ -n "$policy" ]; then $sudo rm -f "$policy"; fi
fi

# npm packages, from their lock files, only when a lock file changed: the front-end assets the
# build compiles into the binary (web/) and the browser-test tooling (tests/e2e/).
root="$(dirname "$0")/.."
for folder in "$root/web" "$root/tests/e2e"; do
  if [ -f "$folder/package-lock.json" ]; then
    stamp="$folder/node_modules/.tdkt-lock"
    if [ ! -f "$stamp" ] || ! cmp -s "$folder/package-lock.json" "$stamp"; then
      echo "install-deps: npm ci in ${folder#"$root/"}"
      (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
      cp "$folder/package-lock.json" "$stamp"
    fi
  fi
done
