#!/usr/bin/env bash
# Benchmark of certificate issuance and verification on the mysql profile, with its baselines
# measured in the same run on the same cores:
#   1. baselines: the service's own signing code under JMH (bench/certificate-signing.sh: SM2-SM3 and
#      ES256 sign and verify of a 616-byte canonical certificate, 1 and 2 threads) and
#      `openssl speed sm2` (one core);
#   2. the four services (gateway and catalog on their embedded defaults, the certificate and audit
#      services on the mysql profile with fresh schemas, the certificate service with the demo types);
#      the demo public-security system takes a certificate.issue token from the gateway
#      (client_credentials);
#   3. single issuance: SINGLE sequential POST /api/certificates (ID-card type, SM2), p50/p99;
#   4. bulk issuance: BATCHES NDJSON bodies of BATCH_SIZE to POST /api/certificates/batch, one after
#      another (BATCH_CONCURRENCY at a time), after one warm-up batch; its ratio to the raw 2-thread
#      SM2 signing rate;
#   5. once the audit outbox has drained (its time is reported),
#      verification: wrk posting one issued certificate to POST /api/verify, directly at the service
#      and through the gateway; the gateway's ratio to the raw 2-thread SM2 verify rate.
# Issuance goes straight to the certificate service (a department system inside the network);
# verification, the public endpoint, through the gateway as well. Everything, load generators
# included, shares the two cores. Results go to target/bench/certificate-issuance-<date>.txt.
#
#   bench/certificate-issuance.sh      (needs wrk, curl, python3, openssl, the mysql client, MariaDB/MySQL on 127.0.0.1:3306)
#   WARMUP=10s DURATION=15s BATCHES=3 SIGNING_THREADS=2 bench/certificate-issuance.sh
#   PROFILE=/tmp/profiles KEEP_WORK=1 bench/certificate-issuance.sh
#     (a JFR profile of each service, <module>.jfr in that directory, with 256-frame stacks; the
#     measured phases are marked in the report by their start times; KEEP_WORK copies the
#     services' logs to /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh
. bench/lib/cpu.sh

WARMUP=${WARMUP:-30s} DURATION=${DURATION:-15s} CONNECTIONS=${CONNECTIONS:-16}
SINGLE=${SINGLE:-1000} SINGLE_WARMUP=${SINGLE_WARMUP:-200}
BATCHES=${BATCHES:-5} BATCH_SIZE=${BATCH_SIZE:-10000} BATCH_CONCURRENCY=${BATCH_CONCURRENCY:-1}
SIGNING_THREADS=${SIGNING_THREADS:-1 2}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080} CATALOG_PORT=${BENCH_CATALOG_PORT:-18081}
CERT_PORT=${BENCH_CERTIFICATE_PORT:-18082} AUDIT_PORT=${BENCH_AUDIT_PORT:-18083}
MYSQL="mysql -uroot -h127.0.0.1"
SCHEMA=shutong_certificate_bench AUDIT_SCHEMA=shutong_audit_bench
PUBLIC_SECURITY=11330100002482100A ID_CARD=11330100002482100A101

for tool in wrk openssl; do command -v $tool >/dev/null || { echo "$tool is needed (apt-get install $tool)" >&2; exit 2; }; done
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/certificate-issuance-$(date +%F).txt"
work=$(mktemp -d)
. bench/lib/services.sh
cleanup() {
  stop_services
  [ -n "${KEEP_WORK:-}" ] && cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }
result() { sed -n "s/^RESULT .*$1=\([0-9.]*\).*/\1/p" "$2"; }
measure() { # name, url, lua script; prints and keeps requests/s, p50 and p99 (ms)
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$3" "$2" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$3" "$2" >"$work/$1.wrk"
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
print(f"{name:<26} {rate:>9.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   non-2xx {bad.group(1) if bad else 0}"
      + (f"   socket errors: {errors.group(1)}" if errors else ""))
open(sys.argv[2] + ".nums", "w").write(f"{rate} {p50} {p99}\n")
PY
}

for module in gateway catalog-service certificate-service audit-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done
: >"$report"
log "# Certificate issuance and verification benchmark, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The baselines, alone on the machine.
THREADS="$SIGNING_THREADS" bench/certificate-signing.sh | tee "$work/jmh.txt" | grep -v '^RESULT\|^report:' | tee -a "$report"
openssl speed -seconds 3 sm2 2>/dev/null >"$work/openssl.txt"
log "openssl speed sm2 ($(openssl version | cut -d' ' -f1-2), one core): $(awk '/bits SM2/ {printf "%s sign/s, %s verify/s", $(NF-1), $NF}' "$work/openssl.txt")"
raw() { awk -v b="$1" -v t="$2" '$1=="RESULT" && $2==b && $3=="SM2-SM3" && $4==t {print $5}' "$work/jmh.txt"; }

# 2. The four services; the certificate and audit services on fresh MySQL schemas, the certificate
#    service with the demo types.
for schema in $SCHEMA $AUDIT_SCHEMA; do
  $MYSQL -e "DROP DATABASE IF EXISTS $schema; CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done
services_environment
start gateway gateway.log -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" \
  --shutong.services.certificate="$CERTIFICATE_URL" --shutong.services.catalog="$CATALOG_URL"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
start audit-service audit.log -jar "audit-service/target/audit-service-$version.jar" --server.port="$AUDIT_PORT" \
  --shutong.schema="$AUDIT_SCHEMA" "${mysql_args[@]}"
start catalog-service catalog.log -jar "catalog-service/target/catalog-service-$version.jar" --server.port="$CATALOG_PORT"
start certificate-service certificate.log -jar "certificate-service/target/certificate-service-$version.jar" \
  --server.port="$CERT_PORT" --shutong.schema="$SCHEMA" "${mysql_args[@]}"
for port in "$AUDIT_PORT" "$CATALOG_PORT" "$CERT_PORT"; do wait_for "http://127.0.0.1:$port/actuator/health/readiness"; done
processes+=("mariadb=$(pidof mariadbd)")

# The demo public-security system issues the demo ID-card type (name, sex, birth date, address).
python3 - "$SHUTONG_DATA_DIR/demo-credentials.json" "$PUBLIC_SECURITY" "$ID_CARD" >"$work/issuers.tsv" <<'PY'
import json, sys
c = [c for c in json.load(open(sys.argv[1]))["clients"] if c["departmentCode"] == sys.argv[2]][0]
print("\t".join([c["clientId"], c["clientSecret"], sys.argv[3], "PERSON", "name:TEXT,sex:TEXT,birthDate:DATE,address:TEXT"]))
PY
load() { java bench/certificate/IssuanceLoad.java "$1" "$CERTIFICATE_URL" "$SHUTONG_ISSUER/oauth2/token" "$work/issuers.tsv" "${@:2}"; }

# 3. Single issuance, one request at a time.
load single "$SINGLE_WARMUP" "$SINGLE" "$work/certificate.json" | tee "$work/single.txt" | grep -v RESULT | tee -a "$report"

# 4. Bulk issuance: one warm-up batch, then BATCHES measured.
load batch 0 1 "$BATCH_SIZE" 1 >/dev/null
before=$(cpu_snapshot "${processes[@]}") started=$(date +%s.%N)
log "bulk issuance measured from $(date -Is -d "@$started")"
load batch 1 $((BATCHES + 1)) "$BATCH_SIZE" "$BATCH_CONCURRENCY" | tee "$work/bulk.txt" | grep -v RESULT | tee -a "$report"
cpu_report "bulk issuance" "$before" "$(cpu_snapshot "${processes[@]}")" "$started"

# The audit events of the batches reach the audit log before verification is measured on a quiet machine.
drain_started=$(date +%s)
for _ in $(seq 600); do [ "$($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.EVENT_PUBLICATION")" = 0 ] && break; sleep 1; done
log "the audit outbox drained $(( $(date +%s) - drain_started )) s after the last batch (still waiting: $($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.EVENT_PUBLICATION"))"

# 5. Verification of one issued certificate, directly and through the gateway.
python3 - "$work/certificate.json" >"$work/verify.lua" <<'PY'
import json, sys
body = json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":"))
print('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.path = "/api/verify"')
print("wrk.body = [==[" + body + "]==]")
PY
answer=$(curl -fsS -H 'Content-Type: application/json' --data-binary @"$work/certificate.json" "$SHUTONG_ISSUER/api/verify")
log "one verification through the gateway: $answer"
case "$answer" in *'"valid":true'*) ;; *) echo "the issued certificate does not verify" >&2; exit 1 ;; esac
log "verification measured from $(date -Is)"
measure "verify, direct" "$CERTIFICATE_URL" "$work/verify.lua"
before=$(cpu_snapshot "${processes[@]}") started=$(date +%s.%N)
measure "verify, through gateway" "$SHUTONG_ISSUER" "$work/verify.lua"
cpu_report "verification through the gateway (warm-up and measurement)" "$before" "$(cpu_snapshot "${processes[@]}")" "$started"

log "rows: $($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.certificate") certificates; audit events still in the outbox: $($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.EVENT_PUBLICATION")"
log "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$(raw sign 2)" "$(raw verify 2)" "$(awk '/bits SM2/ {print $(NF-1)}' "$work/openssl.txt")" <<'PY' | tee -a "$report"
import re, sys
work, sign2, verify2, openssl = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
def result(name, key):
    return float(re.search(r"RESULT .*%s=([\d.]+)" % key, open(f"{work}/{name}").read()).group(1))
nums = lambda name: [float(x) for x in open(f"{work}/{name}.wrk.nums").read().split()]
bulk, single50, single99 = result("bulk.txt", "bulk_per_s"), result("single.txt", "single_p50_ms"), result("single.txt", "single_p99_ms")
direct, gateway = nums("verify, direct"), nums("verify, through gateway")
print()
print("| what | result | ratio |")
print("| --- | --- | --- |")
print(f"| raw SM2-SM3 sign, JMH, 2 threads | {sign2:,.0f} /s | baseline |")
print(f"| raw SM2-SM3 verify, JMH, 2 threads | {verify2:,.0f} /s | baseline |")
print(f"| single issuance, POST /api/certificates | p50 {single50:.2f} ms, p99 {single99:.2f} ms | |")
print(f"| bulk issuance, NDJSON batches | {bulk:,.0f} certificates/s | {bulk / sign2:.0%} of raw sign (goal >= 80 %); {bulk / 2 / openssl:.0%} of OpenSSL's one-core sign rate per core |")
print(f"| verify, direct | {direct[0]:,.0f} req/s, p50 {direct[1]:.2f} ms, p99 {direct[2]:.2f} ms | {direct[0] / verify2:.0%} of raw verify |")
print(f"| verify, through the gateway | {gateway[0]:,.0f} req/s, p50 {gateway[1]:.2f} ms, p99 {gateway[2]:.2f} ms | {gateway[0] / verify2:.0%} of raw verify (goal >= 50 %) |")
PY
$MYSQL -e "DROP DATABASE $SCHEMA; DROP DATABASE $AUDIT_SCHEMA"
echo "report: $report"
