#!/usr/bin/env bash
# Starts the packaged portal from an extracted jar with the JVM's start-up cache, for a quick start
# (docs/benchmarks.md, "Cold start"): the AOT cache on Java 25 or later (JEP 483/514/515: classes loaded and
# linked ahead of time, method profiles), class data sharing (CDS) on older JDKs such as 17.
#
#   mvn -B -Pproduction -DskipTests clean package
#   scripts/start-prod.sh target/moha-portal-0.1.0-SNAPSHOT.jar [application arguments, e.g. --spring.profiles.active=prod]
#   scripts/start-prod.sh target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar ...   # or the jar `mvn -B verify` built
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/start-prod.sh ...   # or JAVA=/path/to/bin/java
#
# Spring Boot's recipe: the first run (or a run after the jar or the JDK changed) extracts the jar into
# $PORTAL_APP_DIR (default: app/ next to the jar) and writes the cache with a training run, which starts
# the application with every bean created (no lazy initialisation, so Hibernate's and Spring Data's classes
# are in the cache), exits after the context refresh and takes a minute or two; later runs start from the
# cache. The training run uses the same arguments, so the same database (Flyway migrates it, as the start would).
# TRAINING=serve trains on real use instead: no separate training run; the first start of a new jar serves users
# while the JVM records, and writes the cache when it stops (SIGTERM: systemctl stop, docker stop, Ctrl-C; the
# writing adds about 15-25 s to that stop), so the next start uses it. On JDK 25 a cache trained under load let a
# fresh portal at 200 users settle in its third minute instead of its fifth (docs/benchmarks.md, "Issue 20, 8
# December 2026 (second session)").
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-Xmx2g, or -XX:TieredStopAtLevel=1 for an even quicker start
# at the price of slower code once running (no C2 compiler; see docs/benchmarks.md before using it on a server).
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar, e.g. target/moha-portal-0.1.0-SNAPSHOT.jar (mvn -B -Pproduction -DskipTests package)}"); shift
DIR=${PORTAL_APP_DIR:-$(dirname "$JAR")/app}
APP="$DIR/$(basename "$JAR")"
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}; JAVA=${JAVA:-java}
# Which JDK: from its "release" file (JAVA_RUNTIME_VERSION="25.0.3+9-LTS", IMPLEMENTOR_VERSION=...), which costs
# no JVM start; asking the JVM itself (java -version) costs two JVM starts, 0.3-1 s of wall time on every start.
RELEASE=$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")/release
if [ -f "$RELEASE" ] && grep -q '^JAVA_RUNTIME_VERSION=' "$RELEASE"; then
  JDK=$(grep -E '^(IMPLEMENTOR|IMPLEMENTOR_VERSION|JAVA_RUNTIME_VERSION)=' "$RELEASE" | tr '\n' ' ')
  FEATURE=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$RELEASE")
else
  JDK=$("$JAVA" -version 2>&1 | sed -n 2p) # e.g. "OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)"
  FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')
fi
if [ "${FEATURE%%.*}" -ge 25 ] 2>/dev/null; then
  CACHE="$DIR/app.aot"; TRAIN=(-XX:AOTCacheOutput="$CACHE.tmp"); USE=(-XX:AOTCache="$CACHE")
else
  CACHE="$DIR/app.jsa"; TRAIN=(-XX:ArchiveClassesAtExit="$CACHE.tmp"); USE=(-XX:SharedArchiveFile="$CACHE" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
if [ ! -f "$CACHE" ] || [ "$JAR" -nt "$CACHE" ] || [ "$(cat "$DIR/jdk.txt" 2>/dev/null)" != "$JDK" ]; then
  [ -f "$JAR" ] || { echo "start-prod.sh: no jar at $JAR (mvn -B -Pproduction -DskipTests package builds one)" >&2; exit 1; }
  echo "start-prod.sh: extracting $JAR into $DIR, for $JDK" >&2
  rm -rf "$DIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
  if compgen -G "$DIR/lib/vaadin-dev-*.jar" >/dev/null; then # e.g. the target/ jar `mvn -B verify` leaves
    echo "start-prod.sh: $JAR is a development-mode jar; build the production one: mvn -B -Pproduction -DskipTests package" >&2
    rm -rf "$DIR"; exit 1
  fi
  echo "$JDK" >"$DIR/jdk.txt"
  if [ "${TRAINING:-start}" = serve ]; then
    echo "start-prod.sh: this run records; $(basename "$CACHE") is written when it stops" >&2
    # shellcheck disable=SC2086
    exec "$JAVA" ${JAVA_OPTS:-} "${TRAIN[@]/%.tmp/}" -jar "$APP" "$@"
  fi
  echo "start-prod.sh: writing $(basename "$CACHE") with a training run" >&2
  # shellcheck disable=SC2086
  "$JAVA" ${JAVA_OPTS:-} "${TRAIN[@]}" -Dspring.context.exit=onRefresh \
       -Dspring.main.lazy-initialization=false -jar "$APP" "$@" >"$DIR/training.log" 2>&1 || true
  [ -s "$CACHE.tmp" ] || { echo "start-prod.sh: the training run failed, see $DIR/training.log" >&2; exit 1; }
  mv "$CACHE.tmp" "$CACHE"
fi
# shellcheck disable=SC2086
exec "$JAVA" "${USE[@]}" ${JAVA_OPTS:-} -jar "$APP" "$@"
