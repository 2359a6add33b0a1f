#!/usr/bin/env bash
# Benchmark of the OAuth2 gateway, with its baseline measured in the same run:
#   1. client_credentials token issuance: Keycloak (the mainstream identity server, ES256
#      tokens, from Maven Central) and then Shutong's gateway, same wrk load, one after the
#      other so they never share the CPU;
#   2. an authenticated read through the gateway against the same call made directly to the
#      service: the gateway's added latency (p50/p99) and its throughput ratio.
# Results go to target/bench/oauth2-gateway-<date>.txt and are printed.
#
#   bench/oauth2-gateway.sh            (needs wrk, curl, python3; fetches Keycloak once)
#   WARMUP=30s DURATION=20s CONNECTIONS=16 KEYCLOAK=skip bench/oauth2-gateway.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh

WARMUP=${WARMUP:-30s} DURATION=${DURATION:-20s} CONNECTIONS=${CONNECTIONS:-16}
export KC_VERSION=${KC_VERSION:-26.7.3}
KC_DIR=${KC_DIR:-$HOME/.cache/shutong-bench/keycloak}
KC_PORT=${KC_PORT:-18180} GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080} CATALOG_PORT=${BENCH_CATALOG_PORT:-18081}

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/oauth2-gateway-$(date +%F).txt"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "$*" | tee -a "$report"; }
wait_for() { local url=$1 i; for i in $(seq 240); do curl -fsS -o /dev/null "$url" && return 0; sleep 1; done; echo "timed out: $url" >&2; exit 1; }
# Runs wrk twice, a warm-up and a measured run, and prints requests/s and p50/p99.
measure() {
  local name=$1 script=$2 url=$3
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" >"$work/$name.wrk"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$work/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$work/$name.wrk")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/$name.wrk")
  printf '%-34s %10s req/s   p50 %9s   p99 %9s   non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" | tee -a "$report"
  echo "$rps" >"$work/$name.rps"
}
wrk_post() { # file, form body, optional Authorization header value
  printf 'wrk.method = "POST"\nwrk.body = "%s"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n' "$2" >"$1"
  if [ -n "${3:-}" ]; then printf 'wrk.headers["Authorization"] = "%s"\n' "$3" >>"$1"; fi
}

: >"$report"
log "# OAuth2 gateway benchmark, $(date -Is), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
log "# wrk -t2 -c$CONNECTIONS, warm-up $WARMUP then $DURATION measured per line"

# 1a. Keycloak, client_credentials with ES256 tokens.
if [ "${KEYCLOAK:-run}" != skip ]; then
  mkdir -p "$KC_DIR"
  if [ ! -d "$KC_DIR/keycloak-$KC_VERSION" ]; then
    curl -fsS -o "$KC_DIR/kc.tgz" "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.tar.gz"
    tar xzf "$KC_DIR/kc.tgz" -C "$KC_DIR" && rm "$KC_DIR/kc.tgz"
  fi
  kc="$KC_DIR/keycloak-$KC_VERSION"
  rm -rf "$kc/data"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin setsid "$kc/bin/kc.sh" start-dev \
    --http-port "$KC_PORT" --http-host 127.0.0.1 >"$work/keycloak.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$KC_PORT/realms/master"
  "$kc/bin/kcadm.sh" config credentials --server "http://127.0.0.1:$KC_PORT" --realm master --user admin --password admin --config "$work/kcadm.config" >/dev/null
  "$kc/bin/kcadm.sh" create realms -s realm=bench -s enabled=true --config "$work/kcadm.config" >/dev/null
  "$kc/bin/kcadm.sh" create clients -r bench -s clientId=bench-client -s secret=bench-secret -s serviceAccountsEnabled=true \
    -s publicClient=false -s standardFlowEnabled=false -s 'attributes."access.token.signed.response.alg"=ES256' \
    --config "$work/kcadm.config" >/dev/null
  wrk_post "$work/kc.lua" "grant_type=client_credentials&client_id=bench-client&client_secret=bench-secret"
  measure "keycloak $KC_VERSION tokens" "$work/kc.lua" "http://127.0.0.1:$KC_PORT/realms/bench/protocol/openid-connect/token"
  kill -- "-${pids[0]}" 2>/dev/null || true
  wait "${pids[0]}" 2>/dev/null || true
  pids=()
fi

# 1b. Shutong's gateway on the embedded default, a demo department system's client.
for module in gateway catalog-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done
export SHUTONG_DATA_DIR="$work/data" SHUTONG_ISSUER="http://127.0.0.1:$GATEWAY_PORT"
mkdir -p "$SHUTONG_DATA_DIR"
setsid java -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" \
  --shutong.services.catalog="http://127.0.0.1:$CATALOG_PORT" \
  --shutong.gateway.rate-limit.capacity=100000000 >"$work/gateway.log" 2>&1 &
pids+=($!)
setsid java -jar "catalog-service/target/catalog-service-$version.jar" --server.port="$CATALOG_PORT" >"$work/catalog.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$CATALOG_PORT/actuator/health/readiness"
read -r client secret < <(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['clients'][0]; print(c['clientId'], c['clientSecret'])" "$SHUTONG_DATA_DIR/demo-credentials.json")
basic="Basic $(printf '%s:%s' "$client" "$secret" | base64 -w0)"
wrk_post "$work/shutong.lua" "grant_type=client_credentials&scope=catalog.read" "$basic"
measure "shutong gateway tokens" "$work/shutong.lua" "http://127.0.0.1:$GATEWAY_PORT/oauth2/token"

# 2. An authenticated read, directly at the service and through the gateway.
token=$(curl -fsS -H "Authorization: $basic" -d grant_type=client_credentials -d scope=catalog.read \
  "http://127.0.0.1:$GATEWAY_PORT/oauth2/token" | python3 -c "import json,sys; print(json.load(sys.stdin)['access_token'])")
cat >"$work/read.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
measure "catalog read, direct" "$work/read.lua" "http://127.0.0.1:$CATALOG_PORT/api/catalog/resources?size=1"
measure "catalog read, through gateway" "$work/read.lua" "http://127.0.0.1:$GATEWAY_PORT/api/catalog/resources?size=1"

python3 - "$work" "$report" <<'PY'
import os, re, sys
work, report = sys.argv[1], sys.argv[2]
def rps(name):
    path = os.path.join(work, name + ".rps")
    return float(open(path).read()) if os.path.exists(path) else None
def latency(name, pct):
    text = open(os.path.join(work, name + ".wrk")).read()
    value, unit = re.search(r"^\s+%s%%\s+([\d.]+)(\w+)" % pct, text, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
lines = []
kc, st = rps("keycloak %s tokens" % os.environ.get("KC_VERSION", "26.7.3")), rps("shutong gateway tokens")
if kc:
    lines.append("token issuance: shutong/keycloak = %.2f (goal >= 2.0)" % (st / kc))
direct, through = "catalog read, direct", "catalog read, through gateway"
lines.append("pass-through: throughput %.0f%% of direct; added latency p50 %.2f ms, p99 %.2f ms"
             % (100 * rps(through) / rps(direct), latency(through, 50) - latency(direct, 50),
                latency(through, 99) - latency(direct, 99)))
with open(report, "a") as out:
    for line in lines:
        print(line)
        out.write(line + "\n")
PY
echo "report: $report"
