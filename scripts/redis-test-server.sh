#!/usr/bin/env bash
# A throwaway Redis for the sweep tests (Debian's redis-server package), on loopback only, with no
# persistence.
#   scripts/redis-test-server.sh --install          install redis-server if it is missing (root: CI)
#   scripts/redis-test-server.sh PORT DIR           run it in the foreground on 127.0.0.1:PORT, cwd DIR
# The tests (apps/gapkit/test/redis-server.ts) pick a free port, start it with the second form and stop
# it after; .ci/run calls the first form before the tests.
set -euo pipefail

install_redis() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != "0" ]; then
    echo "redis-server is missing; install Debian's package: sudo apt-get install -y redis-server" >&2
    exit 1
  fi
  echo "redis-server is missing: installing Debian's redis-server package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends redis-server >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends redis-server >/dev/null; }
  command -v redis-server >/dev/null 2>&1 || { echo "could not install redis-server" >&2; exit 1; }
}

if [ "${1:-}" = "--install" ]; then
  install_redis
  exit 0
fi
if [ $# -ne 2 ]; then
  echo "usage: $0 --install | $0 PORT DIR" >&2
  exit 2
fi
install_redis
cd "$2"
exec redis-server --port "$1" --bind 127.0.0.1 --protected-mode yes --save '' --appendonly no --daemonize no --loglevel warning
