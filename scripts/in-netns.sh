#!/usr/bin/env bash
# Run a command inside a private network namespace created for it, then delete the namespace.
#
#   bash scripts/in-netns.sh <command…>
#
# Headless Chromium gathers no WebRTC (ICE) candidates on loopback alone, so the peer-to-peer
# specs and benchmarks run with their servers, runner and browser inside a namespace that has one
# veth pair (10.231.7.1 ⇄ 10.231.7.2) and a default route through it. Nothing outside is reached:
# the host end does not forward. The namespace is deleted afterwards, whatever happened.
# Needs root and iproute2; without them it exits 3 and says so.
set -euo pipefail

if [ "$(id -u)" != "0" ] || ! command -v ip >/dev/null; then
  echo "in-netns: creating a network namespace needs root and iproute2" >&2
  exit 3
fi

NS="kebu-p2p-$$"
HOST_IF="kp2p$$a"
NS_IF="kp2p$$b"

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

ip netns exec "$NS" env KEBU_P2P=1 "$@"
