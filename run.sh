#!/usr/bin/env bash
# Runs the whole platform: builds what is missing, starts the four services, waits until all
# are healthy, prints their URLs and stops them all on Ctrl-C.
#
#   ./run.sh            embedded H2 databases under ./data (nothing to install but a JDK 21+)
#   ./run.sh --mysql    MySQL 8 / MariaDB on 127.0.0.1:3306 (schemas from infra/mysql/init.sql)
#   ./run.sh --check    start on a fresh temporary data directory, wait for health, then stop
set -euo pipefail
cd "$(dirname "$0")"
. infra/scripts/java-home.sh

profile="${SHUTONG_PROFILE:-default}"
check=false
for arg in "$@"; do
  case "$arg" in
    --mysql) profile=mysql ;;
    --check) check=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

services=(gateway:8080 catalog-service:8081 certificate-service:8082 audit-service:8083)
version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)

jar_of() { echo "$1/target/$1-$version.jar"; }

needs_build() {
  local entry module jar
  for entry in "${services[@]}"; do
    module=${entry%%:*}
    jar=$(jar_of "$module")
    [ -f "$jar" ] || return 0
    [ -z "$(find "$module/src" platform/src pom.xml "$module/pom.xml" -newer "$jar" -type f -print -quit)" ] || return 0
  done
  return 1
}

if needs_build; then
  echo "Building (first run takes a few minutes)..."
  ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package
fi

data_dir="${SHUTONG_DATA_DIR:-$PWD/data}"
if $check; then
  data_dir=$(mktemp -d)
fi
export SHUTONG_DATA_DIR="$data_dir"
mkdir -p "$data_dir/logs"

# The mysql profile takes its keys from the environment and generates none itself; for a
# local run, whatever is not set is generated once into a file only this user can read.
if [ "$profile" = mysql ]; then
  keys="$data_dir/keys/mysql.env"
  mkdir -p "$data_dir/keys"
  # A key is generated only when the file lacks it (a key added by a newer version); one
  # already there is never replaced.
  (umask 077
   touch "$keys"
   for name in SHUTONG_GATEWAY_MASTER_KEY SHUTONG_CERTIFICATE_MASTER_KEY SHUTONG_HOLDER_KEY CATALOG_SERVICE_CLIENT_SECRET CERTIFICATE_SERVICE_CLIENT_SECRET GATEWAY_SERVICE_CLIENT_SECRET SHUTONG_PORTAL_CLIENT_SECRET SHUTONG_AUDIT_CHECKPOINT_KEY; do
     grep -q "^$name=" "$keys" || echo "$name=$(head -c 32 /dev/urandom | base64)" >>"$keys"
   done)
  while read -r line; do
    name=${line%%=*}
    [ -n "${!name:-}" ] || export "$line"
  done <"$keys"
fi

for entry in "${services[@]}"; do
  port=${entry##*:}
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port (${entry%%:*}) is already in use: stop what listens there first" >&2
    exit 1
  fi
done

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    echo "Stopping..." 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  if $check; then rm -rf "$data_dir"; fi
}
trap stop_all INT TERM EXIT

for entry in "${services[@]}"; do
  module=${entry%%:*}
  java -jar "$(jar_of "$module")" --spring.profiles.active="$profile" >"$data_dir/logs/$module.log" 2>&1 &
  pids+=($!)
done

healthy() { curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }

deadline=$((SECONDS + ${SHUTONG_START_TIMEOUT:-180}))
for i in "${!services[@]}"; do
  module=${services[$i]%%:*}
  port=${services[$i]##*:}
  until healthy "$port"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "$module did not become healthy; the end of its log ($data_dir/logs/$module.log):" >&2
      tail -n 40 "$data_dir/logs/$module.log" >&2
      exit 1
    fi
    sleep 1
  done
done

echo "Shutong is up (profile: $profile, data: $data_dir)"
for entry in "${services[@]}"; do
  printf '  %-20s http://127.0.0.1:%s\n' "${entry%%:*}" "${entry##*:}"
done
echo "Logs in $data_dir/logs. Ctrl-C stops everything."

if $check; then
  echo "run.sh check passed: all services healthy."
  exit 0
fi
wait
