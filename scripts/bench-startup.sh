#!/usr/bin/env bash
# Cold start of the packaged production jar to the first login page, with and without class data sharing
# (CDS), and the bytes of the login page and what it loads, compressed (docs/benchmarks.md).
#
#   mvn -B -Pproduction -DskipTests package
#   scripts/bench-startup.sh target/moha-portal-0.1.0-SNAPSHOT.jar [port]
#
# Prints, per start, the wall time until /login answers 200 and the CPU time the JVM had used by then
# (user + system, all threads): on a machine shared with other work the wall time mostly measures the
# others, the CPU time much less so. The load average is printed with each figure.
# STARTS="plain cds" (default) or a subset; the H2 database lives under /tmp/perf-startup.
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar}")
PORT=${2:-18481}
WORK=/tmp/perf-startup
STARTS=${STARTS:-plain cds}
mkdir -p "$WORK"
TICKS=$(getconf CLK_TCK)

load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_ms() { awk -v t="$TICKS" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

# starts the portal with the given java options and waits for /login; leaves it running (PID in $PORTAL)
start() {
  local name=$1; shift
  local t0 ms
  t0=$(date +%s%N)
  java "$@" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/db/portal" \
       --portal.files.dir="$WORK/files" --portal.backup.dir="$WORK/backups" >"$WORK/$name.log" 2>&1 &
  PORTAL=$!
  for _ in $(seq 1 12000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ]; then
      ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      echo "$name: first login page after ${ms} ms wall, $(cpu_ms "$PORTAL") ms CPU (load average $(load));" \
           "$(grep -o 'Started Application in [0-9.]* seconds' "$WORK/$name.log" || echo 'not started yet')"
      return
    fi
    sleep 0.1
  done
  echo "$name: no login page after 20 minutes"; kill "$PORTAL" || true; exit 1
}
stop() { kill "$PORTAL"; wait "$PORTAL" 2>/dev/null || true; }

# the login page and what it loads, compressed as a browser asks for it
page_bytes() {
  local jar=$WORK/cookies total=0 n url dir dep queue next
  rm -f "$jar"
  fetch() { curl -s --compressed -b "$jar" -c "$jar" -o "$WORK/body" -w '%{size_download}' "http://127.0.0.1:$PORT$1"; }
  n=$(fetch /login); total=$((total + n)); echo "  $n /login"; cp "$WORK/body" "$WORK/login.html"
  declare -A seen
  queue=$(grep -oE '(src|href)="[^"]+"' "$WORK/login.html" | sed -E 's/^(src|href)="//; s/"$//' \
          | grep -vE '^(https?:|data:|#)' || true)
  while [ -n "$queue" ]; do
    next=""
    for url in $queue; do
      url="/${url#./}"; url="/${url#/}"
      [ -n "${seen[$url]:-}" ] && continue
      seen[$url]=1
      n=$(fetch "$url"); total=$((total + n)); echo "  $n $url"
      if [[ "$url" == *.js ]]; then # modules it imports statically, which the browser loads at once
        dir=$(dirname "$url")
        for dep in $(grep -oE '(from|import) ?"\./[^"]+\.js"' "$WORK/body" | grep -oE '\./[^"]+\.js' | sort -u); do
          next="$next $dir/${dep#./}"
        done
      fi
    done
    queue=$next
  done
  echo "login page and the files it loads, compressed: $total bytes"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)); load average $(load)"

if [[ " $STARTS " == *" plain "* ]]; then
  [ -d "$WORK/db" ] || { start "first start (creates the database and demo data)" -jar "$JAR"; stop; }
  start "plain jar" -jar "$JAR"
  page_bytes
  stop
fi

if [[ " $STARTS " == *" cds "* ]]; then
  # Spring Boot's CDS recipe: extract the jar, a training run that exits after the context refresh
  # (-Dspring.context.exit=onRefresh) and writes the archive, then start with it.
  rm -rf "$WORK/extracted"
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
  APP="$WORK/extracted/$(basename "$JAR")"
  t0=$(date +%s%N)
  java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" \
       --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/db/portal" \
       --portal.files.dir="$WORK/files" >"$WORK/training.log" 2>&1 || true
  echo "CDS training run: $(( ($(date +%s%N) - t0) / 1000000 )) ms; archive $(du -h "$WORK/app.jsa" | cut -f1)"
  start "extracted jar with CDS" -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP"
  stop
  start "extracted jar without CDS" -jar "$APP"
  stop
fi
