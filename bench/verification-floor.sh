#!/usr/bin/env bash
# The floor of public verification (POST /api/verify through the gateway) on this machine, measured in one
# run, back to back, each rate with its ratio to the raw SM2 verify rate:
#   1. JMH raw verify: the certificate service's own verifier (bench/certificate/SigningBench.java, SM2-SM3
#      over the 616-byte canonical certificate), 2 threads; again at the end, to show the drift; ratios are
#      to the mean of the two;
#   2. the services as bench/certificate-issuance.sh starts them (gateway, audit service on its embedded
#      default, the certificate service on the mysql profile with a fresh schema and the demo types;
#      not the catalog service, which verification does not use), on ports 28080-28083, and one ID-card
#      certificate issued by the demo public-security system (bench/certificate/IssuanceLoad.java);
#   3. wrk -t2 -cCONNECTIONS, WARMUP of warm-up then DURATION measured, each:
#        liveness, certificate service   GET /actuator/health/liveness, directly: no token, no database,
#                                        nothing behind it: the floor of any endpoint of a service on this stack
#        liveness, gateway               the same on the gateway itself (nothing proxied)
#        unknown id, direct / gateway    GET /api/verify/{id} of a well-formed id that does not exist (one
#                                        primary-key miss, a 404 problem): the cheapest public endpoint
#                                        with a database behind it, directly and proxied by the gateway
#        issuer keys, gateway            GET /api/certificates/issuers/{department}/keys (public, one query)
#        POST /api/verify, direct / gateway   the issued certificate, as bench/certificate-issuance.sh posts it
#      with the CPU seconds each process took during the measured window (others: wrk and anything else);
#      before the first, PREWARM of load on each endpoint, so that fresh JVMs are not measured compiling.
# Everything, wrk included, shares the machine's cores. Results go to target/bench/verification-floor-<date>.txt.
#
#   bench/verification-floor.sh     (needs wrk, curl, python3, the mysql client, MariaDB/MySQL on 127.0.0.1:3306 as root)
#   WARMUP=10s DURATION=15s CONNECTIONS=16 PREWARM=5s bench/verification-floor.sh
#   KEEP_WORK=1 bench/verification-floor.sh     (copies the services' logs to /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/scripts/java-home.sh
. bench/lib/cpu.sh
. bench/lib/signing-jmh.sh

WARMUP=${WARMUP:-10s} DURATION=${DURATION:-15s} CONNECTIONS=${CONNECTIONS:-16} PREWARM=${PREWARM:-5s}
GATEWAY_PORT=28080 CERT_PORT=28082 AUDIT_PORT=28083 CATALOG_PORT=28081
MYSQL="mysql -uroot -h127.0.0.1"
SCHEMA=shutong_verification_floor
PUBLIC_SECURITY=11330100002482100A ID_CARD=11330100002482100A101
UNKNOWN_ID=1.2.156.3005.2.11330100002482100A101.11330100002482100A.ZZZZZZZ.001.K

for tool in wrk curl; do command -v $tool >/dev/null || { echo "$tool is needed (apt-get install $tool)" >&2; exit 2; }; done
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
out_dir=target/bench && mkdir -p "$out_dir"
report="$out_dir/verification-floor-$(date +%F).txt"
work=$(mktemp -d)
. bench/lib/services.sh
cleanup() {
  stop_services
  $MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA" 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] && cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$report"; }

for module in gateway certificate-service audit-service; do
  [ -f "$module/target/$module-$version.jar" ] || ./mvnw -q -B -o -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am
done
signing_classpath target/bench/verification-floor bench/certificate/SigningBench.java
: >"$report"
log "# Verification floor, $(date -Is), $(nproc) cores, $($MYSQL -N -e 'SELECT VERSION()'), $(java -version 2>&1 | head -n 1)"
log "# wrk -t2 -c$CONNECTIONS, $WARMUP warm-up, $DURATION measured; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Raw verify, before anything else runs.
signing_jmh before verify 2 "$work/jmh-before" | tee "$work/jmh.txt"

# 2. The services; the certificate service on a fresh MySQL schema with the demo types.
$MYSQL -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
services_environment
start gateway gateway.log -jar "gateway/target/gateway-$version.jar" --server.port="$GATEWAY_PORT" \
  --shutong.services.certificate="$CERTIFICATE_URL" --shutong.services.catalog="$CATALOG_URL"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
start audit audit.log -jar "audit-service/target/audit-service-$version.jar" --server.port="$AUDIT_PORT"
start certificate certificate.log -jar "certificate-service/target/certificate-service-$version.jar" \
  --server.port="$CERT_PORT" --shutong.schema="$SCHEMA" "${mysql_args[@]}"
for port in "$AUDIT_PORT" "$CERT_PORT"; do wait_for "http://127.0.0.1:$port/actuator/health/readiness"; done
processes+=("mariadbd=$(pgrep -x mariadbd || pgrep -x mysqld)")

# One ID-card certificate of the demo public-security system, issued as the issuance benchmark does.
python3 - "$SHUTONG_DATA_DIR/demo-credentials.json" "$PUBLIC_SECURITY" "$ID_CARD" >"$work/issuers.tsv" <<'PY'
import json, sys
c = [c for c in json.load(open(sys.argv[1]))["clients"] if c["departmentCode"] == sys.argv[2]][0]
print("\t".join([c["clientId"], c["clientSecret"], sys.argv[3], "PERSON", "name:TEXT,sex:TEXT,birthDate:DATE,address:TEXT"]))
PY
java bench/certificate/IssuanceLoad.java single "$CERTIFICATE_URL" "$SHUTONG_ISSUER/oauth2/token" "$work/issuers.tsv" \
  0 5 "$work/certificate.json" >"$work/issue.txt"
python3 - "$work/certificate.json" >"$work/verify.lua" <<'PY'
import json, sys
body = json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":"))
print('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.path = "/api/verify"')
print("wrk.body = [==[" + body + "]==]")
PY
answer=$(curl -fsS -H 'Content-Type: application/json' --data-binary @"$work/certificate.json" "$SHUTONG_ISSUER/api/verify")
log "one verification through the gateway: $answer"
case "$answer" in *'"valid":true'*) ;; *) echo "the issued certificate does not verify" >&2; exit 1 ;; esac
for url in "$CERTIFICATE_URL/api/verify/$UNKNOWN_ID" "$SHUTONG_ISSUER/api/verify/$UNKNOWN_ID" "$SHUTONG_ISSUER/api/certificates/issuers/$PUBLIC_SECURITY/keys"; do
  log "GET ${url#http://127.0.0.1:}: HTTP $(curl -sS -o "$work/answer" -w '%{http_code}' "$url") $(head -c 300 "$work/answer")"
done

# 3. The endpoints, one after another; CPU snapshots around each measured window.
measure() { # name, url[, lua script]
  local name=$1 url=$2 script=${3:-} before
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" ${script:+-s "$script"} "$url" >/dev/null
  before=$(cpu_snapshot "${processes[@]}")
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency ${script:+-s "$script"} "$url" >"$work/$name.wrk"
  cpu_snapshot "${processes[@]}" >"$work/$name.cpu-after"
  echo "$before" >"$work/$name.cpu-before"
  log "measured: $name ($(grep -m1 'requests in' "$work/$name.wrk" | sed 's/^ *//'))"
}
# The JVMs are fresh: every endpoint gets PREWARM of load first, so that the JIT has compiled the shared
# paths (filters, security, JSON) before the first measurement rather than during it.
for url in "$CERTIFICATE_URL/actuator/health/liveness" "$SHUTONG_ISSUER/actuator/health/liveness" \
  "$SHUTONG_ISSUER/api/verify/$UNKNOWN_ID" "$SHUTONG_ISSUER/api/certificates/issuers/$PUBLIC_SECURITY/keys"; do
  wrk -t2 -c"$CONNECTIONS" -d"$PREWARM" "$url" >/dev/null
done
wrk -t2 -c"$CONNECTIONS" -d"$PREWARM" -s "$work/verify.lua" "$SHUTONG_ISSUER" >/dev/null
names=("liveness, certificate service" "liveness, gateway" "unknown id, direct" "unknown id, gateway" "issuer keys, gateway" "POST verify, direct" "POST verify, gateway")
measure "${names[0]}" "$CERTIFICATE_URL/actuator/health/liveness"
measure "${names[1]}" "$SHUTONG_ISSUER/actuator/health/liveness"
measure "${names[2]}" "$CERTIFICATE_URL/api/verify/$UNKNOWN_ID"
measure "${names[3]}" "$SHUTONG_ISSUER/api/verify/$UNKNOWN_ID"
measure "${names[4]}" "$SHUTONG_ISSUER/api/certificates/issuers/$PUBLIC_SECURITY/keys"
measure "${names[5]}" "$CERTIFICATE_URL" "$work/verify.lua"
measure "${names[6]}" "$SHUTONG_ISSUER" "$work/verify.lua"

# 1 again: raw verify after the services, still running idle.
signing_jmh after verify 2 "$work/jmh-after" | tee -a "$work/jmh.txt"
log "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "${names[@]}" <<'PY' | tee -a "$report"
import os, re, sys
work, names = sys.argv[1], sys.argv[2:]
hz = os.sysconf("SC_CLK_TCK")
raws = [float(v) for v in re.findall(r"JMH \w+ verify SM2-SM3 2 threads (\d+)", open(f"{work}/jmh.txt").read())]
raw = sum(raws) / len(raws)
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
print()
print(f"raw SM2-SM3 verify, JMH, 2 threads: {' and '.join(f'{r:,.0f}' for r in raws)} /s (before, after): mean {raw:,.0f} /s")
print()
print("| endpoint | req/s | ratio to raw verify | p50 ms | p99 ms | non-2xx | CPU s gateway | CPU s certificate | CPU s audit | CPU s mariadbd | CPU s others (wrk, ...) | CPU s all (of cores x seconds) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in names:
    text = open(f"{work}/{name}.wrk").read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50, p99 = (ms(re.search(p, text).group(1)) for p in (r"\s50%\s+(\S+)", r"\s99%\s+(\S+)"))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    seconds = float(re.search(r"requests in ([\d.]+)s", text).group(1))
    read = lambda kind: {n: int(t) for n, t in (l.split() for l in open(f"{work}/{name}.cpu-{kind}"))}
    b, a = read("before"), read("after")
    c = {n: (a[n] - b[n]) / hz for n in a}
    others = c["machine"] - sum(v for n, v in c.items() if n != "machine")
    print(f"| {name} | {rate:,.0f} | {rate / raw:.0%} | {p50:.2f} | {p99:.2f} | {bad.group(1) if bad else 0} | {c['gateway']:.1f} | {c['certificate']:.1f} "
          f"| {c['audit']:.1f} | {c['mariadbd']:.1f} | {others:.1f} | {c['machine']:.1f} (of {seconds * os.cpu_count():.0f}) |")
PY
echo "report: $report"
