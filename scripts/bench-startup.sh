#!/usr/bin/env bash
# Cold start of the packaged production jar to the first login page, with and without the JVM's start-up
# cache (CDS on JDK 17, the AOT cache on JDK 25+, through scripts/start-prod.sh), and the bytes of the login
# page and what it loads, compressed (docs/benchmarks.md).
#
#   mvn -B verify        # the README's test command: it builds the production jar into target/e2e-build
#   scripts/bench-startup.sh target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar [port]
#
# (or a jar from mvn -B -Pproduction -DskipTests package, target/moha-portal-0.1.0-SNAPSHOT.jar).
# Prints, per start, the wall time until /login answers 200 and the CPU time the JVM had used by then
# (user + system, all threads): on a machine shared with other work the wall time mostly measures the
# others, the CPU time much less so. The load average is printed with each figure.
# STARTS="plain cds" (default) or a subset; the H2 database lives under $WORK (default /tmp/perf-startup);
# JAVA_OPTS adds JVM options to every start. "cds" starts through scripts/start-prod.sh (CDS or, when the JDK
# is 25 or later, the AOT cache), REPEAT (default 1) times with the cache in place.
# QUIET=1.0 waits (up to 5 minutes) before each start for the 1-minute load average to fall below 1.0.
# JAVA (default: java) is the JVM of every start, e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java.
# THREADS=1 also prints, per start, the CPU time of the JVM's threads by name (the main thread, the C1 and C2
# compilers, the GC, Hibernate's background boot on task-N, ...) when /login first answered.
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar, e.g. target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar (mvn -B verify builds it)}")
. "$(dirname "$0")/checks.sh"
production_jar "$JAR"
need curl "apt-get install -y curl"
PORT=${2:-18481}
WORK=${WORK:-/tmp/perf-startup}
STARTS=${STARTS:-plain cds}
JAVA_OPTS=${JAVA_OPTS:-} # extra JVM options for every start, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1
JAVA=${JAVA:-java}
REPEAT=${REPEAT:-1}
mkdir -p "$WORK"
TICKS=$(getconf CLK_TCK)

load() { cut -d' ' -f1-3 /proc/loadavg; }
# user + system time of /proc/$1 (a process, or PID/task/TID for a thread); the fields after the name in
# parentheses, which may hold spaces ("C2 CompilerThre"): utime and stime are the 12th and 13th of them
cpu_ms() { sed 's/^.*) //' "/proc/$1/stat" | awk -v t="$TICKS" '{print int(($12 + $13) * 1000 / t)}'; }
# CPU time of a process's live threads, summed per thread name with the thread numbers replaced by N (C2 CompilerThre, task-N, GC Thread#N)
thread_cpu() {
  local t
  for t in /proc/"$1"/task/*; do echo "$(cat "$t/comm" 2>/dev/null)|$(cpu_ms "$1/task/${t##*/}" 2>/dev/null)"; done \
    | sed -E 's/#[0-9]+/#N/g; s/-[0-9]+/-N/g' | awk -F'|' '$2 != "" {a[$1] += $2} END {for (k in a) if (a[k] >= 50) printf "    %6d ms %s\n", a[k], k}' | sort -rn
}

# starts the portal with the given command (java ... or scripts/start-prod.sh ...) and waits for /login; leaves it running (PID in $PORTAL)
start() {
  local name=$1; shift
  local t0 ms
  for _ in $(seq 1 60); do
    awk -v q="${QUIET:-1000}" '{exit !($1 >= q)}' /proc/loadavg || break
    sleep 5
  done
  t0=$(date +%s%N)
  "$@" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/db/portal" \
       --portal.files.dir="$WORK/files" --portal.backup.dir="$WORK/backups" >"$WORK/$name.log" 2>&1 &
  PORTAL=$!
  for _ in $(seq 1 12000); do
    t1=$(date +%s%N) # a refused connection fails at once; the request that gets in waits for its answer
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ]; then
      ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      echo "$name: first login page after ${ms} ms wall, $(cpu_ms "$PORTAL") ms CPU (load average $(load));" \
           "$(grep -o 'Started Application in [0-9.]* seconds' "$WORK/$name.log" || echo 'not started yet');" \
           "the first request took $(( ($(date +%s%N) - t1) / 1000000 )) ms"
      if [ -n "${THREADS:-}" ]; then thread_cpu "$PORTAL"; fi
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

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)); load average $(load)"

if [[ " $STARTS " == *" plain "* ]]; then
  if [ ! -d "$WORK/db" ]; then
    start "first start (creates the database and demo data)" "$JAVA" $JAVA_OPTS -jar "$JAR"
    # the demo data is written by runners after the first page is served: let them finish before stopping
    for _ in $(seq 1 6000); do
      grep -q 'Created demo assignments' "$WORK/first start (creates the database and demo data).log" && break
      sleep 0.1
    done
    stop
  fi
  start "plain jar" "$JAVA" $JAVA_OPTS -jar "$JAR"
  page_bytes
  stop
fi

if [[ " $STARTS " == *" cds "* ]]; then
  # scripts/start-prod.sh: Spring Boot's CDS / AOT cache recipe (extract the jar, a training run that exits
  # after the context refresh and writes the cache, then start with it). Its first run includes the training run.
  [ -d "$WORK/db" ] || { echo "run STARTS=plain first (it creates the database)"; exit 1; }
  rm -rf "$WORK/app"
  PROD=(env PORTAL_APP_DIR="$WORK/app" JAVA="$JAVA" "$(dirname "$0")/start-prod.sh" "$JAR")
  start "start-prod.sh, first run (extract, training run, start)" env JAVA_OPTS="$JAVA_OPTS" "${PROD[@]}"
  stop
  CACHE=$(ls "$WORK"/app/app.jsa "$WORK"/app/app.aot 2>/dev/null || true)
  echo "cache: $(du -h "$CACHE")"
  for i in $(seq 1 "$REPEAT"); do
    start "start-prod.sh ($(basename "$CACHE")), start $i" env JAVA_OPTS="$JAVA_OPTS" "${PROD[@]}"
    stop
  done
  start "start-prod.sh with JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" \
        env JAVA_OPTS="$JAVA_OPTS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "${PROD[@]}"
  stop
  start "extracted jar without the cache" "$JAVA" $JAVA_OPTS -jar "$WORK/app/$(basename "$JAR")"
  stop
fi
