#!/usr/bin/env bash
# Machine setup for the end-to-end tests (Debian, as root; idempotent).
# Installs Chromium (driven by playwright-core), ripgrep, and what code-server's
# native modules need to build, then seeds the cache @vscode/ripgrep looks in,
# so its postinstall uses Debian's rg instead of downloading one.
set -euo pipefail

seed_only=false
[[ "${1:-}" == "--seed-ripgrep-only" ]] && seed_only=true

packages=(chromium ripgrep libkrb5-dev fonts-liberation g++ make python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if $seed_only; then
  :
elif ((${#missing[@]})); then
  echo "== apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "== Debian packages already installed"
fi

# @vscode/ripgrep 1.15.11 (a code-server dependency) first looks for its archive here.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$archive" ]]; then
  staging=$(mktemp -d)
  cp /usr/bin/rg "$staging/rg"
  mkdir -p "$cache"
  tar czf "$archive" -C "$staging" rg
  rm -rf "$staging"
  echo "== seeded $archive"
fi
