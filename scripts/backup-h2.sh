#!/bin/sh
# Online backup of the embedded H2 database and the evidence files, while the portal runs (or not).
# Writes data/backups/portal-YYYYMMDD-HHMMSS.zip, the same archive as the ADMIN screen "Sao lưu dữ liệu":
# portal.mv.db (H2's BACKUP TO, a transactionally consistent copy) and files/ (the evidence files, copied
# after the database, so every file the database copy names is there). Restore: README, "Backup and restore".
#
# Run from anywhere; settings (all optional):
#   PORTAL_DATA_DIR    folder of portal.mv.db          (default: ./data of the project)
#   PORTAL_FILES_DIR   evidence files, portal.files.dir (default: $PORTAL_DATA_DIR/files)
#   PORTAL_BACKUP_DIR  where archives go                (default: $PORTAL_DATA_DIR/backups)
#   H2_JAR             the H2 jar of the portal's version (default: asked from Maven)
#   H2_USER, H2_PASSWORD  database account              (default: sa, empty, as in application.properties)
set -eu

cd "$(dirname "$0")/.."
project=$(pwd)
if [ ! -f "${PORTAL_DATA_DIR:-data}/portal.mv.db" ]; then
    echo "no database at ${PORTAL_DATA_DIR:-$project/data}/portal.mv.db: start the portal once first" \
         "(mvn spring-boot:run), or set PORTAL_DATA_DIR to the folder of portal.mv.db" >&2
    exit 1
fi
data=$(cd "${PORTAL_DATA_DIR:-data}" && pwd)
files=${PORTAL_FILES_DIR:-$data/files}
backups=${PORTAL_BACKUP_DIR:-$data/backups}
mkdir -p "$backups"
backups=$(cd "$backups" && pwd)

if [ -z "${H2_JAR:-}" ]; then
    list=$(mktemp)
    if ! out=$(mvn -B -q -f "$project/pom.xml" dependency:build-classpath -DincludeArtifactIds=h2 \
        -Dmdep.outputFile="$list" 2>&1); then
        echo "$out" >&2
        exit 1
    fi
    H2_JAR=$(cat "$list")
    rm -f "$list"
fi

stamp=$(date +%Y%m%d-%H%M%S)
archive="$backups/portal-$stamp.zip"
part="$archive.part"
if [ -e "$archive" ]; then
    echo "$archive exists already; run again in a second" >&2
    exit 1
fi
staging=$(mktemp -d)
trap 'rm -rf "$staging" "$part"' EXIT

# 1. The database. AUTO_SERVER=TRUE: if the portal runs, H2 connects to it through its local port and the
#    portal writes the copy; if not, this process opens the file itself (and serves it on 127.0.0.1 only).
java -Dh2.bindAddress=127.0.0.1 -cp "$H2_JAR" org.h2.tools.Shell \
    -url "jdbc:h2:file:$data/portal;AUTO_SERVER=TRUE;IFEXISTS=TRUE" \
    -user "${H2_USER:-sa}" -password "${H2_PASSWORD:-}" -sql "BACKUP TO '$part'" >/dev/null

# 2. The evidence files, after the database, under files/ whatever the folder is called.
if [ -d "$files" ]; then
    ln -s "$(cd "$files" && pwd)" "$staging/files"
    jar uMf "$part" -C "$staging" files
fi

mv "$part" "$archive"
echo "Backup written: $archive ($(wc -c < "$archive") bytes)"
