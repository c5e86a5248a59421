#!/usr/bin/env bash
# Sets up, builds the sample portal from content/ and previews it at http://127.0.0.1:8080/
# (rebuilding and reloading the browser when a file in content/, site-templates/ or site.yml changes).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product tre
exec .build/debug/tre serve --source . --output public "$@"
