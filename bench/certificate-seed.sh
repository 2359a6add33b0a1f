#!/usr/bin/env bash
# The seed-scale dataset on the mysql profile: TYPES certificate types over DEPARTMENTS departments
# and CERTIFICATES certificates, all really signed (SM2), through the APIs:
#   1. the gateway (embedded, its data kept under target/bench/certificate-seed/), the audit service and
#      the certificate service (mysql profile, schemas shutong_audit_seed and shutong_certificate_seed);
#   2. as the demo administrator (bench/certificate/SeedSetup.java): DEPARTMENTS departments with GB 32100
#      credit codes and a department system each (certificate.issue), and TYPES types spread over them
#      (POST /api/certificates/types, each with its SM2 issuer key); one in four for enterprises;
#   3. the certificates (bench/certificate/IssuanceLoad.java): NDJSON bodies of BATCH_SIZE to
#      POST /api/certificates/batch, CONCURRENCY at a time, batch i of type i mod TYPES, each issuer's
#      token from the gateway; the audit events go on to the audit service meanwhile;
#   4. the time the audit outbox takes to drain (waits at most an hour, then reports what is left), the schemas' size on disk (information_schema.TABLES,
#      data + index, after ANALYZE TABLE) and row counts, and verification load at that size.
# Resumable: run it again after an interruption and it continues from the certificates already stored
# (each batch is one transaction; with CONCURRENCY 2 the batch numbering may repeat one batch's holders).
# RESET=1 starts afresh. Results go to target/bench/certificate-seed-<date>.txt.
#
#   bench/certificate-seed.sh                      (the full 134 types and 3,480,000 certificates)
#   CERTIFICATES=50000 RESET=1 bench/certificate-seed.sh
#     (needs wrk, curl, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh

CERTIFICATES=${CERTIFICATES:-3480000} TYPES=${TYPES:-134} DEPARTMENTS=${DEPARTMENTS:-41}
BATCH_SIZE=${BATCH_SIZE:-10000} CONCURRENCY=${CONCURRENCY:-2} VERIFY=${VERIFY:-15s}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080} CERT_PORT=${BENCH_CERTIFICATE_PORT:-18082} AUDIT_PORT=${BENCH_AUDIT_PORT:-18083}
MYSQL="mysql -uroot -h127.0.0.1"
# Two runs at once would share these: give one other schemas and BENCH_*_PORT ports.
SCHEMA=${SEED_SCHEMA:-shutong_certificate_seed} AUDIT_SCHEMA=${SEED_AUDIT_SCHEMA:-shutong_audit_seed}
state=target/bench/certificate-seed

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/certificate-seed-$(date +%F).txt"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] && cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }
wait_for() { local url=$1 i; for i in $(seq 300); do curl -fsS -o /dev/null "$url" 2>/dev/null && return 0; sleep 1; done; echo "timed out: $url (logs in $work)" >&2; KEEP_WORK=1; exit 1; }
count() { $MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.certificate"; }

for module in gateway certificate-service audit-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done

schema_exists() { [ -n "$($MYSQL -N -e "SHOW DATABASES LIKE '$SCHEMA'")" ]; }
if [ -n "${RESET:-}" ] || [ ! -f "$state/issuers.tsv" ] || ! schema_exists; then
  [ -z "${RESET:-}" ] && [ -d "$state" ] && echo "no complete earlier seed in $state and $SCHEMA: starting afresh" >&2
  rm -rf "$state" && mkdir -p "$state/data"
  for schema in $SCHEMA $AUDIT_SCHEMA; do
    $MYSQL -e "DROP DATABASE IF EXISTS $schema; CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  done
  (umask 077; head -c 32 /dev/urandom | base64 >"$state/master.key")
  fresh=1
fi
[ -z "${fresh:-}" ] && : >>"$report" || : >"$report"
log "# Certificate seed load, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# $TYPES types over $DEPARTMENTS departments, $CERTIFICATES certificates in NDJSON batches of $BATCH_SIZE, $CONCURRENCY at a time; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

export SHUTONG_DATA_DIR="$PWD/$state/data" SHUTONG_ISSUER="http://127.0.0.1:$GATEWAY_PORT" AUDIT_URL="http://127.0.0.1:$AUDIT_PORT"
export SHUTONG_RATE_LIMIT=100000000 CERTIFICATE_URL="http://127.0.0.1:$CERT_PORT"
export SHUTONG_DEMO=false SHUTONG_CERTIFICATE_MASTER_KEY=$(cat "$state/master.key")
mysql_args=(--spring.profiles.active=mysql --shutong.keys.generate-missing=true --spring.datasource.username=root
  --spring.datasource.password= --spring.flyway.user=root --spring.flyway.password=)
start() { local logfile=$1; shift; setsid java "$@" >"$work/$logfile" 2>&1 & pids+=($!); }
start gateway.log -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" --shutong.services.certificate="$CERTIFICATE_URL"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
start audit.log -jar "audit-service/target/audit-service-$version.jar" --server.port="$AUDIT_PORT" --shutong.schema=$AUDIT_SCHEMA "${mysql_args[@]}"
start certificate.log ${CERT_JAVA_OPTS:-} -jar "certificate-service/target/certificate-service-$version.jar" --server.port="$CERT_PORT" \
  --shutong.schema=$SCHEMA "${mysql_args[@]}"
wait_for "http://127.0.0.1:$AUDIT_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$CERT_PORT/actuator/health/readiness"

if [ -n "${fresh:-}" ]; then
  started=$(date +%s)
  password=$(python3 -c "import json,sys; print([u for u in json.load(open(sys.argv[1]))['users'] if u['username']=='admin'][0]['password'])" \
    "$SHUTONG_DATA_DIR/demo-credentials.json")
  java bench/certificate/SeedSetup.java "$SHUTONG_ISSUER" "$CERTIFICATE_URL" "$password" "$DEPARTMENTS" "$TYPES" "$state/issuers.tsv.part" | tee -a "$report"
  mv "$state/issuers.tsv.part" "$state/issuers.tsv"
  log "registry set up in $(( $(date +%s) - started )) s"
fi

have=$(count)
[ $((have % BATCH_SIZE)) -eq 0 ] || [ "$have" -ge "$CERTIFICATES" ] || {
  echo "$SCHEMA holds $have certificates, not a whole number of batches of $BATCH_SIZE: run with RESET=1" >&2; exit 1; }
batches=$(( (CERTIFICATES + BATCH_SIZE - 1) / BATCH_SIZE ))
if [ "$have" -lt "$CERTIFICATES" ]; then
  [ "$have" -gt 0 ] && log "resuming: $have certificates already stored, from batch $((have / BATCH_SIZE))"
  started=$(date +%s.%N)
  java bench/certificate/IssuanceLoad.java batch "$CERTIFICATE_URL" "$SHUTONG_ISSUER/oauth2/token" "$state/issuers.tsv" \
    $((have / BATCH_SIZE)) "$batches" "$BATCH_SIZE" "$CONCURRENCY" "$CERTIFICATES" | tee "$work/bulk.txt" | grep -v '^RESULT\|^batch ' | tee -a "$report"
  issued_s=$(python3 -c "import sys,time; print(f'{time.time() - float(sys.argv[1]):.0f}')" "$started")
  drained=$(date +%s)
  for _ in $(seq 3600); do [ "$($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.EVENT_PUBLICATION")" = 0 ] && break; sleep 1; done
  log "issuance took $issued_s s; the audit outbox drained $(( $(date +%s) - drained )) s after it (still waiting: $($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.EVENT_PUBLICATION"))"
fi

for schema in $SCHEMA $AUDIT_SCHEMA; do
  for table in $($MYSQL -N -e "SELECT table_name FROM information_schema.TABLES WHERE table_schema='$schema'"); do
    $MYSQL -N -e "ANALYZE TABLE $schema.\`$table\`" >/dev/null
  done
done
$MYSQL -e "SELECT table_schema AS \`schema\`, table_name AS \`table\`, table_rows AS rows_estimated,
  ROUND(data_length / 1048576) AS data_mb, ROUND(index_length / 1048576) AS index_mb
  FROM information_schema.TABLES WHERE table_schema IN ('$SCHEMA', '$AUDIT_SCHEMA') AND data_length + index_length > 1048576
  ORDER BY table_schema, data_length + index_length DESC" | column -t | tee -a "$report"
$MYSQL -N -e "SELECT table_schema, ROUND(SUM(data_length + index_length) / 1048576), ROUND(SUM(data_length) / 1048576), ROUND(SUM(index_length) / 1048576)
  FROM information_schema.TABLES WHERE table_schema IN ('$SCHEMA', '$AUDIT_SCHEMA') GROUP BY table_schema" |
  while read -r schema total data index; do log "$schema: $total MB on disk ($data MB data, $index MB indexes)"; done
log "certificates stored: $(count) ($($MYSQL -N -e "SELECT COUNT(DISTINCT type_code) FROM $SCHEMA.certificate") types; $($MYSQL -N -e "SELECT COUNT(*) FROM $SCHEMA.certificate_type") types registered); audit log: $($MYSQL -N -e "SELECT COUNT(*) FROM $AUDIT_SCHEMA.audit_event") events"

# Verification at this size: one stored certificate, as returned, posted to /api/verify.
id=$($MYSQL -N -e "SELECT id FROM $SCHEMA.certificate ORDER BY id DESC LIMIT 1")
python3 - "$($MYSQL -N --raw -e "SELECT document FROM $SCHEMA.certificate WHERE id='$id'")" \
  "$($MYSQL -N -e "SELECT CONCAT_WS(' ', algorithm, key_id, signature) FROM $SCHEMA.certificate WHERE id='$id'")" >"$work/verify.lua" <<'PY'
import json, sys
certificate = json.loads(sys.argv[1])
alg, key_id, value = sys.argv[2].split()
for member in ("alg", "keyId"):
    certificate.pop(member)
certificate["status"] = "VALID"
certificate["signature"] = {"alg": alg, "keyId": key_id, "value": value}
body = json.dumps(certificate, ensure_ascii=False, separators=(",", ":"))
print('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.path = "/api/verify"')
print("wrk.body = [==[" + body + "]==]")
PY
wrk -t2 -c16 -d5s -s "$work/verify.lua" "$CERTIFICATE_URL" >/dev/null
wrk -t2 -c16 -d"$VERIFY" --latency -s "$work/verify.lua" "$CERTIFICATE_URL" >"$work/verify.wrk"
log "verify at $(count) certificates, wrk -t2 -c16 $VERIFY, direct: $(awk '/Requests\/sec/ {print $2}' "$work/verify.wrk") req/s, p50 $(awk '$1=="50%" {print $2}' "$work/verify.wrk"), p99 $(awk '$1=="99%" {print $2}' "$work/verify.wrk"), non-2xx $(awk '/Non-2xx/ {print $5}' "$work/verify.wrk")"
echo "report: $report   (the data stays in $SCHEMA, $AUDIT_SCHEMA and $state; RESET=1 starts afresh)"
