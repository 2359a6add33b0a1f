#!/usr/bin/env bash
# Benchmark of the catalogue search on the mysql profile, with its baseline measured in the same run:
# RESOURCES generated current resources (bench/catalog/generate.py, straight into a fresh schema,
# then indexed by the service at startup), then wrk with CONNECTIONS concurrent clients:
#   1. baseline: the catalogue list without q (the database query: newest versions, page of 20);
#   2. search: the same list with q, cycling through Chinese and English words.
# Results go to target/bench/catalog-search-<date>.txt and are printed.
#
#   bench/catalog-search.sh       (needs wrk, curl, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306)
#   RESOURCES=5000 DURATION=10s bench/catalog-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh

RESOURCES=${RESOURCES:-20000} WARMUP=${WARMUP:-20s} DURATION=${DURATION:-20s} CONNECTIONS=${CONNECTIONS:-4}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080} CATALOG_PORT=${BENCH_CATALOG_PORT:-18081}
MYSQL="mysql -uroot -h127.0.0.1"
SCHEMA=shutong_catalog_bench

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/catalog-search-$(date +%F).txt"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }
wait_for() { local url=$1 i; for i in $(seq 300); do curl -fsS -o /dev/null "$url" 2>/dev/null && return 0; sleep 1; done; echo "timed out: $url" >&2; exit 1; }
measure() { # name, lua script
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$2" "http://127.0.0.1:$CATALOG_PORT" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$2" "http://127.0.0.1:$CATALOG_PORT" >"$work/$1.wrk"
  printf '%-28s %9s req/s   p50 %9s   p99 %9s   non-2xx %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$work/$1.wrk")" \
    "$(awk '$1=="50%" {print $2}' "$work/$1.wrk")" "$(awk '$1=="99%" {print $2}' "$work/$1.wrk")" \
    "$(awk '/Non-2xx/ {print $5}' "$work/$1.wrk")" | tee -a "$report"
}

for module in gateway catalog-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done
: >"$report"
log "# Catalogue search benchmark, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# $RESOURCES resources; wrk -t2 -c$CONNECTIONS, warm-up $WARMUP then $DURATION measured"

$MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
export SHUTONG_DATA_DIR="$work/data" SHUTONG_ISSUER="http://127.0.0.1:$GATEWAY_PORT"
mkdir -p "$SHUTONG_DATA_DIR"
catalog_service() {
  setsid java -jar "catalog-service/target/catalog-service-$version.jar" --spring.profiles.active=mysql \
    --server.port="$CATALOG_PORT" --shutong.schema="$SCHEMA" --shutong.keys.generate-missing=true \
    --spring.datasource.username=root --spring.datasource.password= >>"$work/catalog.log" 2>&1 &
  pids+=($!)
}
setsid java -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" >"$work/gateway.log" 2>&1 &
pids+=($!)
# First start: the migrations; then the generated catalogue goes straight into the tables, and the
# second start indexes it (the index of an empty catalogue is rebuilt at startup).
catalog_service
wait_for "http://127.0.0.1:$CATALOG_PORT/actuator/health/readiness"
kill -- "-${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
python3 bench/catalog/generate.py "$RESOURCES" | $MYSQL "$SCHEMA"
rm -rf "$SHUTONG_DATA_DIR/catalog/index"
started=$(date +%s)
catalog_service
wait_for "http://127.0.0.1:$CATALOG_PORT/actuator/health/readiness"
log "catalogue of $($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.data_resource") resources indexed and ready in $(( $(date +%s) - started )) s"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"

read -r client secret < <(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['clients'][0]; print(c['clientId'], c['clientSecret'])" "$SHUTONG_DATA_DIR/demo-credentials.json")
token=$(curl -fsS -u "$client:$secret" -d grant_type=client_credentials -d scope=catalog.read \
  "http://127.0.0.1:$GATEWAY_PORT/oauth2/token" | python3 -c "import json,sys; print(json.load(sys.stdin)['access_token'])")
hits=$(curl -fsS -G -H "Authorization: Bearer $token" --data-urlencode "q=婚姻" "http://127.0.0.1:$CATALOG_PORT/api/catalog/resources" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
log "q=婚姻 finds $hits resources"

cat >"$work/list.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
wrk.path = "/api/catalog/resources?size=20"
LUA
cat >"$work/search.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
local words = {"婚姻", "营业执照", "社会保险", "户籍 核验", "不动产登记", "marriage", "business licence", "pension",
  "身份证号", "统一社会信用代码", "公积金", "driving", "出生医学证明", "tax"}
local i = 0
local function encode(s) return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
request = function()
  i = i + 1
  return wrk.format("GET", "/api/catalog/resources?size=20&q=" .. encode(words[(i % #words) + 1]))
end
LUA
measure "list, no q (database)" "$work/list.lua"
measure "search q (Lucene)" "$work/search.lua"
$MYSQL -e "DROP DATABASE $SCHEMA"
echo "report: $report"
