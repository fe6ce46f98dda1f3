# Sourced by the scripts in scripts/: each stops at once, naming the command to run first, when it lacks something.

# need TOOL HINT: TOOL must be on the PATH (HINT: how to get it)
need() {
  command -v "$1" >/dev/null || { echo "$(basename "$0"): $1 is missing; $2" >&2; exit 1; }
}

# production_jar JAR: JAR must be the portal's production-mode jar. `mvn -B verify` leaves two jars: the one its
# browser tests run, target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar (production mode), and the build's own
# target/moha-portal-0.1.0-SNAPSHOT.jar, which is in development mode (Vaadin's dev tools, not what ships).
production_jar() {
  local how="mvn -B verify builds target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar;"
  how="$how or mvn -B -Pproduction -DskipTests package builds target/moha-portal-0.1.0-SNAPSHOT.jar"
  [ -f "$1" ] || { echo "$(basename "$0"): no jar at $1 ($how)" >&2; exit 1; }
  need jar "it comes with a JDK (apt-get install -y openjdk-17-jdk-headless)"
  if jar tf "$1" | grep '^BOOT-INF/lib/vaadin-dev-' >/dev/null; then
    echo "$(basename "$0"): $1 is a development-mode jar (a build without -Pproduction); use a production jar ($how)" >&2
    exit 1
  fi
}
