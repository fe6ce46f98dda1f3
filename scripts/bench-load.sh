#!/usr/bin/env bash
# The load test at growing populations against the packaged production jar, with the live heap per session
# (docs/benchmarks.md, "Users held and heap per session").
#
#   mvn -B verify        # the README's test command: it builds the production jar into target/e2e-build
#   scripts/bench-load.sh target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar 100 250 500
#
# (or a jar from mvn -B -Pproduction -DskipTests package, target/moha-portal-0.1.0-SNAPSHOT.jar). The portal runs
# from a copy in $WORK: each Gatling run is a `mvn -Pload verify`, which packages a development-mode jar into
# target/. Its first run downloads the `load` profile's Gatling Maven plugin, which `mvn -B verify` does not use.
# Once, it makes the demo data in a seed H2 database (the portal started with --portal.demo.workflow=true,
# stopped when the demo work exists). Then for each population N: a copy of the seed, the portal started on
# it (JAVA_OPTS, default -Xmx2g), the live heap after a full GC with nobody logged in, the Gatling run
# (mvn -Pload verify against it: RAMP seconds to N users, HOLD seconds held), and in the middle of the hold
# the live heap after a full GC again, with N people logged in. `jcmd GC.class_histogram` forces the full GC
# and counts what is live: the script prints its total, the HTTP and Vaadin sessions and UIs alive, and
# (live with N - live with none) / sessions. That figure also holds what the first users cause to be made once
# (beans are created lazily, caches fill); the growth from one population to the next, divided by the sessions
# added, leaves that out and is printed from the second population on. Gatling's table (count, p50, p95, p99, max, errors per request
# kind, throughput, the portal's CPU) follows in each run's log, $WORK/load-N.log.
# WARMUP=N (default 0) first runs N users for 20 + WARMUP_HOLD (default 60) seconds against the same portal, as a
# server that has been up a while (classes loaded, lazy beans made, the JIT's compiled code, caches filled); the
# virtual users log out at the end, so the measured run starts with no session. Its table is in $WORK/warmup-N.log.
# On two cores the JIT needs about five minutes of 200 users to settle (docs/benchmarks.md, "Issue 20, 8 December
# 2026 (second session)"): for the steady state take WARMUP=200 WARMUP_HOLD=300. The load test prints each
# minute's CPU time per request.
# JAVA=/path/to/bin/java runs the portal on another JDK. AOT=1 (JDK 25 or later) runs it from the extracted jar
# with an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) trained under load: once, a
# training run on a copy of the seed serves AOT_USERS (default 100) users for AOT_SECONDS (default 120) and
# writes $WORK/app/app.aot when it stops (remove $WORK/app to train again, e.g. for another jar).
# DB=pg runs the portal on PostgreSQL 17 instead of H2 (zonky's embedded binaries, started by the test class
# TwoNodesDb on PG_PORT, data in $WORK/pgdata): the demo data is made once in database `seed`, each population
# gets a fresh copy of it (database `run`), and the portal runs with the `prod` profile as in production.
# HEAPDUMP=1 also writes a heap dump of live objects in the hold ($WORK/held-N.hprof, removed afterwards) and prints
# what each UI keeps of its last answer (Vaadin keeps it to send again if the browser repeats a request):
# scripts/hprof-ui-answers.py.
# HELD=0 skips the histogram in the hold: its full GC stops every request for a few hundred milliseconds, which
# lands in the tail (p99, max) of the run; measure the latency with HELD=0 and the heap per session without it.
# JFR=1 records the measured run (after the warm-up) with Java Flight Recorder's "profile" settings into
# $WORK/load-N.jfr: read it with `jfr view hot-methods`, `jfr view gc-pauses`, `jfr print --events jdk.ExecutionSample`.
# JFR_SETTINGS= picks the recording's settings (default "profile"). Started by jcmd on a JVM whose JIT had settled (a
# 5-minute warm-up), a recording with either "profile" or "default" took the portal from 8 to 46-54 ms of CPU per
# request for the whole measured run, the two cores full: such a run measures the recording (docs/benchmarks.md).
# For the steady state, record from the JVM's start instead (about 2-3 ms per request):
# JAVA_OPTS="-Xmx2g -XX:StartFlightRecording=filename=/tmp/start.jfr,settings=profile", written when the portal stops.
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar, e.g. target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar (mvn -B verify builds it)}")
shift
POPULATIONS=${*:-100 250 500}
PORT=${PORT:-18501}
RAMP=${RAMP:-60}
HOLD=${HOLD:-120}
DB=${DB:-h2}
WORK=${WORK:-/tmp/perf-load$([ "$DB" = h2 ] || echo "-$DB")}
WARMUP=${WARMUP:-0}
WARMUP_HOLD=${WARMUP_HOLD:-60}
JAVA=${JAVA:-java}
PG_PORT=${PG_PORT:-15442}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/checks.sh"
production_jar "$JAR"
need jcmd "it comes with a JDK (apt-get install -y openjdk-17-jdk-headless)"
need curl "apt-get install -y curl"
[ "${HEAPDUMP:-0}" != 1 ] || need python3 "apt-get install -y python3"
mkdir -p "$WORK"
[ "$JAR" = "$WORK/portal.jar" ] || cp "$JAR" "$WORK/portal.jar"
JAR=$WORK/portal.jar

portal() { # db-dir log-file [arguments]: starts the portal, PID in $PID (on PostgreSQL: database basename of db-dir)
  if [ "$DB" = pg ]; then
    local db args=()
    db=$(basename "$1")
    [ "$db" = seed ] || args=(--spring.profiles.active=prod)
    # shellcheck disable=SC2086
    PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD= \
    "$JAVA" $JAVA_OPTS ${AOTOPT:-} -jar "$JAR" --server.port="$PORT" "${args[@]}" \
         --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" --spring.datasource.username=postgres \
         --spring.datasource.password= --portal.files.dir="$1/files" --portal.backup.dir="$1/backups" "${@:3}" >"$2" 2>&1 &
  else
    # shellcheck disable=SC2086
    "$JAVA" $JAVA_OPTS ${AOTOPT:-} -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$1/portal;QUERY_CACHE_SIZE=256" \
         --portal.files.dir="$1/files" --portal.backup.dir="$1/backups" "${@:3}" >"$2" 2>&1 &
  fi
  PID=$!
  for _ in $(seq 1 1800); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ] && return
    kill -0 "$PID" 2>/dev/null || { echo "the portal stopped; see $2"; exit 1; }
    sleep 0.2
  done
  echo "no login page after 6 minutes; see $2"; exit 1
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
stopall() { stop; [ -z "${PGPID:-}" ] || { kill "$PGPID" 2>/dev/null || true; wait "$PGPID" 2>/dev/null || true; }; }
trap stopall EXIT

if [ "$DB" = pg ]; then
  (cd "$ROOT" && mvn -B test-compile dependency:build-classpath -De2e.skip=true -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/classpath.txt" >"$WORK/build.log" 2>&1) || { echo "the build failed; see $WORK/build.log"; exit 1; }
  CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
  mkdir -p "$WORK/pgdata"
  java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb start "$PG_PORT" "$WORK/pgdata" >"$WORK/db.log" 2>&1 &
  PGPID=$!
  until grep -q "PostgreSQL 17 ready" "$WORK/db.log"; do
    kill -0 "$PGPID" 2>/dev/null || { echo "PostgreSQL did not start; see $WORK/db.log"; exit 1; }
    sleep 1
  done
  PGURL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
fi

# live heap after a full GC: "<bytes> <http sessions> <vaadin sessions> <UIs>", the histogram kept in $1
live() {
  jcmd "$PID" GC.class_histogram >"$1"
  awk '/^Total/ {t=$3}
       $4=="org.apache.catalina.session.StandardSession" {h=$2}
       $4=="com.vaadin.flow.server.VaadinSession" || $4=="com.vaadin.flow.spring.SpringVaadinSession" {v+=$2}
       $4=="com.vaadin.flow.component.UI" {u+=$2}
       END {print t+0, h+0, v+0, u+0}' "$1"
}

SEEDED="$WORK/seed/portal.mv.db"
if [ "$DB" = pg ]; then SEEDED="$WORK/pgdata/.portal-demo-data"; fi
if [ ! -f "$SEEDED" ]; then
  echo "making the demo data in $WORK/seed ($DB)"
  rm -rf "$WORK/seed"
  if [ "$DB" = pg ]; then java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb copy "$PGURL" template0 seed; fi
  portal "$WORK/seed" "$WORK/seed.log" --portal.demo.workflow=true
  until grep -q "Created demo assignments, reports and an extension request" "$WORK/seed.log"; do
    kill -0 "$PID" 2>/dev/null || { echo "the portal stopped; see $WORK/seed.log"; exit 1; }
    sleep 2
  done
  stop
  touch "$SEEDED"
fi

if [ "${AOT:-0}" = 1 ] && [ ! -f "$WORK/app/app.aot" ]; then
  echo "training the AOT cache: ${AOT_USERS:-100} users for ${AOT_SECONDS:-120} s on a copy of the seed"
  rm -rf "$WORK/app" "$WORK/train" && cp -r "$WORK/seed" "$WORK/train"
  [ "$DB" != pg ] || java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb copy "$PGURL" seed train
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  JAR=$WORK/app/portal.jar AOTOPT="-XX:AOTCacheOutput=$WORK/app/app.aot" portal "$WORK/train" "$WORK/train.log"
  (cd "$ROOT" && mvn -B -Pload verify -De2e.skip=true -Dload.url="http://127.0.0.1:$PORT" -Dload.users="${AOT_USERS:-100}" \
      -Dload.ramp=20 -Dload.hold=$(( ${AOT_SECONDS:-120} - 20 )) >"$WORK/train-load.log" 2>&1) || true
  stop # the JVM writes the cache as it exits
  [ -s "$WORK/app/app.aot" ] || { echo "no AOT cache written; see $WORK/train.log"; exit 1; }
  echo "   $(du -h "$WORK/app/app.aot" | cut -f1) cache"
fi
if [ "${AOT:-0}" = 1 ]; then JAR=$WORK/app/portal.jar AOTOPT="-XX:AOTCache=$WORK/app/app.aot"; fi

for n in $POPULATIONS; do
  rm -rf "$WORK/run" && cp -r "$WORK/seed" "$WORK/run"
  if [ "$DB" = pg ]; then java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb copy "$PGURL" seed run; fi
  portal "$WORK/run" "$WORK/portal-$n.log"
  if [ "$WARMUP" -gt 0 ]; then
    (cd "$ROOT" && mvn -B -Pload verify -De2e.skip=true -Dload.url="http://127.0.0.1:$PORT" -Dload.pid="$PID" \
        -Dload.users="$WARMUP" -Dload.ramp=20 -Dload.hold="$WARMUP_HOLD" >"$WORK/warmup-$n.log" 2>&1) || true
    echo "== warm-up: $WARMUP users for $((20 + WARMUP_HOLD)) s; $(grep -h '^\[load\] throughput' "$WORK/warmup-$n.log" || echo 'no result')"
  fi
  read -r none nonehttp _ _ < <(live "$WORK/histo-$n-none.txt")
  [ "${JFR:-0}" != 1 ] || jcmd "$PID" JFR.start name=load settings="${JFR_SETTINGS:-profile}" filename="$WORK/load-$n.jfr" >/dev/null
  echo "== $n users ($DB): portal PID $PID, live heap with nobody logged in: $none bytes, $nonehttp HTTP sessions (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd "$ROOT" && mvn -B -Pload verify -De2e.skip=true -Dload.url="http://127.0.0.1:$PORT" -Dload.pid="$PID" \
      -Dload.users="$n" -Dload.ramp="$RAMP" -Dload.hold="$HOLD" >"$WORK/load-$n.log" 2>&1) &
  LOAD=$!
  until grep -q '^\[load\] http' "$WORK/load-$n.log" 2>/dev/null; do
    kill -0 "$LOAD" 2>/dev/null || { echo "the load test stopped; see $WORK/load-$n.log"; exit 1; }
    sleep 1
  done
  sleep $((RAMP + HOLD / 2))
  if [ "${HELD:-1}" != 0 ]; then
    read -r held http vaadin uis < <(live "$WORK/histo-$n-held.txt")
    echo "   in the hold: live heap $held bytes; $http HTTP sessions, $vaadin Vaadin sessions, $uis UIs alive;" \
         "per session $(( (held - none) / (http > 0 ? http : 1) / 1024 )) KB (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ -n "${PREV:-}" ]; then
      read -r pgrowth psessions <<<"$PREV"
      echo "   from the previous population: $(( ( (held - none) - pgrowth) / ((http - psessions) > 0 ? (http - psessions) : 1) / 1024 )) KB" \
           "per session added"
    fi
    PREV="$((held - none)) $http"
    if [ "${HEAPDUMP:-0}" = 1 ]; then
      jcmd "$PID" GC.heap_dump "$WORK/held-$n.hprof" >/dev/null
      echo "   $(python3 "$ROOT/scripts/hprof-ui-answers.py" "$WORK/held-$n.hprof")"
      rm -f "$WORK/held-$n.hprof"
    fi
  fi
  wait "$LOAD" && echo "   load test passed" || echo "   load test FAILED (errors or assertion): see $WORK/load-$n.log"
  sed -n '/^\[load\] ----/,/^\[load\] throughput/p' "$WORK/load-$n.log"
  [ "${JFR:-0}" != 1 ] || jcmd "$PID" JFR.stop name=load >/dev/null
  stop
done
