#!/usr/bin/env bash
# Installs Mermaid's parser (npm packages mermaid and jsdom, pinned in
# package.json here) into .cache/mermaid, where pkg/render/mermaid's
# parse test finds it. No browser is needed: mermaid.parse runs in node
# with jsdom. Prints why and exits 0 when npm is missing or fails, so CI
# goes on (the test then skips with a reason).
set -u
cd "$(dirname "$0")/../.." || exit 0
dest=.cache/mermaid
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "mermaid parser not installed: node/npm not found (apt-get install nodejs npm)"
	exit 0
fi
if [ -f "$dest/node_modules/mermaid/package.json" ] && cmp -s scripts/mermaid/package.json "$dest/package.json"; then
	echo "mermaid parser: already in $dest"
	exit 0
fi
mkdir -p "$dest"
cp scripts/mermaid/package.json scripts/mermaid/parse.mjs "$dest/"
if ! (cd "$dest" && npm install --no-audit --no-fund --loglevel=error >npm.log 2>&1); then
	echo "mermaid parser not installed: npm install failed (see $dest/npm.log)"
	rm -f "$dest/package.json" # retry next time
	exit 0
fi
echo "mermaid parser: installed in $dest"
