#!/usr/bin/env bash
# Installs the real backends the tests and the example run, from Debian, when missing.
# Usage: scripts/install-backends.sh [all|core]
#   core: prometheus, promtool, prometheus-alertmanager, amtool (what `npm run example` needs)
#   all (default): core + victoria-metrics/vmalert + chromium (the screenshot test)
# Uses sudo when not root (GitHub's Ubuntu runners). Exits non-zero when something is still missing.
set -euo pipefail
set_name=${1:-all}

declare -A bin_of=(
  [prometheus]=promtool
  [prometheus-alertmanager]=amtool
  [victoria-metrics]=victoria-metrics
  [chromium]=chromium
)
case "$set_name" in
  core) packages=(prometheus prometheus-alertmanager) ;;
  all) packages=(prometheus prometheus-alertmanager victoria-metrics chromium) ;;
  *) echo "usage: $0 [all|core]" >&2; exit 2 ;;
esac

present() {
  # A browser the runner image already has (google-chrome on GitHub's Ubuntu images) serves as chromium.
  if [ "$1" = chromium ]; then command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; return; fi
  command -v "${bin_of[$1]}" >/dev/null 2>&1
}
missing=()
for p in "${packages[@]}"; do
  present "$p" || missing+=("$p")
done
# prometheus-alertmanager's server binary is checked too: amtool alone is not enough.
if [[ " ${packages[*]} " == *" prometheus-alertmanager "* ]] && ! command -v prometheus-alertmanager >/dev/null 2>&1; then
  [[ " ${missing[*]-} " == *" prometheus-alertmanager "* ]] || missing+=(prometheus-alertmanager)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=''
[ "$(id -u)" -ne 0 ] && sudo='sudo'
echo "Installing from Debian: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

for p in "${missing[@]}"; do
  present "$p" || { echo "still missing after install: ${bin_of[$p]} ($p)" >&2; exit 1; }
done
