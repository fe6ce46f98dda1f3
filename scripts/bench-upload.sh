#!/usr/bin/env bash
# Ten evidence uploads of 19 MB at once through the packaged jar's real upload endpoint, and what they do to
# the heap (docs/benchmarks.md, "Evidence uploads").
#
#   mvn -B verify        # the README's test command: it builds the production jar into target/e2e-build
#   scripts/bench-upload.sh target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar [port]
#
# (or a jar from mvn -B -Pproduction -DskipTests package, target/moha-portal-0.1.0-SNAPSHOT.jar).
# Starts the jar (JAVA_OPTS, default -Xmx1g) on a fresh H2 database with the demo data, logs in as danang.cv
# through the login form, opens the returned Đà Nẵng report (the only report the demo leaves editable) the way
# the browser does (?v-r=init), reads its upload's address and sends N (default 10) multipart POSTs of a 19 MB
# PDF at once with curl, as vaadin-upload does. Prints the live heap after a full GC before and after, the
# highest heap in use while the uploads ran (jstat every 50 ms: survivor + eden + old), the young and full GCs
# meanwhile, each answer's status and time, and what reached the evidence folder. EXTRA adds arguments to the
# portal's command line (e.g. EXTRA=--spring.servlet.multipart.max-file-size=1MB shows Spring's old default).
set -euo pipefail
JAR=$(readlink -f "${1:?the production jar, e.g. target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar (mvn -B verify builds it)}")
. "$(dirname "$0")/checks.sh"
production_jar "$JAR"
need jcmd "it comes with a JDK (apt-get install -y openjdk-17-jdk-headless)"
need curl "apt-get install -y curl"
need python3 "apt-get install -y python3"
PORT=${2:-18101}
N=${N:-10}
MB=${MB:-19}
WORK=${WORK:-/tmp/bench-upload}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
BASE="http://127.0.0.1:$PORT"
rm -rf "$WORK" && mkdir -p "$WORK"

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/db/portal" \
     --portal.files.dir="$WORK/files" --portal.backup.dir="$WORK/backups" --portal.demo.workflow=true \
     ${EXTRA:-} >"$WORK/portal.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until grep -q "Created demo assignments, reports and an extension request" "$WORK/portal.log"; do
  kill -0 "$PID" 2>/dev/null || { echo "the portal stopped; see $WORK/portal.log"; exit 1; }
  sleep 1
done

# a PDF of $MB MB: a real header, then filler
{ printf '%%PDF-1.4\n%% bench\n'; head -c $((MB * 1024 * 1024 - 16)) /dev/zero | tr '\0' ' '; } >"$WORK/bien-ban.pdf"

# log in through the form, then open "my work" and the returned report as the browser does (Vaadin's init and
# router navigations over UIDL); prints the report, its upload's address and the session cookie
read -r report target cookie < <(python3 - "$BASE" danang.cv <<'PY'
import http.cookiejar, json, re, sys, urllib.parse, urllib.request
base, user = sys.argv[1], sys.argv[2]
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
csrf = re.search(r'name="_csrf" content="([^"]*)"', web.open(base + "/login").read().decode()).group(1)
web.open(base + "/login", urllib.parse.urlencode({"username": user, "password": "Demo@2024", "_csrf": csrf}).encode())
config = json.loads(web.open(base + "/?v-r=init&location=&query=").read().decode())["appConfig"]
ui, uidl = config["v-uiId"], config["uidl"]
sync = {"syncId": uidl.get("syncId", -1), "clientId": uidl.get("clientId", 0)}
def navigate(route):
    message = {"csrfToken": uidl["Vaadin-Security-Key"], "rpc": [{"type": "event", "node": 1, "event": "ui-navigate",
               "data": {"route": route, "query": "", "appShellTitle": "", "historyState": {"idx": 0},
                        "trigger": "client"}}], **sync}
    body = web.open(urllib.request.Request(base + "/?v-r=uidl&v-uiId=%d" % ui, json.dumps(message).encode(),
                                           {"Content-Type": "application/json; charset=UTF-8"})).read().decode()
    answer = json.loads(body[len("for(;;);"):])[0] if body.startswith("for(;;);") else json.loads(body)
    sync["syncId"], sync["clientId"] = answer.get("syncId", sync["syncId"]), answer.get("clientId", sync["clientId"] + 1)
    return body
report = re.search(r"mywork-fix-report-(\d+)", navigate("my-work")).group(1)
target = re.search(r"VAADIN/dynamic/resource/[^\"]*/upload", navigate("reports/" + report)).group(0)
print(report, target, "; ".join(c.name + "=" + c.value for c in jar))
PY
)
[ -n "$target" ] || { echo "no upload found on the returned report"; exit 1; }

live() { jcmd "$PID" GC.class_histogram | awk '/^Total/ {printf "%.1f", $3 / 1048576}'; }
echo "portal PID $PID ($JAVA_OPTS), report $report, upload $target; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "live heap before: $(live) MB"
jstat -gc "$PID" 50 >"$WORK/jstat.txt" &
JSTAT=$!
sleep 1
start=$(date +%s.%N)
uploads=()
for i in $(seq 1 "$N"); do
  curl -s -o "$WORK/answer-$i.txt" -w "%{http_code} %{time_total}s\n" -H "Cookie: $cookie" \
       -F "file=@$WORK/bien-ban.pdf;filename=bien-ban-$i.pdf;type=application/pdf" "$BASE/$target" >"$WORK/status-$i.txt" &
  uploads+=($!)
done
wait "${uploads[@]}"
end=$(date +%s.%N)
sleep 1
kill "$JSTAT" 2>/dev/null || true
echo "$N uploads of $MB MB at once: all answered in $(awk "BEGIN {printf \"%.1f\", $end - $start}") s; status and time of each: $(cat "$WORK"/status-*.txt | tr '\n' ' ')"
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used; if (first == "") { first = used; ygc = $13; fgc = $15 }
     ly = $13; lf = $15 }
     END { printf "heap in use while they ran: %.1f MB at first, at most %.1f MB; %d young and %d full GCs meanwhile\n",
           first / 1024, max / 1024, ly - ygc, lf - fgc }' "$WORK/jstat.txt"
echo "live heap after: $(live) MB"
echo "evidence folder: $(find "$WORK/files" -type f | wc -l) files, $(du -sm "$WORK/files" | cut -f1) MB"
