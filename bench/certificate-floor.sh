#!/usr/bin/env bash
# The floor of bulk certificate issuance on this machine: the best any implementation of the design
# (every certificate signed with SM2, stored as a row, its audit event stored in the same transaction as
# an outbox row, appended to the audit log and the outbox row deleted) could do on these cores. One run,
# back to back, so the ratios hold even on a busy machine:
#   1. JMH (bench/certificate/SigningBench.java, the issue's baseline): SM2-SM3 sign and verify of the
#      616-byte canonical certificate, 2 threads;
#   2. bench/certificate/IssuanceFloor.java, in one JVM, each phase on emptied tables, WARMUP s of
#      warm-up then DURATION s measured (longer if needed to count MIN_CERTIFICATES):
#      raw1  the service's own signing code (SoftwareSigningKey, SM2) on SIGNERS threads, each signature
#            over a distinct canonical document (serial and holder digest filled into the real document);
#      A     sign + store: the signing threads hand certificates to one writer thread that inserts the
#            certificate rows in JDBC batches of 500 (one multi-row INSERT, one commit per 500);
#      B     sign + store + outbox: as A plus one EVENT_PUBLICATION row per certificate (a ~600-byte
#            serialized AuditEvent) in the same transaction, and a completer thread deleting each committed
#            batch's outbox rows by id (a JDBC batch of DELETE ... WHERE ID = ?, one commit per 500);
#      C     as B, but between the commit and the delete an audit-log thread on its own connection takes
#            the sequencer lock (SELECT ... FOR UPDATE) and inserts the batch's audit_event rows and their
#            Merkle tree_node rows (the leaf and each subtree it completes: 2 rows a leaf on average), one
#            commit per 500;
#      raw2  raw signing again, to show how far the machine drifted during the run.
#   A phase counts certificates at the end of its pipeline (the last commit); the stages are joined by
#   bounded queues, so that is the rate of the slowest stage. Ratios are to the mean of raw1 and raw2.
# The tables are the services' own: the certificate service's migrations V1-V4 and the audit service's
# V1-V7, applied unchanged (EVENT_PUBLICATION.ID as VARCHAR(36), as on MariaDB) to the scratch schema
# shutong_floor, dropped at the end. JDBC: mysql-connector-j from the service's jar with the options of
# shutong.mysql.options (rewriteBatchedStatements=true, ...); no pool, no Spring, prepared statements.
# What the floor leaves out, so the real service can only be slower: HTTP and TLS, the NDJSON parsing and
# validation of the request, the type and field checks, holder-reference HMACs and ID-number SM3
# digests (random hex instead), building the document with Jackson and RFC 8785 canonicalization (the
# canonical text is filled in), the serial counter row (certificate_serial, locked per batch), Spring
# transactions and Modulith's registry, Jackson serialization of the audit event (pre-built string), the
# HTTP delivery to the audit service and its token, the audit service's request parsing, duplicate check
# (SELECT ... WHERE event_id IN) and canonicalization, all audit hashing (leaf and tree hashes are filler
# bytes), checkpoint signing and its rows, logging, and the response. Both services share one JVM here
# (no second runtime, no GC of a second heap), and both write to one schema on the same MariaDB.
# Everything else is real: the signatures, the row contents and sizes, the indexes, the commits.
# Results go to target/bench/certificate-floor-<date>.txt.
#
#   bench/certificate-floor.sh     (needs a JDK, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306 as root)
#   FIRST_WARMUP=15 WARMUP=5 DURATION=25 MIN_CERTIFICATES=50000 SIGNERS=2 WRITERS=1 PHASES="raw1 A B C raw2" bench/certificate-floor.sh
#     (WRITERS: certificate-service writer threads in A, B and C, each its own connection and transactions)
#   KEEP_SCHEMA=1 bench/certificate-floor.sh     (leaves shutong_floor in place to look at)
#   FIRST_WARMUP=2 WARMUP=2 DURATION=5 MIN_CERTIFICATES=0 JMH_ARGS="-wi 1 -i 1" bench/certificate-floor.sh     (a quick check)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh
. bench/lib/cpu.sh
. bench/lib/signing-jmh.sh

FIRST_WARMUP=${FIRST_WARMUP:-15} WARMUP=${WARMUP:-5} DURATION=${DURATION:-25} MIN_CERTIFICATES=${MIN_CERTIFICATES:-50000}
SIGNERS=${SIGNERS:-2} WRITERS=${WRITERS:-1}
PHASES=${PHASES:-raw1 A B C raw2} JMH_ARGS=${JMH_ARGS:-}
MYSQL="mysql -uroot -h127.0.0.1"
SCHEMA=shutong_floor
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/certificate-floor-$(date +%F).txt"
work=$(mktemp -d)
java_pid=
cleanup() {
  [ -n "$java_pid" ] && kill "$java_pid" 2>/dev/null || true
  [ -n "${KEEP_SCHEMA:-}" ] || $MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }

# The service's classes and libraries, unpacked from its jar, with SigningBench and IssuanceFloor
# compiled into its key package (again only when the jar or the sources are newer).
signing_classpath target/bench/certificate-floor bench/certificate/SigningBench.java bench/certificate/IssuanceFloor.java

# The scratch schema: the services' migrations, unchanged but for the outbox id's placeholder.
mysql_options=$(sed -n 's/^ *options: \${SHUTONG_MYSQL_OPTIONS:\(.*\)}$/\1/p' platform/src/main/resources/shutong-platform-defaults.yaml)
[ -n "$mysql_options" ] || { echo "no shutong.mysql.options in the platform's defaults" >&2; exit 1; }
url="jdbc:mysql://127.0.0.1:3306/$SCHEMA?user=root&password=&$mysql_options"
$MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
for migration in certificate-service/src/main/resources/db/migration/V*.sql audit-service/src/main/resources/db/migration/V*.sql; do
  sed 's/\${shutong_event_publication_id}/VARCHAR(36)/g' "$migration" | $MYSQL "$SCHEMA"
done
mariadb_pid=$(pgrep -x mariadbd || pgrep -x mysqld)

: >"$report"
log "# Certificate issuance floor, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# MariaDB: $($MYSQL -N -e "SELECT GROUP_CONCAT(CONCAT(VARIABLE_NAME, '=', VARIABLE_VALUE) SEPARATOR ', ') FROM information_schema.GLOBAL_VARIABLES WHERE VARIABLE_NAME IN ('INNODB_FLUSH_LOG_AT_TRX_COMMIT', 'INNODB_BUFFER_POOL_SIZE', 'LOG_BIN', 'INNODB_DOUBLEWRITE')")"
log "# $SIGNERS signing threads, $WRITERS writer thread(s); each phase on emptied tables once MariaDB is quiet, $WARMUP s warm-up ($FIRST_WARMUP s for the first), then $DURATION s measured (at least $MIN_CERTIFICATES certificates); batches of 500"
log "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. JMH, the issue's baseline: SM2-SM3 sign and verify, 2 threads.
signing_jmh baseline 'sign|verify' 2 "$work/jmh" | tee "$work/jmh.txt"

# 2. The floor's phases in one JVM; CPU snapshots of it and of mariadbd around each measured window.
# The JVM waits at each MARK for a line on the fifo: the snapshots (bench/lib/cpu.sh) bracket its measured
# window exactly; the table below turns them into CPU seconds per process (cpu_report would count the
# seconds until it runs, which on a loaded machine is well after the window).
mkfifo "$work/ack"
processes=("mariadbd=$mariadb_pid")
while IFS= read -r line; do
  case "$line" in
    "PID "*) java_pid=${line#PID }; processes=("java=$java_pid" "mariadbd=$mariadb_pid"); exec 4>"$work/ack" ;;
    "MARK start "*)
      phase=${line#MARK start }
      cpu_snapshot "${processes[@]}" >"$work/cpu-$phase.before"; echo >&4 ;;
    "MARK end "*)
      cpu_snapshot "${processes[@]}" >"$work/cpu-$phase.after"; echo >&4 ;;
    RESULT*) echo "$line" >>"$work/results.txt"; log "$line" ;;
    *) log "$line" ;;
  esac
done < <(java --sun-misc-unsafe-memory-access=allow -cp "$classpath" org.shutong.certificate.key.IssuanceFloor \
  "$url" "$mariadb_pid" "$work/ack" "$SIGNERS" "$WRITERS" "$FIRST_WARMUP" "$WARMUP" "$DURATION" "$MIN_CERTIFICATES" $PHASES 2>&1)
exec 4>&-
java_pid=
[ "$(grep -c '^RESULT' "$work/results.txt" 2>/dev/null)" = "$(echo $PHASES | wc -w)" ] || { echo "the floor did not finish every phase" >&2; exit 1; }
log "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" $PHASES <<'PY' | tee -a "$report"
import os, re, sys
work, phases = sys.argv[1], sys.argv[2:]
hz = os.sysconf("SC_CLK_TCK")
results = {}
for line in open(f"{work}/results.txt"):
    fields = dict(f.split("=") for f in line.split()[1:])
    results[fields["phase"]] = fields
jmh = {m.group(1): float(m.group(2)) for m in re.finditer(r"JMH baseline (\w+) SM2-SM3 2 threads (\d+)", open(f"{work}/jmh.txt").read())}
raws = [float(results[p]["per_s"]) for p in phases if p.startswith("raw")]
raw = sum(raws) / len(raws)
def cpu(phase):
    read = lambda name: {n: int(t) for n, t in (l.split() for l in open(f"{work}/cpu-{phase}.{name}"))}
    b, a = read("before"), read("after")
    return {n: (a[n] - b[n]) / hz for n in a}
print()
print(f"JMH SM2-SM3 sign, 2 threads: {jmh['sign']:,.0f}/s; verify, 2 threads: {jmh['verify']:,.0f}/s")
print(f"raw signing in the floor's JVM (mean of {', '.join(p for p in phases if p.startswith('raw'))}): {raw:,.0f}/s ({raw / jmh['sign']:.0%} of JMH sign)")
print()
print("| phase | certificates | seconds | certificates/s | ratio to raw signing | ratio to JMH sign | CPU s java | CPU s mariadbd | CPU s others | CPU s all (of cores x seconds) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
names = {"raw": "raw signing", "A": "A sign + store", "B": "B sign + store + outbox", "C": "C B + audit log"}
for p in phases:
    r, c = results[p], cpu(p)
    rate, seconds = float(r["per_s"]), float(r["seconds"])
    label = names[re.sub(r"\d+$", "", p)] + (f" ({p})" if p.startswith("raw") else "")
    print(f"| {label} | {int(r['certificates']):,} | {seconds:.1f} | {rate:,.0f} | {rate / raw:.0%} | {rate / jmh['sign']:.0%} "
          f"| {c['java']:.1f} | {c['mariadbd']:.1f} | {c['machine'] - c['java'] - c['mariadbd']:.1f} | {c['machine']:.1f} (of {seconds * os.cpu_count():.0f}) |")
PY
echo "report: $report"
