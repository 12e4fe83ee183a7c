#!/usr/bin/env bash
# record-cds.sh IMAGE: starts the app image's window once (under Xvfb when there is no display), lets it play
# a few seconds and records the classes it loaded into IMAGE/lib/app/switchboard.jsa, the class-data-sharing
# archive its launcher maps at every later start. Without a display and without xvfb-run it says so and the
# image simply starts without the archive. Called by `./mvnw -Pdist package`.
set -euo pipefail
image=${1:?usage: record-cds.sh IMAGE}
cfg=$image/lib/app/switchboard.cfg
archive=$image/lib/app/switchboard.jsa
launcher=$image/bin/switchboard
[[ -f $cfg && -x $launcher ]] || { echo "record-cds: $image is not a Switchboard app image" >&2; exit 2; }

if [[ -n ${DISPLAY:-} ]]; then
  run=()
elif command -v xvfb-run >/dev/null 2>&1; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24")
else
  echo "record-cds: no display and no xvfb-run, so no class-data archive; the app starts without one"
  exit 0
fi

# While recording, the launcher writes the archive instead of reading it.
cp "$cfg" "$cfg.keep"
trap 'mv -f "$cfg.keep" "$cfg"' EXIT
sed -i 's|^java-options=-XX:SharedArchiveFile=\$APPDIR/switchboard.jsa$|java-options=-XX:ArchiveClassesAtExit=$APPDIR/switchboard.jsa|' "$cfg"
grep -q ArchiveClassesAtExit "$cfg" || { echo "record-cds: $cfg has no SharedArchiveFile option to switch" >&2; exit 1; }
rm -f "$archive"
shot=$(mktemp --suffix=.png)
log=$(mktemp)
if ! timeout 300 "${run[@]}" "$launcher" --autoplay --screenshot "$shot" --exit-after 4s >"$log" 2>&1; then
  cat "$log" >&2
  echo "record-cds: the recording start failed; the app starts without an archive" >&2
  rm -f "$archive" "$shot" "$log"
  exit 0
fi
rm -f "$shot" "$log"
[[ -f $archive ]] && echo "record-cds: recorded $(du -h "$archive" | cut -f1) class-data archive $archive"
