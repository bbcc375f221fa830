#!/usr/bin/env bash
# npm run test:integration: installs the offline VS Code harness when missing (into the ignored folder
# .vscode-test-offline), builds the extension and the suite, and runs the suite in code-server.
# The last line is "N passed, N failed"; the exit code is non-zero on any failure or timeout.
# POSTMORTEM_IT_TIMEOUT (seconds, default 600: the suite drives the UI, and a shared 2-core machine is slow) bounds the run; TRACE=file keeps the browser-side log.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HARNESS=$ROOT/.vscode-test-offline
fail() {
  echo "$1"
  echo "0 passed, 1 failed"
  exit 2
}
bash "$ROOT/test/integration/harness/install.sh" "$HARNESS" || fail "Could not install the test harness (see above)."
cd "$ROOT" || exit 2
npm run -s build || fail "npm run build failed."
node test/integration/build.mjs || fail "Building the integration suite failed."
bash test/integration/harness/run-in-code-server.sh "$HARNESS" "$ROOT" out/integration/index.js \
  test/integration/workspace "${POSTMORTEM_IT_TIMEOUT:-600}"
