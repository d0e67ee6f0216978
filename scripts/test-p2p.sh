#!/usr/bin/env bash
# The peer-to-peer end-to-end spec over real WebRTC (npm run test:p2p).
#
# Headless Chromium gathers no ICE candidates on loopback alone, so this creates a private network
# namespace with one veth pair (10.231.7.1 ⇄ 10.231.7.2, default route through it) and runs the
# app server, the signaling server, Playwright and Chromium inside it. Nothing outside is reached:
# the other end of the veth pair has no forwarding. The namespace is deleted afterwards, whatever
# happened. Creating a namespace needs root (CI runs as root); elsewhere the spec is skipped with
# a note, and the same flow still runs through the relay in the main e2e run.
set -euo pipefail
cd "$(dirname "$0")/.."

NS="kebu-p2p-$$"
HOST_IF="kp2p$$a"
NS_IF="kp2p$$b"

if [ "$(id -u)" != "0" ] || ! command -v ip >/dev/null; then
  echo "test:p2p skipped: creating a network namespace needs root and iproute2 (the relay flow ran in test:e2e)"
  exit 0
fi

cleanup() {
  ip netns pids "$NS" 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  ip link del "$HOST_IF" 2>/dev/null || true
}
trap cleanup EXIT

ip netns add "$NS"
ip link add "$HOST_IF" type veth peer name "$NS_IF"
ip link set "$NS_IF" netns "$NS"
ip addr add 10.231.7.1/30 dev "$HOST_IF"
ip link set "$HOST_IF" up
ip netns exec "$NS" ip link set lo up
ip netns exec "$NS" ip addr add 10.231.7.2/30 dev "$NS_IF"
ip netns exec "$NS" ip link set "$NS_IF" up
ip netns exec "$NS" ip route add default via 10.231.7.1

ip netns exec "$NS" env KEBU_P2P=1 KEBU_PORT="${KEBU_PORT:-4174}" npx playwright test tests/e2e/sharing.spec.ts "$@"
