#!/usr/bin/env bash
# npm run screenshots: regenerates the README's pictures (images/*.png) from the real workbench: builds
# the extension, compiles test/integration/screenshots/shoot.ts and runs it in code-server (the offline
# integration harness), driven through the UI by playwright.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash test/integration/harness/install.sh "$ROOT/.vscode-test-offline"
npm run -s build
node test/integration/build.mjs
node -e "require('esbuild').buildSync({ entryPoints: ['test/integration/screenshots/shoot.ts'], outfile: 'out/screenshots/index.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' })"
export POSTMORTEM_SCREENSHOTS_DIR=$ROOT/images
bash test/integration/harness/run-in-code-server.sh "$ROOT/.vscode-test-offline" "$ROOT" out/screenshots/index.js test/integration/workspace 300
# The HTML incident report, outside the workbench: the page postmortem report --format html writes.
node bench/reportScreenshot.mjs
ls -l images/*.png
