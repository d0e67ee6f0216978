#!/usr/bin/env bash
# The sharing benchmarks: inside a network namespace when this machine allows one (root), so that
# WebRTC has an address to use; otherwise the relay figures only, and a note.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = "0" ] && command -v ip >/dev/null; then
  exec bash scripts/in-netns.sh node bench/sync/run.js "$@"
fi
exec node bench/sync/run.js "$@"
