#!/usr/bin/env bash
# Sets up, builds the sample portal from content/ and previews it at http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product tre
.build/debug/tre build --source . --output public "$@"
echo "Open http://127.0.0.1:8080/ (Ctrl-C stops the preview)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory public
