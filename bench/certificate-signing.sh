#!/usr/bin/env bash
# JMH benchmark of the certificate service's own signing code (bench/certificate/SigningBench.java):
# SM2-SM3 and ES256 sign and verify, and the RFC 8785 canonical form, over a typical certificate
# document, with 1 and with 2 threads. Compiled with javac against the service's jar (its classes and
# libraries, unpacked) and JMH 1.37 from the local Maven repository, so `./mvnw verify` never builds it.
# These are the baselines of bench/certificate-issuance.sh, which runs this script first.
# Results go to target/bench/certificate-signing-<date>.txt and are printed, with lines
# "RESULT <benchmark> <algorithm> <threads> <ops/s>" for other scripts.
#
#   bench/certificate-signing.sh              (needs only a JDK; fetches JMH with ./mvnw once)
#   THREADS="2" JMH_ARGS="-wi 2 -i 3" BENCH=sign bench/certificate-signing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh

THREADS=${THREADS:-1 2} BENCH=${BENCH:-sign|verify|canonicalize} JMH_ARGS=${JMH_ARGS:-}
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/certificate-signing-$(date +%F).txt"
build=target/bench/certificate-jmh
. bench/lib/signing-jmh.sh
# The service's own classes and libraries, as it runs: unpacked from its jar when the jar is newer.
signing_classpath "$build" bench/certificate/SigningBench.java

: >"$report"
log() { echo "$*" | tee -a "$report"; }
log "# Certificate signing (JMH $JMH_VERSION), $(date -Is), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
log "# SigningBench: $(sed -n 's/.*@Warmup(iterations = \([0-9]*\), time = \([0-9]*\)).*/\1 warm-up iterations of \2 s/p' bench/certificate/SigningBench.java), $(sed -n 's/.*@Measurement(iterations = \([0-9]*\), time = \([0-9]*\)).*/\1 measured of \2 s/p' bench/certificate/SigningBench.java), one fork ${JMH_ARGS:+($JMH_ARGS)}"
for threads in $THREADS; do
  java --sun-misc-unsafe-memory-access=allow -cp "$classpath" org.openjdk.jmh.Main "SigningBench.($BENCH)\$" -t "$threads" \
    -rf csv -rff "$build/result-$threads.csv" $JMH_ARGS >"$build/jmh-$threads.log"
  [ "$threads" = "${THREADS%% *}" ] && log "$(grep -m1 'canonical document' "$build/jmh-$threads.log" | sed 's/^# //')"
  # CSV columns: Benchmark, Mode, Threads, Samples, Score, Score Error (99.9%), Unit, Param: algorithm
  python3 - "$build/result-$threads.csv" <<'PY' | tee -a "$report"
import csv, sys
for row in csv.DictReader(open(sys.argv[1])):
    name = row["Benchmark"].rsplit(".", 1)[1]
    alg = {"SM2": "SM2-SM3", "P256": "ES256"}[row["Param: algorithm"]]
    score, error = float(row["Score"]), float(row["Score Error (99.9%)"] or 0)
    print(f"{name:<13} {alg:<8} {row['Threads']} thread(s) {score:>10,.0f} ops/s  +- {error:,.0f}")
PY
  python3 - "$build/result-$threads.csv" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1])):
    alg = {"SM2": "SM2-SM3", "P256": "ES256"}[row["Param: algorithm"]]
    print(f"RESULT {row['Benchmark'].rsplit('.', 1)[1]} {alg} {row['Threads']} {float(row['Score']):.0f}")
PY
done
echo "report: $report"
