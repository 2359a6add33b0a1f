#!/usr/bin/env bash
# Benchmark of the audit service on MySQL/MariaDB, with its baseline measured in the same run:
#   1. baseline: plain batched INSERTs of the same audit-shaped rows into the same server
#      (bench/audit/RawInsertBaseline.java, 1,000 rows per batch);
#   2. ingest: the audit service (mysql profile, its own schema) taking the same number of events
#      as the outbox publishers send them: concurrent POSTs of batches with a service token, each
#      event hashed, sequenced under the database lock, stored with its Merkle tree nodes; meanwhile
#      a poller records when each batch first appears in a signed checkpoint;
#   3. inclusion proofs over HTTP on a tree of PROOF_LEAVES leaves, each proof verified.
# Results go to target/bench/audit-ingest-<date>.txt and are printed.
#
#   bench/audit-ingest.sh                     (needs curl, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306)
#   EVENTS=200000 PROOF_LEAVES=1000000 bench/audit-ingest.sh
#   AUDIT_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/audit.jfr,settings=profile" KEEP_WORK=1 bench/audit-ingest.sh
#     (profile the audit service; KEEP_WORK copies the services' logs to /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh

EVENTS=${EVENTS:-1000000} BATCH=${BATCH:-500} CONCURRENCY=${CONCURRENCY:-8}
PROOF_LEAVES=${PROOF_LEAVES:-10000000} PROOFS=${PROOFS:-1000}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080} AUDIT_PORT=${BENCH_AUDIT_PORT:-18083} PROOF_AUDIT_PORT=${BENCH_PROOF_AUDIT_PORT:-18084}
MYSQL="mysql -uroot -h127.0.0.1"
jdbc() { echo "jdbc:mysql://127.0.0.1:3306/$1?user=root&password=&sslMode=DISABLED&rewriteBatchedStatements=true"; }

version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/audit-ingest-$(date +%F).txt"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] && cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }
wait_for() { local url=$1 i; for i in $(seq 240); do curl -fsS -o /dev/null "$url" && return 0; sleep 1; done; echo "timed out: $url" >&2; exit 1; }
result() { sed -n "s/^RESULT .*$1=\([0-9.]*\).*/\1/p" "$2"; }

for module in gateway audit-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done
connector=$(find "$HOME/.m2/repository/com/mysql/mysql-connector-j" -name 'mysql-connector-j-*.jar' | sort -V | tail -n 1)

: >"$report"
log "# Audit ingest benchmark, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# $EVENTS events, batches of $BATCH, $CONCURRENCY concurrent publishers; proofs on $PROOF_LEAVES leaves"

# 1. The baseline, alone on the server.
$MYSQL -e "CREATE DATABASE IF NOT EXISTS test"
java -cp "$connector" bench/audit/RawInsertBaseline.java "$EVENTS" "$(jdbc test)" | tee "$work/raw.txt" | grep -v RESULT | tee -a "$report"

# 2. The gateway (token issuer, embedded default) and the audit service on a fresh MySQL schema.
for schema in shutong_audit_bench shutong_audit_proofs; do
  $MYSQL -e "DROP DATABASE IF EXISTS $schema; CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done
export SHUTONG_DATA_DIR="$work/data" SHUTONG_ISSUER="http://127.0.0.1:$GATEWAY_PORT"
mkdir -p "$SHUTONG_DATA_DIR"
audit_service() { # port, schema
  setsid java ${AUDIT_JAVA_OPTS:-} -jar "audit-service/target/audit-service-$version.jar" --spring.profiles.active=mysql \
    --server.port="$1" --shutong.schema="$2" --shutong.keys.generate-missing=true \
    --spring.datasource.username=root --spring.datasource.password= \
    --spring.flyway.user=root --spring.flyway.password= ${AUDIT_ARGS:-} >"$work/audit-$1.log" 2>&1 &
  pids+=($!)
}
setsid java -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" >"$work/gateway.log" 2>&1 &
pids+=($!)
audit_service "$AUDIT_PORT" shutong_audit_bench
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$AUDIT_PORT/actuator/health/readiness"
secret=$(python3 -c "import base64,sys; print(base64.urlsafe_b64encode(base64.b64decode(open(sys.argv[1]).read())).decode().rstrip('='))" \
  "$SHUTONG_DATA_DIR/keys/catalog-service.client-secret")
java bench/audit/AuditLoad.java "http://127.0.0.1:$AUDIT_PORT" "http://127.0.0.1:$GATEWAY_PORT/oauth2/token" \
  catalog-service "$secret" "$EVENTS" "$BATCH" "$CONCURRENCY" | tee "$work/ingest.txt" | grep -v RESULT | tee -a "$report"
logged=$($MYSQL -N -e "SELECT COUNT(*) FROM shutong_audit_bench.audit_event")
log "events in the log afterwards: $logged"

# 3. Proofs on a large tree, from a second service instance on its own schema.
audit_service "$PROOF_AUDIT_PORT" shutong_audit_proofs
wait_for "http://127.0.0.1:$PROOF_AUDIT_PORT/actuator/health/readiness"
java -cp "$connector" bench/audit/ProofBench.java "$PROOF_LEAVES" "$(jdbc shutong_audit_proofs)" \
  "http://127.0.0.1:$PROOF_AUDIT_PORT" "$PROOFS" | tee "$work/proofs.txt" | grep -v RESULT | tee -a "$report"

raw=$(result rows_per_s "$work/raw.txt") ingest=$(result events_per_s "$work/ingest.txt")
log "$(python3 -c "import sys; r,i=float(sys.argv[1]),float(sys.argv[2]); print(f'ingest / raw INSERT = {i:.0f} / {r:.0f} = {i/r:.0%} (goal >= 50%)')" "$raw" "$ingest")"
for schema in shutong_audit_bench shutong_audit_proofs; do $MYSQL -e "DROP DATABASE $schema"; done
echo "report: $report"
