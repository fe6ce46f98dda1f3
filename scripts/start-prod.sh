#!/usr/bin/env bash
# Starts the packaged portal with class data sharing (CDS), for a quick start (docs/benchmarks.md, "Cold start").
#
#   mvn -B -Pproduction -DskipTests package
#   scripts/start-prod.sh target/moha-portal-0.1.0-SNAPSHOT.jar [application arguments, e.g. --spring.profiles.active=prod]
#
# Spring Boot's CDS recipe: the first run (or a run after the jar changed) extracts the jar into
# $PORTAL_APP_DIR (default: app/ next to the jar) and makes the archive with a training run, which starts
# the application with every bean created (no lazy initialisation, so Hibernate's and Spring Data's classes
# are in the archive), exits after the context refresh and takes a minute or two; later runs start from the
# archive. The training run uses the same arguments, so the same database (Flyway migrates it, as the start would).
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-Xmx2g, or -XX:TieredStopAtLevel=1 for an even quicker start
# at the price of slower code once running (no C2 compiler; see docs/benchmarks.md before using it on a server).
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar}"); shift
DIR=${PORTAL_APP_DIR:-$(dirname "$JAR")/app}
APP="$DIR/$(basename "$JAR")"
if [ ! -f "$DIR/app.jsa" ] || [ "$JAR" -nt "$DIR/app.jsa" ]; then
  echo "start-prod.sh: extracting $JAR into $DIR and writing the CDS archive (training run)" >&2
  rm -rf "$DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$DIR/app.jsa.tmp" -Dspring.context.exit=onRefresh \
       -Dspring.main.lazy-initialization=false -jar "$APP" "$@" >"$DIR/training.log" 2>&1 || true
  [ -s "$DIR/app.jsa.tmp" ] || { echo "start-prod.sh: the training run failed, see $DIR/training.log" >&2; exit 1; }
  mv "$DIR/app.jsa.tmp" "$DIR/app.jsa"
fi
# shellcheck disable=SC2086
exec java -XX:SharedArchiveFile="$DIR/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS:-} -jar "$APP" "$@"
