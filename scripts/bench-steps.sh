#!/usr/bin/env bash
# The common steps in a real browser against the packaged production jar: each step's median and p95 time from
# the click until no request is in flight and its target is shown, and its round trips to the server (Vaadin's
# UIDL requests) (docs/benchmarks.md, "Steps in the browser").
#
#   mvn -B verify        # the README's test command: it builds the production jar into target/e2e-build
#   scripts/bench-steps.sh target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar
#
# (or a jar from mvn -B -Pproduction -DskipTests package, target/moha-portal-0.1.0-SNAPSHOT.jar). Compiles the
# tests, starts the jar on a fresh H2 database in $WORK (default /tmp/perf-steps) with the demo work
# (--portal.demo.workflow=true; JAVA_OPTS, default -Xmx1g), then runs the benchmark class
# src/test/java/vn/gov/moha/portal/e2e/BrowserStepsBench.java against it (headless Chromium, four people in four
# windows; what a round is: that class's Javadoc): WARMUP rounds (default 5) not recorded, then ROUNDS (default 30).
# Prints the table, with the load average before and after; the whole output is in $WORK/steps.log, the portal's
# log in $WORK/portal.log. PORT (default 18561) is the portal's port. MVN (default "mvn") runs Maven, e.g.
# MVN="mvn -o" offline.
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar, e.g. target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar (mvn -B verify builds it)}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/checks.sh"
production_jar "$JAR"
need curl "apt-get install -y curl"
need chromedriver "apt-get install -y chromium chromium-driver"
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null \
  || { echo "$(basename "$0"): chromium is missing; apt-get install -y chromium chromium-driver" >&2; exit 1; }
PORT=${PORT:-18561}
WORK=${WORK:-/tmp/perf-steps}
ROUNDS=${ROUNDS:-30}
WARMUP=${WARMUP:-5}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
MVN=${MVN:-mvn}
load() { cut -d' ' -f1-3 /proc/loadavg; }

mkdir -p "$WORK"
echo "compiling the tests (log: $WORK/build.log)"
# shellcheck disable=SC2086
(cd "$ROOT" && $MVN -B -q test-compile -De2e.skip=true >"$WORK/build.log" 2>&1) \
  || { echo "the build failed; see $WORK/build.log"; exit 1; }

rm -rf "$WORK/db"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/db/portal" \
     --portal.files.dir="$WORK/db/files" --portal.backup.dir="$WORK/db/backups" --portal.demo.workflow=true \
     >"$WORK/portal.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || { echo "the portal stopped; see $WORK/portal.log"; exit 1; }
  sleep 0.2
done
grep -q "Created demo assignments" "$WORK/portal.log" || { echo "no demo work; see $WORK/portal.log"; exit 1; }

echo "machine: $(nproc) cores; jar: $JAR; portal PID $PID on port $PORT; load average before: $(load)"
# shellcheck disable=SC2086
(cd "$ROOT" && $MVN -B surefire:test -Dtest=BrowserStepsBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dportal.e2e.url="http://127.0.0.1:$PORT" -Dportal.e2e.screenshots="$WORK/screenshots" \
    -Dsteps.rounds="$ROUNDS" -Dsteps.warmup="$WARMUP" >"$WORK/steps.log" 2>&1) \
  || { grep '^\[steps\]' "$WORK/steps.log" || true; echo "the benchmark failed; see $WORK/steps.log"; exit 1; }
grep '^\[steps\]' "$WORK/steps.log"
echo "load average after: $(load); portal CPU: $(ps -o cputime= -p "$PID")"
