#!/usr/bin/env bash
# The sharing spec over real WebRTC (npm run test:p2p), inside a network namespace (in-netns.sh).
# Without root it is skipped with a note: the same flow runs through the relay in test:e2e.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != "0" ] || ! command -v ip >/dev/null; then
  echo "test:p2p skipped: creating a network namespace needs root and iproute2 (the relay flow ran in test:e2e)"
  exit 0
fi
exec bash scripts/in-netns.sh env KEBU_PORT="${KEBU_PORT:-4174}" npx playwright test tests/e2e/sharing.spec.ts "$@"
