#!/usr/bin/env bash
# startup-bench.sh [N] [OTHER_LAUNCHER]: how long the window takes to become visible, the plain jar against
# the app image (./mvnw -Pdist package first), started in turn N times (default 5) under one Xvfb; with
# OTHER_LAUNCHER (e.g. another clone's target/dist/switchboard/bin/switchboard, built in its own folder so
# its class-data archive applies) that launcher takes the jar's place: before against after. For each it prints
# the median wall time from launch to a visible "Switchboard" window (xdotool) and the CPU time the
# process had used by then; the CPU figure moves less when the machine is busy. Ratios within one run
# are the figure to trust on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
other=${2:-}
jar=target/switchboard.jar
image=target/dist/switchboard/bin/switchboard
[[ -f $jar && -x $image ]] || { echo "startup-bench: build first: ./mvnw -Pdist package -DskipTests" >&2; exit 2; }
[[ -z $other || -x $other ]] || { echo "startup-bench: $other is not a launcher" >&2; exit 2; }
first=(java -jar "$jar"); first_name=jar
if [[ -n $other ]]; then first=("$other"); first_name=other; fi
for tool in Xvfb xdotool; do command -v $tool >/dev/null || { echo "startup-bench: needs $tool (apt-get install xvfb xdotool)" >&2; exit 2; }; done

fdfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fdfile" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -f "$fdfile"' EXIT
for _ in $(seq 50); do [[ -s $fdfile ]] && break; sleep 0.1; done
export DISPLAY=:$(tr -d '[:space:]' <"$fdfile")
tck=$(getconf CLK_TCK)

# one START: prints "WALL_MS CPU_MS" for one start of the command
one() {
  local t0 t1 app cpu=0 st
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  app=$!
  until xdotool search --onlyvisible --name Switchboard >/dev/null 2>&1; do sleep 0.01; done
  t1=$(date +%s%N)
  for p in $(pgrep -P $app) $app; do
    read -r -a st </proc/$p/stat 2>/dev/null || continue
    cpu=$((cpu + st[13] + st[14]))
  done
  kill $app 2>/dev/null; wait $app 2>/dev/null || true
  echo "$(((t1 - t0) / 1000000)) $((cpu * 1000 / tck))"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -a jw jc iw ic
for i in $(seq "$n"); do
  read -r w c < <(one "${first[@]}"); jw+=("$w"); jc+=("$c")
  read -r w c < <(one "$image"); iw+=("$w"); ic+=("$c")
  echo "start $i: $first_name ${jw[-1]} ms (cpu ${jc[-1]} ms), app image ${iw[-1]} ms (cpu ${ic[-1]} ms)"
done
mjw=$(printf '%s\n' "${jw[@]}" | median); mjc=$(printf '%s\n' "${jc[@]}" | median)
miw=$(printf '%s\n' "${iw[@]}" | median); mic=$(printf '%s\n' "${ic[@]}" | median)
echo "median of $n: $first_name $mjw ms wall, $mjc ms cpu; app image $miw ms wall, $mic ms cpu; image/$first_name wall $(awk "BEGIN{printf \"%.2f\", $miw/$mjw}"), cpu $(awk "BEGIN{printf \"%.2f\", $mic/$mjc}")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
