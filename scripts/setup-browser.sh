#!/usr/bin/env bash
# Installs what scripts/browser-test.mjs needs, idempotently: Debian's chromium (and its
# driver), Node.js, fonts for the Arabic (DejaVu) and Chinese (WenQuanYi Micro Hei, 1.6 MB)
# pages' screenshots, and playwright-core into scripts/node_modules from the committed lock file.
# playwright-core carries no browser, and nothing here downloads one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
fc-list :lang=zh | grep -q . || missing+=(fonts-wqy-microhei)
if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
fi

if [[ ! -f "$here/node_modules/playwright-core/package.json" ]]; then
    (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup-browser: $(chromium --version 2>/dev/null | head -1); playwright-core $(node -p "require('$here/node_modules/playwright-core/package.json').version")"
