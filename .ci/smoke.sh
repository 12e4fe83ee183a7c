#!/usr/bin/env bash
# Smoke test of the packaged desktop app: start target/switchboard.jar in a real window under Xvfb,
# let it play the kitchen-backlog flow until its queue has passed 20 messages (the diagram then shows
# "+k" chips), save a screenshot of the scene (Scene.snapshot, taken by the app itself), and fail on any
# exception in the app's log, a queue that never passed 20, or a blank picture.
# Run `./mvnw -q package -DskipTests` first.
#   .ci/smoke.sh [OUT.png]          (default target/smoke/switchboard.png)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/smoke/switchboard.png}
jar=target/switchboard.jar
seconds=${SMOKE_SECONDS:-20}
flow=${SMOKE_FLOW:-kitchen-backlog.json}
min_queue=${SMOKE_MIN_QUEUE:-21}
min_colours=${SMOKE_MIN_COLOURS:-50}

[[ -f $jar ]] || { echo "smoke: $jar is missing; run ./mvnw -q package -DskipTests first" >&2; exit 2; }

need=()
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xauth >/dev/null || need+=(xauth)
command -v identify >/dev/null || need+=(imagemagick)
ldconfig -p | grep -q libgtk-3.so.0 || need+=(libgtk-3-0)
if ((${#need[@]})); then
  echo "smoke: installing ${need[*]}" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || { echo "smoke: apt-get install ${need[*]} failed" >&2; exit 1; }
fi

mkdir -p "$(dirname "$out")"
rm -f "$out"
log=${out%.png}.log
# The app plays at once, snapshots its scene after $seconds s and quits; timeout guards a hung start.
set +e
timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Dprism.order=sw \
       -Dswitchboard.autoplay=true \
       -Dswitchboard.flow="$flow" \
       -Dswitchboard.screenshot="$out" \
       -Dswitchboard.exitAfter="${seconds}s" \
       -jar "$jar" >"$log" 2>&1
status=$?
set -e
cat "$log"
if ((status != 0)); then
  echo "smoke: FAIL — the app exited with status $status (log: $log)" >&2
  exit 1
fi
if grep -qE "Exception|^[[:space:]]+at " "$log"; then
  echo "smoke: FAIL — an exception was logged (log: $log)" >&2
  exit 1
fi
queue=$(sed -n 's/.*longest kitchen queue \([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
if [[ -z $queue ]] || ((queue < min_queue)); then
  echo "smoke: FAIL — the kitchen queue reached ${queue:-?} messages, not the $min_queue the test needs (log: $log)" >&2
  exit 1
fi
[[ -s $out ]] || { echo "smoke: FAIL — no screenshot at $out" >&2; exit 1; }
colours=$(identify -format %k "$out")
size=$(identify -format %wx%h "$out")
if ((colours < min_colours)); then
  echo "smoke: FAIL — $out ($size) has only $colours colours: the window looks blank" >&2
  exit 1
fi
echo "smoke: OK — $out ($size, $colours colours, kitchen queue reached $queue)"
