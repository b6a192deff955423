#!/usr/bin/env bash
# Start-up benchmark: `npm start` in a checkout until its banner, then Ctrl-C.
# usage: .bench/startup.sh <checkout> <data dir> <port>
# Appends "<seconds to banner>" to <data dir>/banner-seconds.txt; the first run migrates and seeds.
set -euo pipefail
dir="$1" data="$2" port="$3"
mkdir -p "$data"
log="$data/run.log"
cd "$dir"
: >"$log"
t0=$(date +%s.%N)
PORT="$port" MEDUSA_KLARNA_DATA_DIR="$data" EMBEDDED_POSTGRES_PORT=$((port + 1)) KLARNA_SIMULATOR_PORT=$((port + 2)) \
  setsid npm start >"$log" 2>&1 &
pid=$!
until grep -q "medusa-klarna is running" "$log"; do
  kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
  sleep 0.1
done
echo "$(echo "$(date +%s.%N) - $t0" | bc)" >>"$data/banner-seconds.txt"
kill -INT -- "-$pid" 2>/dev/null || kill -INT "$pid"
wait "$pid" || true
