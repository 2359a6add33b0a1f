#!/usr/bin/env bash
# How long one resubmission pass takes to find its publications in an audit outbox holding a
# large backlog of failed ones, as a bulk load leaves it (1.4 million in the full seed): Spring
# Modulith's failed-publication query, which the outbox used until 2026-12-07, against the
# outbox's own (platform UnacknowledgedPublications), first pass and a pass from the middle of
# the backlog, with MariaDB's handler counters for each. The table is the services' own
# EVENT_PUBLICATION migration, filled with FAILED rows of a ~650-byte serialized event spread
# over an hour, in a scratch schema that is dropped at the end.
#
#   bench/outbox-backlog.sh            (needs the mysql client and MariaDB/MySQL on 127.0.0.1:3306)
#   ROWS=200000 PASS=500 bench/outbox-backlog.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1400000} PASS=${PASS:-500}
SCHEMA=shutong_outbox_bench
MYSQL="mysql -uroot -h127.0.0.1"
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/outbox-backlog-$(date +%F).txt"
log() { echo "$*" | tee -a "$report"; }
trap '$MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA"' EXIT

: >"$report"
log "# Outbox backlog: $ROWS failed publications, passes of $PASS, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()')"
$MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA"
sed 's/${shutong_event_publication_id}/VARCHAR(36)/' certificate-service/src/main/resources/db/migration/V2__event_publication.sql |
  $MYSQL "$SCHEMA"
event='{"eventId":"%s","occurredAt":"2026-12-03T10:00:00Z","service":"certificate-service","action":"certificate.issue","outcome":"SUCCESS","actor":{"departmentCode":"11330100002482100A","clientId":"public-security-system"},"subject":{"kind":"PERSON","reference":"5e2a0c6f4c1f0d3b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928"},"resource":"1.2.156.3005.2.11330100002482100A101.11330100002482100A.0000000001.001.X","details":{"typeCode":"11330100002482100A101","keyId":"sm2-11330100002482100A-1"}}'
start=$(date +%s)
$MYSQL "$SCHEMA" -e "SET SESSION max_recursive_iterations = 100000000;
  INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, STATUS, COMPLETION_ATTEMPTS)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS)
  SELECT UUID(), 'shutong.audit.outbox', 'org.shutong.platform.audit.AuditEvent', REPLACE('$event', '%s', UUID()),
    TIMESTAMP('2026-12-03 10:00:00') + INTERVAL (i * 3600 DIV $ROWS) SECOND, 'FAILED', 1 FROM n;
  ANALYZE TABLE EVENT_PUBLICATION" >/dev/null
log "filled in $(( $(date +%s) - start )) s"
middle=$($MYSQL -N "$SCHEMA" -e "SELECT PUBLICATION_DATE, ID FROM EVENT_PUBLICATION WHERE STATUS = 'FAILED'
  ORDER BY PUBLICATION_DATE, ID LIMIT 1 OFFSET $(( ROWS / 2 ))")
date_mid=$(cut -f1 <<<"$middle") id_mid=$(cut -f2 <<<"$middle")

measure() { # name, query
  local ms counters
  ms=$($MYSQL -N "$SCHEMA" -e "FLUSH STATUS; SET @t = NOW(6); SELECT COUNT(*) INTO @n FROM ($2) pass;
    SELECT ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1000, 1)")
  counters=$($MYSQL -N "$SCHEMA" -e "FLUSH STATUS; SELECT COUNT(*) INTO @n FROM ($2) pass;
    SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_next', 'Handler_read_rnd_next', 'Sort_rows')" | tr '\t\n' '= ')
  log "$(printf '%-44s %10s ms   %s' "$1" "$ms" "$counters")"
}
modulith="SELECT ID, COMPLETION_DATE, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE
  FROM EVENT_PUBLICATION WHERE STATUS = 'FAILED' OR (STATUS IS NULL AND COMPLETION_DATE IS NULL) AND PUBLICATION_DATE < NOW()
  ORDER BY PUBLICATION_DATE ASC LIMIT $PASS"
own="SELECT ID, PUBLICATION_DATE, SERIALIZED_EVENT FROM EVENT_PUBLICATION WHERE STATUS = 'FAILED' AND LISTENER_ID = 'shutong.audit.outbox'"
measure "Spring Modulith's failed-publication query" "$modulith"
measure "the outbox's query, first pass" "$own ORDER BY PUBLICATION_DATE, ID LIMIT $PASS"
measure "the outbox's query, from the middle" "$own AND (PUBLICATION_DATE > '$date_mid' OR (PUBLICATION_DATE = '$date_mid' AND ID > '$id_mid')) ORDER BY PUBLICATION_DATE, ID LIMIT $PASS"
log "(each query wrapped in SELECT COUNT(*) FROM (...) pass: the derived table adds $PASS + 1 Handler_read_rnd_next)"
