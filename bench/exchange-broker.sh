#!/usr/bin/env bash
# Benchmark of the exchange broker against its baselines, all measured in the same run with wrk at
# CONNECTIONS concurrent consumers (POST, like ../shared/bench/proxy_baseline.sh):
#   1. a fast provider stub (nginx returning fixed JSON), called directly;
#   2. the same stub through a plain nginx reverse proxy;
#   3. the broker (catalog-service) querying the stub for a consumer with a grant, auditing on: each
#      query checks the grant, signs the provider request, masks the answer and stores its receipt and
#      audit event before answering; the events go on to the audit service meanwhile;
#   4. the same through the gateway;
#   5. the floor of any endpoint of the catalog service on this stack and machine: its liveness probe
#      (no token, no database), and the consumer reading one receipt (token check, one SELECT).
# Afterwards it waits for the outbox to drain and counts receipts and audit-log entries.
# Results go to target/bench/exchange-broker-<date>.txt and are printed.
#
#   bench/exchange-broker.sh     (needs nginx, wrk, curl, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306)
#   DURATION=10s CONNECTIONS=64 bench/exchange-broker.sh
#   JFR=1 bench/exchange-broker.sh   (also records the catalog service's profile to target/bench/catalog.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh
. bench/lib/cpu.sh

WARMUP=${WARMUP:-20s} DURATION=${DURATION:-20s} CONNECTIONS=${CONNECTIONS:-32}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
STUB_PORT=${STUB_PORT:-18090} PROXY_PORT=${PROXY_PORT:-18091}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080} CATALOG_PORT=${BENCH_CATALOG_PORT:-18081} AUDIT_PORT=${BENCH_AUDIT_PORT:-18083}
MYSQL="mysql -uroot -h127.0.0.1"
SCHEMA=shutong_exchange_bench
PROVIDER=11330100002482100A CONSUMER=113301000024825001 SERVICE_ITEM=330100-MZ-0012
ID_NUMBER=150402199001010010

for tool in nginx wrk; do command -v $tool >/dev/null || { echo "$tool is needed (apt-get install nginx-light wrk)" >&2; exit 2; }; done
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/exchange-broker-$(date +%F).txt"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }
wait_for() { local url=$1 i; for i in $(seq 300); do curl -fsS -o /dev/null "$url" 2>/dev/null && return 0; sleep 1; done; echo "timed out: $url" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
measure() { # name, url, lua script; prints and keeps requests/s, p50 and p99 (ms)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$3" "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$3" "$2" >"$work/$1.wrk"
  python3 - "$1" "$work/$1.wrk" <<'PY' | tee -a "$report"
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{name:<22} {rate:>10.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   non-2xx {bad.group(1) if bad else 0}"
      + (f"   socket errors: {errors.group(1)}" if errors else ""))
open(sys.argv[2] + ".nums", "w").write(f"{rate} {p50} {p99}\n")
PY
}

for module in gateway catalog-service audit-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done
: >"$report"
log "# Exchange broker benchmark, $(date -Is), $(nproc) cores, $(nginx -v 2>&1), $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# wrk -t$THREADS -c$CONNECTIONS, POST, warm-up $WARMUP then $DURATION measured, one after another"

# The provider stub and the plain proxy (the configuration of ../shared/bench/proxy_baseline.sh).
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  upstream stub { server 127.0.0.1:$STUB_PORT; keepalive 64; }
  server { listen 127.0.0.1:$STUB_PORT;
    location / { default_type application/json;
      return 200 '[{"name":"张三","idNumber":"$ID_NUMBER","status":"已婚","internalNote":"x"}]'; } }
  server { listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://stub; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
nginx -c "$work/nginx.conf"

$MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
export SHUTONG_DATA_DIR="$work/data" SHUTONG_ISSUER="http://127.0.0.1:$GATEWAY_PORT" AUDIT_URL="http://127.0.0.1:$AUDIT_PORT"
export SHUTONG_RATE_LIMIT=100000000 SHUTONG_EXCHANGE_QUOTA_PER_MINUTE=100000000 SHUTONG_EXCHANGE_QUOTA_PER_DAY=1000000000
export SHUTONG_EXCHANGE_ALLOW_LOOPBACK=true CATALOG_URL="http://127.0.0.1:$CATALOG_PORT" AUDIT_SERVICE_URL="$AUDIT_URL"
mkdir -p "$SHUTONG_DATA_DIR"
processes=()
start() { # module, log, arguments...
  local module=$1 logfile=$2; shift 2
  local jvm=()
  while [[ ${1:-} == -X* ]]; do jvm+=("$1"); shift; done
  setsid java "${jvm[@]}" -jar "$module/target/$module-$version.jar" "$@" >"$work/$logfile" 2>&1 &
  pids+=($!)
  processes+=("$module=$!")
}
start gateway gateway.log --server.port="$GATEWAY_PORT"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
start audit-service audit.log --server.port="$AUDIT_PORT"
catalog_jvm=()
[ -n "${JFR:-}" ] && catalog_jvm=(-XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=$PWD/$out_dir/catalog.jfr,settings=profile,dumponexit=true)
start catalog-service catalog.log "${catalog_jvm[@]}" --spring.profiles.active=mysql --server.port="$CATALOG_PORT" --shutong.schema="$SCHEMA" \
  --shutong.keys.generate-missing=true --spring.datasource.username=root --spring.datasource.password=
wait_for "http://127.0.0.1:$AUDIT_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$CATALOG_PORT/actuator/health/readiness"

# The administrator's allowlist entry for the stub, written straight into its table.
$MYSQL "$SCHEMA" -e "INSERT INTO exchange_provider VALUES ('127.0.0.1', 'provider stub (nginx)', 5000, 256, NOW(6), 'bench')"
token() { # department, scopes
  local client secret
  read -r client secret < <(python3 -c "import json,sys; c=[c for c in json.load(open(sys.argv[1]))['clients'] if c['departmentCode']==sys.argv[2]][0]; print(c['clientId'], c['clientSecret'])" \
    "$SHUTONG_DATA_DIR/demo-credentials.json" "$1")
  curl -fsS -u "$client:$secret" -d grant_type=client_credentials --data-urlencode "scope=$2" \
    "http://127.0.0.1:$GATEWAY_PORT/oauth2/token" | json "d['access_token']"
}
provider=$(token $PROVIDER "catalog.write sharing.review")
consumer=$(token $CONSUMER "sharing.apply exchange.query")
code=$(curl -fsS -H "Authorization: Bearer $provider" -H 'Content-Type: application/json' "$CATALOG_URL/api/catalog/resources" -d @- <<JSON | json "d['code']"
{"name": "婚姻状况核验", "description": "按公民身份号码核验婚姻状况", "category": "GA", "securityLevel": 2,
 "sharingType": "UNCONDITIONAL", "openType": "NOT_OPEN", "updateCycle": "DAILY",
 "items": [{"name": "name", "type": "string", "description": "姓名", "sensitive": true},
           {"name": "idNumber", "type": "string", "description": "公民身份号码", "sensitive": true},
           {"name": "status", "type": "string", "description": "婚姻状况", "sensitive": false},
           {"name": "internalNote", "type": "string", "description": "内部备注", "sensitive": false}],
 "endpoint": {"url": "http://127.0.0.1:$STUB_PORT/query", "method": "POST",
              "parameters": [{"name": "idNumber", "type": "string", "required": true, "description": "公民身份号码"}]}}
JSON
)
curl -fsS -o /dev/null -H "Authorization: Bearer $consumer" -H 'Content-Type: application/json' \
  "$CATALOG_URL/api/catalog/resources/$code/applications" -d @- <<JSON
{"purpose": "办理婚姻登记", "legalBasis": "《婚姻登记条例》", "items": ["name", "idNumber", "status"],
 "serviceItemCode": "$SERVICE_ITEM", "validUntil": "$(date -u -d '+30 days' +%FT%TZ)"}
JSON
query='{"parameters": {"idNumber": "'$ID_NUMBER'"}, "purpose": "办理婚姻登记", "serviceItemCode": "'$SERVICE_ITEM'"}'
answer=$(curl -fsS -H "Authorization: Bearer $consumer" -H 'Content-Type: application/json' -d "$query" "$CATALOG_URL/api/exchange/$code/query")
log "one answer: $answer"
receipt=$(echo "$answer" | json "d['receiptId']")

cat >"$work/stub.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"idNumber":"$ID_NUMBER"}'
wrk.headers["Content-Type"] = "application/json"
wrk.path = "/query"
LUA
cat >"$work/broker.lua" <<LUA
wrk.method = "POST"
wrk.body = '$query'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $consumer"
wrk.path = "/api/exchange/$code/query"
LUA
measure "stub, direct" "http://127.0.0.1:$STUB_PORT" "$work/stub.lua"
measure "stub, nginx proxy" "http://127.0.0.1:$PROXY_PORT" "$work/stub.lua"
processes+=("mariadb=$(pidof mariadbd)")
i=0; for worker in $(pgrep -P "$(cat "$work/nginx.pid")"); do processes+=("nginx-stub.$((++i))=$worker"); done
before=$(cpu_snapshot "${processes[@]}") started=$(date +%s.%N)
measure "broker" "http://127.0.0.1:$CATALOG_PORT" "$work/broker.lua"
cpu_report "the broker's warm-up and measurement" "$before" "$(cpu_snapshot "${processes[@]}")" "$started"
measure "broker, via gateway" "http://127.0.0.1:$GATEWAY_PORT" "$work/broker.lua"
echo 'wrk.path = "/actuator/health/liveness"' >"$work/liveness.lua"
cat >"$work/receipt.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $consumer"
wrk.path = "/api/exchange/receipts/$receipt"
LUA
measure "catalog liveness probe" "http://127.0.0.1:$CATALOG_PORT" "$work/liveness.lua"
measure "catalog receipt read" "http://127.0.0.1:$CATALOG_PORT" "$work/receipt.lua"

python3 - "$work" <<'PY' | tee -a "$report"
import sys
n = lambda name: [float(x) for x in open(f"{sys.argv[1]}/{name}.wrk.nums").read().split()]
direct, proxy, broker, gateway = n("stub, direct"), n("stub, nginx proxy"), n("broker"), n("broker, via gateway")
probe, receipt = n("catalog liveness probe"), n("catalog receipt read")
print(f"broker: added p50 {broker[1] - direct[1]:.2f} ms, added p99 {broker[2] - direct[2]:.2f} ms over the direct call; "
      f"throughput {100 * broker[0] / proxy[0]:.0f} % of the nginx proxy")
print(f"broker via gateway: added p50 {gateway[1] - direct[1]:.2f} ms; throughput {100 * gateway[0] / proxy[0]:.0f} % of the nginx proxy")
print(f"the catalog service's floor: liveness probe {100 * probe[0] / proxy[0]:.0f} % of the nginx proxy, "
      f"receipt read {100 * receipt[0] / proxy[0]:.0f} %; the broker does {100 * broker[0] / receipt[0]:.0f} % of the receipt reads' rate")
PY

# Every query's audit event reaches the audit log: wait for the outbox to drain, then count.
for _ in $(seq 300); do
  [ "$($MYSQL -N "$SCHEMA" -e 'SELECT COUNT(*) FROM EVENT_PUBLICATION')" = 0 ] && break
  sleep 1
done
receipts=$($MYSQL -N "$SCHEMA" -e "SELECT COUNT(*) FROM exchange_receipt")
waiting=$($MYSQL -N "$SCHEMA" -e "SELECT COUNT(*) FROM EVENT_PUBLICATION")
# The latest checkpoint is signed at most every 500 ms: read until it stops growing.
logged=-1
for _ in $(seq 30); do
  sleep 2
  size=$(curl -fsS "$AUDIT_URL/api/audit/checkpoints/latest" | json "d['treeSize']")
  [ "$size" = "$logged" ] && break
  logged=$size
done
log "receipts $receipts, audit events still in the outbox $waiting, audit log size $logged (the queries' events plus the setup's)"
$MYSQL -e "DROP DATABASE $SCHEMA"
echo "report: $report"
