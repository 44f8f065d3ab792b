#!/usr/bin/env bash
# Every check CI makes, on an installed tree (`npm ci` and scripts/install-backends.sh done):
# lint, format, types, dist/, generated schemas, licences, tests. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
status=0
step() { echo "== $1"; shift; "$@" || { echo "FAILED: $*"; status=1; }; }

step "lint (eslint)" npm run -s lint
step "format (prettier --check)" npm run -s format:check
step "type check" npm run -s build
step "bundled dependencies' licences" npm run -s licenses
echo "== dist/ matches a fresh build"
if npm run -s bundle; then
  if [ -n "$(git status --porcelain -- dist)" ]; then
    echo "dist/ differs from what 'npm run bundle' builds from src/:"
    git status --porcelain -- dist | head -20
    status=1
  fi
else
  status=1
fi

# The README's test command; the generated-schema check is one of its suites.
echo "== tests (npm test)"
npm test -- --json --outputFile=.tmp/jest-results.json || status=1

node -e '
const fs = require("fs")
let passed = 0, failed = 0
try {
  const r = JSON.parse(fs.readFileSync(".tmp/jest-results.json", "utf8"))
  passed = r.numPassedTests
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0)
  const skipped = r.numPendingTests + r.numTodoTests
  if (skipped > 0) console.log(`WARNING: ${skipped} test(s) were SKIPPED`)
} catch (e) { failed = 1; console.log("no jest results: " + e.message) }
if (process.argv[1] === "1" && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
' "$status"
exit $status
