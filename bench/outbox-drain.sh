#!/usr/bin/env bash
# End to end: how fast a large backlog of failed audit publications drains from a service's audit
# outbox once the audit service is back (platform AuditResubmission + UnacknowledgedPublications,
# passes of shutong.audit.batch-size, at the speed of delivery rather than one pass per interval):
#   1. the gateway (embedded default) and the certificate service (mysql profile, fresh schema,
#      demo types), but no audit service: AUDIT_URL points at a port nobody listens on;
#   2. one NDJSON batch of BASE certificates (bench/certificate/IssuanceLoad.java); their audit
#      publications cannot be delivered and are marked FAILED;
#   3. in SQL, copies of those rows, each with a new ID and a new eventId inside SERIALIZED_EVENT,
#      up to BACKLOG FAILED publications with PUBLICATION_DATE spread over the hour before; ANALYZE;
#   4. the audit service (mysql profile, fresh schema) is started; from the moment it is ready, the
#      outbox is checked for emptiness every 5 s and the outbox (by status) and the audit log are
#      counted every 30 s (a progress line), until the outbox is empty or MAX_WAIT seconds have passed;
#   5. report: the time from ready to an empty outbox and its rate, the audit log's first-to-last
#      receipt of the backlog, whether every backlog event is in the log exactly once (by eventId),
#      the CPU seconds of each process (and the services' busiest threads), the machine's idle and
#      iowait time and MariaDB's I/O counters during the drain, and the certificate service's
#      resubmission rounds ("Resubmitted N unacknowledged audit events") and warnings.
# Everything shares the machine's cores. Both schemas are dropped at the end, also on failure.
# Results go to target/bench/outbox-drain-<date>.txt.
#
#   bench/outbox-drain.sh              (needs curl, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306)
#   BACKLOG=100000 MAX_WAIT=900 bench/outbox-drain.sh
#   KEEP_LOGS=/tmp/outbox-drain-logs bench/outbox-drain.sh   (keeps the services' logs in that directory)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh
. bench/lib/cpu.sh

BACKLOG=${BACKLOG:-300000} BASE=${BASE:-1000} MAX_WAIT=${MAX_WAIT:-1800}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-38080} CATALOG_PORT=${BENCH_CATALOG_PORT:-38081}
CERT_PORT=${BENCH_CERTIFICATE_PORT:-38082} AUDIT_PORT=${BENCH_AUDIT_PORT:-38083}
MYSQL="mysql -uroot -h127.0.0.1"
SCHEMA=shutong_certificate_drain AUDIT_SCHEMA=shutong_audit_drain
PUBLIC_SECURITY=11330100002482100A ID_CARD=11330100002482100A101

[ "$BACKLOG" -ge "$BASE" ] || { echo "BACKLOG ($BACKLOG) must be at least BASE ($BASE)" >&2; exit 2; }
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/outbox-drain-$(date +%F).txt"
work=$(mktemp -d)
. bench/lib/services.sh
cleanup() {
  stop_services
  $MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA; DROP DATABASE IF EXISTS $AUDIT_SCHEMA" || true
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "$*" | tee -a "$report"; }
mariadb_status() { # a few server counters, then the machine's idle and iowait ticks
  $MYSQL -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_reads', 'Innodb_buffer_pool_read_requests',
    'Innodb_data_fsyncs', 'Innodb_rows_read', 'Innodb_rows_inserted', 'Innodb_rows_updated', 'Innodb_rows_deleted',
    'Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Questions', 'Com_commit', 'Innodb_data_written')" | tr '\t' ' '
  awk '/^cpu / {print "machine_idle " $5; print "machine_iowait " $6}' /proc/stat
}
threads() { # the threads of the two services: service tid name ticks
  python3 - "${processes[@]}" <<'PY'
import os, sys
for pair in sys.argv[1:]:
    service, pid = pair.split("=")
    if service not in ("certificate-service", "audit-service"):
        continue
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # it ended meanwhile
        name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        print(service, tid, name.replace(" ", "_") or "-", int(fields[11]) + int(fields[12]))
PY
}
sql() { $MYSQL -N "$@"; }

for module in gateway certificate-service audit-service; do
  [ -f "$module/target/$module-$version.jar" ] ||
    ./mvnw -q -B -o -DskipTests -Dspring-javaformat.skip=true package -pl "$module"
done
: >"$report"
log "# Audit outbox drain: $BACKLOG failed publications, $(date -Is), $(nproc) cores, $(sql -e 'SELECT VERSION()')" \
  "(innodb_buffer_pool_size $(( $(sql -e 'SELECT @@innodb_buffer_pool_size') / 1048576 )) MB), $(java -version 2>&1 | head -n 1)"
log "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The gateway and the certificate service; no audit service yet.
for schema in $SCHEMA $AUDIT_SCHEMA; do
  $MYSQL -e "DROP DATABASE IF EXISTS $schema; CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done
services_environment
start gateway gateway.log -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" \
  --shutong.services.certificate="$CERTIFICATE_URL" --shutong.services.catalog="$CATALOG_URL"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" 300
# Publications neither acknowledged nor failed are taken for lost (and failed) after 5 s.
start certificate-service certificate.log -jar "certificate-service/target/certificate-service-$version.jar" \
  --server.port="$CERT_PORT" --shutong.schema="$SCHEMA" "${mysql_args[@]}" --shutong.audit.resubmit-older-than=5s
wait_for "$CERTIFICATE_URL/actuator/health/readiness" 300

# 2. One batch of BASE certificates; their audit publications fail.
python3 - "$SHUTONG_DATA_DIR/demo-credentials.json" "$PUBLIC_SECURITY" "$ID_CARD" >"$work/issuers.tsv" <<'PY'
import json, sys
c = [c for c in json.load(open(sys.argv[1]))["clients"] if c["departmentCode"] == sys.argv[2]][0]
print("\t".join([c["clientId"], c["clientSecret"], sys.argv[3], "PERSON", "name:TEXT,sex:TEXT,birthDate:DATE,address:TEXT"]))
PY
java bench/certificate/IssuanceLoad.java batch "$CERTIFICATE_URL" "$SHUTONG_ISSUER/oauth2/token" "$work/issuers.tsv" \
  0 1 "$BASE" 1 | tee -a "$report"
outbox() { sql "$SCHEMA" -e "SELECT COUNT(*) FROM EVENT_PUBLICATION${1:+ WHERE $1}"; }
for i in $(seq 120); do
  [ "$(outbox)" -ge "$BASE" ] && [ "$(outbox "STATUS = 'FAILED'")" = "$(outbox)" ] && break
  [ "$i" = 120 ] && { echo "the publications did not all fail in 120 s:" >&2; sql "$SCHEMA" -e \
    "SELECT STATUS, COUNT(*) FROM EVENT_PUBLICATION GROUP BY STATUS" >&2; exit 1; }
  sleep 1
done
seed=$(outbox)
log "$seed audit publications FAILED after $i s (the audit service is not running)"
sample=$(sql "$SCHEMA" -e "SELECT LEFT(SERIALIZED_EVENT, 120) FROM EVENT_PUBLICATION LIMIT 1")
log "a serialized event begins: $sample"
matching=$(outbox "SERIALIZED_EVENT REGEXP '\"eventId\":\"[0-9a-f-]{36}\"'")
[ "$matching" = "$seed" ] || { echo "only $matching of $seed serialized events have \"eventId\":\"<uuid>\"" >&2; exit 1; }

# 3. Copies up to BACKLOG, each with a new ID and eventId, published over the hour before the latest.
#    From a snapshot of the seed rows, so the resubmission's claims of them do not wait on the insert.
copies=$((BACKLOG - seed))
filled=$(date +%s)
#    READ COMMITTED: the statements below read without locking the rows a resubmission round claims.
sql "$SCHEMA" -e "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
  SET SESSION max_recursive_iterations = $((copies / seed + 10));
  CREATE TEMPORARY TABLE seed AS SELECT LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, COMPLETION_ATTEMPTS FROM EVENT_PUBLICATION;
  SELECT MAX(PUBLICATION_DATE) INTO @latest FROM EVENT_PUBLICATION;
  INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, STATUS, COMPLETION_ATTEMPTS)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $(( (copies + seed - 1) / seed )))
  SELECT UUID(), s.LISTENER_ID, s.EVENT_TYPE,
    REGEXP_REPLACE(s.SERIALIZED_EVENT, '\"eventId\":\"[0-9a-f-]{36}\"', CONCAT('\"eventId\":\"', UUID(), '\"')),
    @latest - INTERVAL FLOOR(RAND() * 3600000000) MICROSECOND, 'FAILED', s.COMPLETION_ATTEMPTS
  FROM n JOIN seed s LIMIT $copies;
  ANALYZE TABLE EVENT_PUBLICATION" >/dev/null
# The backlog's event ids, to find in the audit log afterwards (a duplicate id fails the key).
sql "$SCHEMA" -e "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED; CREATE TABLE drain_expected (event_id CHAR(36) NOT NULL, PRIMARY KEY (event_id))
  SELECT JSON_VALUE(SERIALIZED_EVENT, '$.eventId') AS event_id FROM EVENT_PUBLICATION"
total=$(outbox) distinct=$(sql "$SCHEMA" -e "SELECT COUNT(*) FROM drain_expected")
[ "$total" = "$BACKLOG" ] && [ "$distinct" = "$BACKLOG" ] ||
  { echo "the outbox holds $total publications with $distinct distinct event ids, not $BACKLOG" >&2; exit 1; }
log "filled to $total publications ($distinct distinct event ids) in $(( $(date +%s) - filled )) s;" \
  "by status: $(sql "$SCHEMA" -e "SELECT CONCAT(STATUS, ' ', COUNT(*)) FROM EVENT_PUBLICATION GROUP BY STATUS" | paste -sd, | sed 's/,/, /g');" \
  "published $(sql "$SCHEMA" -e "SELECT CONCAT(MIN(PUBLICATION_DATE), ' .. ', MAX(PUBLICATION_DATE)) FROM EVENT_PUBLICATION");" \
  "$(sql -e "SELECT CONCAT('EVENT_PUBLICATION ', ROUND(DATA_LENGTH / 1048576), ' MB of rows and ', ROUND(INDEX_LENGTH / 1048576),
    ' MB of indexes (estimates), serialized events of ', (SELECT ROUND(AVG(LENGTH(SERIALIZED_EVENT))) FROM $SCHEMA.EVENT_PUBLICATION),
    ' bytes on average') FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$SCHEMA' AND TABLE_NAME = 'EVENT_PUBLICATION'")"

# 4. The audit service; the drain is timed from its readiness.
start audit-service audit.log -jar "audit-service/target/audit-service-$version.jar" --server.port="$AUDIT_PORT" \
  --shutong.schema="$AUDIT_SCHEMA" "${mysql_args[@]}"
wait_for "http://127.0.0.1:$AUDIT_PORT/actuator/health/readiness" 300
ready=$(date +%s.%N)
processes+=("mariadb=$(pgrep -x mariadbd | head -n 1)")
before=$(cpu_snapshot "${processes[@]}")
status_before=$(mariadb_status) threads_before=$(threads)
log_offset=$(wc -l <"$work/certificate.log")
log "the audit service was ready at $(date -Is -d "@$ready")"
statuses() { # the outbox by status, when not empty
  sql "$SCHEMA" -e "SELECT CONCAT(IFNULL(STATUS, 'NULL'), ' ', COUNT(*)) FROM EVENT_PUBLICATION GROUP BY STATUS" |
    paste -sd, | sed 's/,/, /g; s/^./ (&/; s/.$/&)/'
}
logged() { sql "$AUDIT_SCHEMA" -e "SELECT COUNT(*) FROM audit_event"; }
# Every 5 s whether the outbox is empty (cheap: a COUNT(*) of a table being emptied takes seconds of
# the server's CPU); every 30 s the counts. The progress rates are over the time actually elapsed.
left=$total last_left=$total last_at=$ready next_report=$(python3 -c "print($ready + 30)")
progress() { # time: a progress line (counts the outbox unless it was found empty)
  local counts=""
  if [ "$left" != 0 ]; then counts=$(statuses); left=$(grep -o '[0-9]\+' <<<"$counts" | awk '{s += $1} END {print s + 0}'); fi
  log "$(python3 -c "print(f'{$1 - $ready:5.0f} s: {$left:7d} left in the outbox, {$(logged):7d} in the audit log, '
    f'{($last_left - $left) / ($1 - $last_at):5.0f}/s over the last {$1 - $last_at:.0f} s')")$counts"
  last_left=$left last_at=$1 next_report=$(python3 -c "print($1 + 30)")
}
while :; do
  sleep 5
  empty=$(sql "$SCHEMA" -e "SELECT NOT EXISTS (SELECT 1 FROM EVENT_PUBLICATION)")
  at=$(date +%s.%N)
  [ "$empty" = 1 ] && { left=0; break; }
  python3 -c "import sys; sys.exit(0 if $at >= $next_report else 1)" && progress "$at"
  [ "$(python3 -c "print(int($at - $ready))")" -ge "$MAX_WAIT" ] && { log "gave up after $MAX_WAIT s"; left=$(outbox); break; }
done
drained=$at
after=$(cpu_snapshot "${processes[@]}")
cpu_line=$(report=/dev/null cpu_report "the drain, from the audit service's readiness to the last count" "$before" "$after" "$ready")
status_after=$(mariadb_status) threads_after=$(threads)
[ "$left" = 0 ] && progress "$at"

mariadb_line=$(python3 - "$status_before" "$status_after" <<'PY'
import os, sys
read = lambda text: {n: int(v) for n, v in (line.split() for line in text.strip().splitlines())}
b, a, hz = read(sys.argv[1]), read(sys.argv[2]), os.sysconf("SC_CLK_TCK")
d = {n: a[n] - b[n] for n in a}
print(f"machine idle {d.pop('machine_idle') / hz:.1f} s, iowait {d.pop('machine_iowait') / hz:.1f} s (of all cores); "
      "MariaDB during the drain: " + ", ".join(f"{n} {v:,}" for n, v in d.items()))
PY
)
threads_line=$(python3 - "$threads_before" "$threads_after" <<'PY'
import os, sys
def read(text):
    return {(p, t): (n, int(c)) for p, t, n, c in (line.split() for line in text.strip().splitlines())}
b, a, hz = read(sys.argv[1]), read(sys.argv[2]), os.sysconf("SC_CLK_TCK")
by = {}
for (p, t), (n, c) in a.items():
    name = n.rstrip("0123456789-_") or n
    by[(p, name)] = by.get((p, name), 0) + (c - b.get((p, t), (n, 0))[1]) / hz
top = sorted(by.items(), key=lambda kv: kv[1], reverse=True)[:10]
print("busiest threads during the drain (CPU s): " + ", ".join(f"{p} {n} {s:.1f}" for (p, n), s in top))
PY
)

# 5. The report.
seconds=$(python3 -c "print(f'{$drained - $ready:.1f}')")
log ""
if [ "$left" = 0 ]; then
  log "backlog $BACKLOG: the outbox was empty $seconds s after the audit service was ready (checked every 5 s)" \
    "= $(python3 -c "print(f'{$BACKLOG / ($drained - $ready):,.0f}')") events/s"
else
  log "backlog $BACKLOG: NOT drained, $left publications left after $seconds s; by status:" \
    "$(statuses)"
fi
sql "$AUDIT_SCHEMA" -e "SET time_zone = '+00:00';
  SELECT MIN(received_at), MAX(received_at), UNIX_TIMESTAMP(MIN(received_at)) - $ready,
    TIMESTAMPDIFF(MICROSECOND, MIN(received_at), MAX(received_at)) / 1e6
  FROM audit_event a JOIN $SCHEMA.drain_expected e ON e.event_id = a.event_id" >"$work/receipt.tsv"
python3 - "$work/receipt.tsv" "$BACKLOG" <<'PY' | tee -a "$report"
import sys
first, last, delay, span = open(sys.argv[1]).read().rstrip("\n").split("\t")
if first == "NULL":
    print("the audit log received none of the backlog")
else:
    span = float(span)
    print(f"the audit log received the backlog from {first} to {last} (UTC): first {float(delay):.1f} s after ready, "
          f"then {span:.1f} s = {int(sys.argv[2]) / span if span else 0:,.0f} events/s")
PY
read -r events ids <<<"$(sql "$AUDIT_SCHEMA" -e "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM audit_event")"
read -r found found_ids <<<"$(sql -e "SELECT COUNT(*), COUNT(DISTINCT a.event_id) FROM $AUDIT_SCHEMA.audit_event a
  JOIN $SCHEMA.drain_expected e ON e.event_id = a.event_id")"
missing=$(sql -e "SELECT COUNT(*) FROM $SCHEMA.drain_expected e LEFT JOIN $AUDIT_SCHEMA.audit_event a
  ON a.event_id = e.event_id WHERE a.event_id IS NULL")
others=$(sql -e "SELECT IFNULL(GROUP_CONCAT(CONCAT(action, ' ', n) SEPARATOR ', '), 'none') FROM
  (SELECT action, COUNT(*) n FROM $AUDIT_SCHEMA.audit_event a WHERE NOT EXISTS
    (SELECT 1 FROM $SCHEMA.drain_expected e WHERE e.event_id = a.event_id) GROUP BY action) x")
log "$cpu_line"
log "$mariadb_line"
log "$threads_line"
log "audit log: $events events with $ids distinct event ids; of the backlog's $BACKLOG event ids $found_ids are in it" \
  "($found rows), $missing missing; events not from the backlog: $others"
if [ "$left" = 0 ] && [ "$missing" = 0 ] && [ "$found" = "$BACKLOG" ] && [ "$found_ids" = "$BACKLOG" ] && [ "$ids" = "$events" ]; then
  log "every backlog event is in the audit log exactly once"
else
  log "CHECK FAILED: outbox left $left, backlog events in the log $found ($found_ids ids), missing $missing"
fi
tail -n +$((log_offset + 1)) "$work/certificate.log" >"$work/certificate-drain.log"
rounds() { sed -n 's/.*Resubmitted \([0-9]*\) unacknowledged audit events.*/\1/p' "$1" |
  awk '{n++; s += $1; if ($1 > m) m = $1} END {printf "%d rounds, %d events in all (largest round %d)", n, s, m}'; }
log "certificate service, resubmission while the audit service was away: $(rounds <(head -n "$log_offset" "$work/certificate.log"))"
log "certificate service, resubmission from the audit service's readiness on: $(rounds "$work/certificate-drain.log")" \
  "(the backlog: $BACKLOG; a larger total means events were sent twice)"
grep 'Resubmitted [0-9]* unacknowledged' "$work/certificate-drain.log" | cut -c1-200 | head -n 20 | tee -a "$report" || true
warnings=$(grep -c ' WARN \| ERROR ' "$work/certificate-drain.log" || true)
log "certificate service warnings and errors during the drain: $warnings"
grep ' WARN \| ERROR ' "$work/certificate-drain.log" | sed -E 's/^[^ ]+ +(WARN|ERROR) .* : /\1 /; s/[0-9a-f]{8}-[0-9a-f-]{27}/<uuid>/g' |
  cut -c1-300 | sort | uniq -c | sort -rn | head -n 10 | tee -a "$report" || true
log "audit service warnings and errors: $(grep -c ' WARN \| ERROR ' "$work/audit.log" || true)"
log "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "report: $report"
