# Starting the packaged services for a benchmark, as run.sh would but on the benchmark's own ports,
# data directory and schemas. Sourced by bench/certificate-issuance.sh, bench/verification-floor.sh and
# bench/outbox-drain.sh, which set GATEWAY_PORT, CATALOG_PORT, CERT_PORT, AUDIT_PORT and $work, and
# call stop_services when they end.

# The arguments that put a service on the mysql profile as root, with keys generated where missing.
mysql_args=(--spring.profiles.active=mysql --shutong.keys.generate-missing=true --spring.datasource.username=root
  --spring.datasource.password= --spring.flyway.user=root --spring.flyway.password=)
pids=() processes=()

services_environment() { # the services' addresses, a fresh data directory, the demo data and a master key
  export SHUTONG_DATA_DIR="$work/data" SHUTONG_ISSUER="http://127.0.0.1:$GATEWAY_PORT" AUDIT_URL="http://127.0.0.1:$AUDIT_PORT"
  export SHUTONG_RATE_LIMIT=100000000 CERTIFICATE_URL="http://127.0.0.1:$CERT_PORT" CATALOG_URL="http://127.0.0.1:$CATALOG_PORT"
  export SHUTONG_DEMO=true SHUTONG_CERTIFICATE_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
  mkdir -p "$SHUTONG_DATA_DIR"
}

start() { # name, log file (in $work), java arguments...: in a session of its own; PROFILE=dir records JFR
  local name=$1 logfile=$2 profile=()
  shift 2
  [ -n "${PROFILE:-}" ] && mkdir -p "$PROFILE" &&
    profile=(-XX:FlightRecorderOptions=stackdepth=256 "-XX:StartFlightRecording=filename=$PROFILE/$name.jfr,settings=profile")
  setsid java "${profile[@]}" "$@" >"$work/$logfile" 2>&1 &
  pids+=($!)
  processes+=("$name=$!")
}

wait_for() { # url, seconds (300 unless given): until it answers 2xx, polling every 0.2 s
  local url=$1 i
  for i in $(seq $((${2:-300} * 5))); do curl -fsS -o /dev/null "$url" 2>/dev/null && return 0; sleep 0.2; done
  echo "timed out: $url" >&2; exit 1
}

stop_services() { # every process started, with what it started itself
  local pid
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
