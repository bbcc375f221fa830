#!/usr/bin/env bash
# Runs an extension's integration tests in code-server (VS Code 1.139 server + its real Node extension
# host), driven by headless Chromium. Offline: binds 127.0.0.1 on a random port; every file it writes
# (user data, extensions, XDG dirs, a copy of the workspace, sockets) lives in one temp dir, deleted
# at the end together with the code-server process group.
# usage: run-in-code-server.sh HARNESS_DIR EXTENSION_DIR TESTS_MODULE WORKSPACE_DIR [TIMEOUT_S]
#   HARNESS_DIR:   what install.sh filled (node24/, cs/, driver/)
#   TESTS_MODULE:  module exporting run(): Promise<void> (extensionTestsPath)
#   WORKSPACE_DIR: copied, so tests may create and change files
# exit: 0 passed, 1 a test failed, 124 timeout, other: harness error. The last line is "N passed, N failed".
set -u
HARNESS=$(cd "${1:?harness dir}" && pwd)
EXT=$(cd "${2:?extension dir}" && pwd)
TESTS=$(realpath "${3:?tests module}")
WS_SOURCE=$(cd "${4:?workspace dir}" && pwd)
TIMEOUT=${5:-300}
DRIVER=$(cd "$(dirname "$0")" && pwd)/driver.js
export PATH="$HARNESS/node24/bin:$PATH"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/postmortem-it.XXXXXX")
export XDG_CONFIG_HOME=$TMP/xdg-config XDG_CACHE_HOME=$TMP/xdg-cache XDG_DATA_HOME=$TMP/xdg-data
# The VS Code server leaves vscode-ipc-*.sock files in TMPDIR, and Chromium its profile.
export TMPDIR=$TMP
mkdir -p "$TMP/ud/User" "$TMP/exts"
WS=$TMP/workspace
cp -R "$WS_SOURCE" "$WS"
cat > "$TMP/ud/User/settings.json" <<'JSON'
{
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.editor.enablePreview": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "git.enabled": false,
  "files.autoSave": "off"
}
JSON

# The port of the driver's UI endpoint (driver.js --ui-port), known to the extension host through its environment.
UI_PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
export POSTMORTEM_UI_URL=http://127.0.0.1:$UI_PORT/ui

CS_PID=
cleanup() {
  if [ -n "$CS_PID" ]; then
    kill -- -"$CS_PID" 2>/dev/null
    for _ in $(seq 1 50); do ps -o pid= -g "$CS_PID" >/dev/null 2>&1 || break; sleep 0.1; done
    ps -o pid= -g "$CS_PID" >/dev/null 2>&1 && kill -9 -- -"$CS_PID" 2>/dev/null
    wait "$CS_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# EXTENSIONS_GALLERY='{}' turns the unreachable marketplace off; enable-smoke-test-driver makes the
# built workbench honour extensionDevelopmentPath/extensionTestsPath from the URL payload.
EXTENSIONS_GALLERY='{}' setsid "$HARNESS/cs/node_modules/.bin/code-server" --config /dev/null --auth none \
  --bind-addr 127.0.0.1:0 --disable-telemetry --disable-update-check --disable-workspace-trust \
  --vscode-option enable-smoke-test-driver \
  --user-data-dir "$TMP/ud" --extensions-dir "$TMP/exts" "$WS" > "$TMP/code-server.log" 2>&1 < /dev/null &
CS_PID=$!

URL=
for _ in $(seq 1 300); do
  URL=$(grep -o 'HTTP server listening on http://127.0.0.1:[0-9]*' "$TMP/code-server.log" 2>/dev/null | grep -o 'http://.*')
  [ -n "$URL" ] && break
  kill -0 "$CS_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "code-server did not start:"
  cat "$TMP/code-server.log"
  echo "0 passed, 1 failed"
  exit 3
fi
HOSTPORT=${URL#http://}
PAYLOAD=$(node -e 'const [h, e, t] = process.argv.slice(1); console.log(encodeURIComponent(JSON.stringify([["extensionDevelopmentPath", `vscode-remote://${h}${e}`], ["extensionTestsPath", `vscode-remote://${h}${t}`], ["skipWelcome", "true"]])))' "$HOSTPORT" "$EXT" "$TESTS")
FOLDER=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$WS")
NODE_PATH="$HARNESS/driver/node_modules" node "$DRIVER" --url "$URL/?folder=$FOLDER&payload=$PAYLOAD" \
  --timeout "$TIMEOUT" --server-log "$TMP/code-server.log" --ui-port "$UI_PORT" ${TRACE:+--trace "$TRACE"}
