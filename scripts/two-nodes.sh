#!/usr/bin/env bash
# Two portal nodes on one PostgreSQL 17, behind nginx with sticky sessions, all on 127.0.0.1 (issue #6).
#
#   scripts/two-nodes.sh [start]          start everything and stay in the foreground; Ctrl-C stops it all
#   scripts/two-nodes.sh stop             stop what a start left running (from another terminal)
#   scripts/two-nodes.sh failover [USERS] [RAMP] [HOLD]
#                                         start, run the load test through nginx, kill -9 node 1 half-way
#                                         through the hold, print what happened, stop everything
#
# From a clean clone: builds the production jar (target/nodes-build, as the browser tests build theirs) and
# the test classes (the database launcher and the load test). PostgreSQL: zonky's embedded PostgreSQL 17
# binaries from Maven Central, the ones the tests use (TwoNodesDb); no system PostgreSQL needed. nginx:
# Debian's package, installed first (sudo apt-get install -y nginx; the script stops and says so if it is
# missing), run here as a child process with its own configuration under $RUN/nginx, not as the system
# service. The portal nodes run the `prod` profile (PostgreSQL from PORTAL_DB_URL, no demo accounts); the
# demo data is loaded once, by a first start without `prod` that stops when it is done (skipped when
# $RUN/pgdata already holds it). Evidence files: one directory shared by both nodes ($RUN/files; on several
# machines, a shared file system mounted at portal.files.dir).
#
# Ports: PG_PORT (15432), NODE1_PORT (18081), NODE2_PORT (18082), LB_PORT (18080); RUN directory
# (target/two-nodes). Open http://127.0.0.1:18080 and log in with a demo account (README).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUN=${RUN:-$ROOT/target/two-nodes}
PG_PORT=${PG_PORT:-15432}
NODE1_PORT=${NODE1_PORT:-18081}
NODE2_PORT=${NODE2_PORT:-18082}
LB_PORT=${LB_PORT:-18080}
JAR=$ROOT/target/nodes-build/moha-portal-0.1.0-SNAPSHOT.jar
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
NODE_HEAP=${NODE_HEAP:-768m}

log() { echo "[two-nodes] $(date -u +%H:%M:%S) $*"; }

# ------------------------------------------------------------------ stop: only the processes this script started
stop() {
  local name pid
  for name in nginx node1 node2 seed db; do
    if [[ -f $RUN/$name.pid ]]; then
      pid=$(cat "$RUN/$name.pid")
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        log "stopped $name (pid $pid)"
      fi
      rm -f "$RUN/$name.pid"
    fi
  done
}

if [[ ${1:-start} == stop ]]; then
  stop
  exit 0
fi

# ------------------------------------------------------------------ build
build() {
  if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    log "nginx is missing; install it first (Debian, Ubuntu: sudo apt-get install -y nginx) and run again"
    exit 1
  fi
  mkdir -p "$RUN"
  if [[ ! -f $JAR || -n ${REBUILD:-} ]]; then
    log "building the production jar (mvn -Pproduction package into target/nodes-build)"
    mvn -B -q -Pproduction -Dmaven.test.skip=true -Dportal.build.dir="$ROOT/target/nodes-build" package
  fi
  if [[ ! -f $RUN/classpath.txt || -n ${REBUILD:-} ]]; then
    log "compiling the test classes (database launcher, load test)"
    mvn -B -q test-compile dependency:build-classpath -De2e.skip=true -Dmdep.includeScope=test \
        -Dmdep.outputFile="$RUN/classpath.txt"
  fi
  CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$RUN/classpath.txt")"
}

wait_for() { # file, text, seconds, pid
  local i
  for i in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$4" 2>/dev/null || { log "process $4 ended; see $1"; tail -20 "$1"; return 1; }
    sleep 1
  done
  log "no '$2' in $1 after $3 s"; return 1
}

# ------------------------------------------------------------------ PostgreSQL 17 (zonky's binaries)
start_db() {
  mkdir -p "$RUN/pgdata"
  java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb start "$PG_PORT" "$RUN/pgdata" >"$RUN/db.log" 2>&1 &
  echo $! >"$RUN/db.pid"
  wait_for "$RUN/db.log" "PostgreSQL 17 ready" 120 "$(cat "$RUN/db.pid")"
  log "PostgreSQL 17 on 127.0.0.1:$PG_PORT, data in $RUN/pgdata"
}

# ------------------------------------------------------------------ portal nodes
node_args() { # port
  echo "-Xmx$NODE_HEAP -jar $JAR --server.address=127.0.0.1 --server.port=$1 --portal.files.dir=$RUN/files \
--portal.backup.dir=$RUN/backups"
}

seed() {
  if [[ -f $RUN/pgdata/.portal-demo-data ]]; then
    return
  fi
  log "loading the demo data once (a start without the prod profile, stopped when done; 1-3 minutes)"
  # shellcheck disable=SC2046
  java $(node_args "$NODE1_PORT") --spring.datasource.url="$DB_URL" --spring.datasource.username=postgres \
      --spring.datasource.password= --portal.demo.workflow=true >"$RUN/seed.log" 2>&1 &
  echo $! >"$RUN/seed.pid"
  wait_for "$RUN/seed.log" "Created demo assignments, reports and an extension request" 900 "$(cat "$RUN/seed.pid")"
  kill "$(cat "$RUN/seed.pid")"; wait "$(cat "$RUN/seed.pid")" 2>/dev/null || true; rm -f "$RUN/seed.pid"
  touch "$RUN/pgdata/.portal-demo-data"
}

start_node() { # name port
  # shellcheck disable=SC2046
  PORTAL_DB_URL=$DB_URL PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD= PORTAL_BASE_URL="http://127.0.0.1:$LB_PORT" \
      java $(node_args "$2") --spring.profiles.active=prod >"$RUN/$1.log" 2>&1 &
  echo $! >"$RUN/$1.pid"
}

# ------------------------------------------------------------------ nginx, sticky by a cookie naming the node
nginx_conf() {
  mkdir -p "$RUN/nginx/logs"
  local user=""
  [[ $(id -u) == 0 ]] && user="user root root;"
  cat >"$RUN/nginx/nginx.conf" <<EOF
# scripts/two-nodes.sh: two portal nodes behind nginx with sticky sessions (open-source nginx, no sticky module).
# A Vaadin session lives in one node's memory: nginx names the node that answered in cookie portal_node and
# sends the next requests of that browser to it. Its upstream group has the other node as backup: when the
# node is down (connection refused, timeout) the request goes to the other node, which does not know the
# session and sends the user to log in again; the cookie then names the new node.
$user
worker_processes 1;
daemon off;
pid $RUN/nginx/nginx.pid;
error_log $RUN/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $RUN/nginx/client_body;
    proxy_temp_path $RUN/nginx/proxy;
    fastcgi_temp_path $RUN/nginx/fastcgi;
    uwsgi_temp_path $RUN/nginx/uwsgi;
    scgi_temp_path $RUN/nginx/scgi;
    log_format nodes '\$msec \$status \$request_time "\$upstream_addr" "\$request"';
    access_log $RUN/nginx/logs/access.log nodes;
    client_max_body_size 25m;

    upstream node1_first {
        server 127.0.0.1:$NODE1_PORT max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$NODE2_PORT backup;
        keepalive 16;
    }
    upstream node2_first {
        server 127.0.0.1:$NODE2_PORT max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$NODE1_PORT backup;
        keepalive 16;
    }
    upstream any_node { # a browser without the cookie (a new visitor): round robin
        server 127.0.0.1:$NODE1_PORT max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$NODE2_PORT max_fails=1 fail_timeout=10s;
        keepalive 16;
    }
    map \$cookie_portal_node \$portal_upstream {
        node1   node1_first;
        node2   node2_first;
        default any_node;
    }
    # the node that finally answered (after a failed try \$upstream_addr lists both: the last one counts)
    map \$upstream_addr \$portal_node {
        "~127\.0\.0\.1:$NODE1_PORT\$" node1;
        "~127\.0\.0\.1:$NODE2_PORT\$" node2;
        default "";
    }
    map \$portal_node \$portal_node_cookie {
        ""      "";
        default "portal_node=\$portal_node; Path=/; HttpOnly; SameSite=Lax";
    }

    server {
        listen 127.0.0.1:$LB_PORT;
        location / {
            proxy_pass http://\$portal_upstream;
            proxy_next_upstream error timeout; # a POST the dead node had received is not sent again
            proxy_connect_timeout 2s;
            proxy_read_timeout 300s;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host:\$server_port;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Port \$server_port; # else Tomcat takes 80 for http (redirects)
            add_header Set-Cookie \$portal_node_cookie always;
            add_header X-Portal-Node \$portal_node always;
        }
    }
}
EOF
}

start_nginx() {
  nginx_conf
  local bin
  bin=$(command -v nginx || echo /usr/sbin/nginx)
  "$bin" -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" >"$RUN/nginx/logs/stdout.log" 2>&1 &
  echo $! >"$RUN/nginx.pid"
  for _ in $(seq 1 20); do
    curl -s -o /dev/null "http://127.0.0.1:$LB_PORT/login" && break
    sleep 0.5
  done
  log "nginx on 127.0.0.1:$LB_PORT (config $RUN/nginx/nginx.conf)"
}

start_all() {
  build
  stop # what an earlier run may have left
  trap 'stop' EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$RUN/files" "$RUN/backups"
  start_db
  seed
  log "starting node1 (:$NODE1_PORT) and node2 (:$NODE2_PORT), prod profile"
  start_node node1 "$NODE1_PORT"
  start_node node2 "$NODE2_PORT"
  wait_for "$RUN/node1.log" "Started Application" 300 "$(cat "$RUN/node1.pid")"
  wait_for "$RUN/node2.log" "Started Application" 300 "$(cat "$RUN/node2.pid")"
  start_nginx
  sticky_check
}

# A real login through nginx with curl: every answer must come from the node that served the first one.
sticky_check() {
  local jar=$RUN/curl-cookies.txt csrf nodes
  rm -f "$jar"
  nodes=$(curl -s -c "$jar" -b "$jar" -D - -o "$RUN/login.html" "http://127.0.0.1:$LB_PORT/login" \
      | tr -d '\r' | awk -F': ' 'tolower($1)=="x-portal-node"{print $2}')
  csrf=$(grep -o 'name="_csrf" content="[^"]*"' "$RUN/login.html" | sed 's/.*content="//; s/"$//')
  nodes="$nodes $(curl -s -c "$jar" -b "$jar" -D - -o /dev/null --data-urlencode "_csrf=$csrf" \
      --data-urlencode username=lanhdao --data-urlencode password=Demo@2024 "http://127.0.0.1:$LB_PORT/login" \
      | tr -d '\r' | awk -F': ' 'tolower($1)=="x-portal-node"{n=$2} tolower($1)=="location"{l=$2} END{print n"(->"l")"}')"
  for page in / /my-work /dashboard; do
    nodes="$nodes $(curl -s -c "$jar" -b "$jar" -D - -o /dev/null "http://127.0.0.1:$LB_PORT$page" \
        | tr -d '\r' | awk -F': ' 'tolower($1)=="x-portal-node"{n=$2} /^HTTP/{split($0, h, " "); s=h[2]} \
        END{print n"("s")"}')"
  done
  log "sticky check, a curl login as lanhdao through nginx, node per answer: $nodes"
}

# ------------------------------------------------------------------ the load test with a node stopped
failover() {
  local users=${1:-30} ramp=${2:-30} hold=${3:-150}
  start_all
  rm -f "$RUN/actions.txt"; touch "$RUN/actions.txt"
  printf '<configuration><appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%%msg%%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="out"/></root></configuration>\n' >"$RUN/gatling-logback.xml"
  java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb mark "$DB_URL" "$RUN/mark.txt"
  log "load test: $users users through nginx, ramp $ramp s, hold $hold s; node1 is killed $((hold / 2)) s into the hold"
  java --add-opens java.base/java.lang=ALL-UNNAMED -cp "$CP" -Dportal.load.url="http://127.0.0.1:$LB_PORT" \
      -Dload.users="$users" -Dload.ramp="$ramp" -Dload.hold="$hold" -Dload.failover=true \
      -Dload.actions="$RUN/actions.txt" -Dlogback.configurationFile="$RUN/gatling-logback.xml" \
      io.gatling.app.Gatling -s vn.gov.moha.portal.load.PortalSimulation -rf "$RUN/gatling" \
      >"$RUN/gatling.log" 2>&1 &
  local gatling=$!
  sleep $((ramp + hold / 2))
  local killed_at
  killed_at=$(date +%s.%N)
  kill -9 "$(cat "$RUN/node1.pid")"
  log "node1 killed (kill -9) at $(date -u +%H:%M:%S)"
  local status=0
  wait "$gatling" || status=$?
  grep -E '^\[load\]|Global:|^> (request count|failed)' "$RUN/gatling.log" || true
  log "Gatling exit code $status (0: no failed request)"
  # access log: msec status time "upstream(s) tried" "request"; after a failed try the upstreams are "a, b"
  awk -F'"' -v t="$killed_at" -v p="127.0.0.1:$NODE2_PORT" -v q="127.0.0.1:$NODE1_PORT" '
      { split($1, f, " ") }
      f[1] > t { after++; n = split($2, u, ", "); if (u[n] == p && f[2] < 500) ok2++; if (f[2] >= 500) bad++;
                 if (n > 1 && u[1] == q) moved++ }
      END { printf "[two-nodes] after the kill: %d requests through nginx; node2 answered %d of them (status < 500), " \
            "%d of these after a refused try on node1; %d answered 502 (requests node1 had taken when it died)\n", \
            after, ok2, moved, bad }' \
      "$RUN/nginx/logs/access.log"
  java -cp "$CP" vn.gov.moha.portal.load.TwoNodesDb check "$DB_URL" "$RUN/mark.txt" "$RUN/actions.txt"
}

case ${1:-start} in
  start)
    start_all
    log "ready: http://127.0.0.1:$LB_PORT (logs in $RUN); Ctrl-C stops everything"
    wait "$(cat "$RUN/nginx.pid")"
    ;;
  failover)
    shift
    failover "$@"
    ;;
  *)
    echo "usage: $0 [start|stop|failover [USERS] [RAMP] [HOLD]]" >&2
    exit 2
    ;;
esac
