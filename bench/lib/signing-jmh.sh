# The certificate service's classes and libraries, unpacked from its jar, with the bench's Java sources
# compiled into them (JMH's annotation processor included), and a JMH run of SigningBench that waits
# for the machine's JMH lock. Sourced by bench/certificate-floor.sh, bench/verification-floor.sh
# and bench/certificate-signing.sh (which runs JMH itself, for every benchmark); they set $report and log().
JMH_VERSION=1.37

signing_classpath() { # build dir, java sources...: sets $classpath
  local build=$1 version jar m2 jmh_jars app_cp artifact source rebuild=
  shift
  version=$(sed -n 's:^\t<version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
  jar="certificate-service/target/certificate-service-$version.jar"
  [ -f "$jar" ] || ./mvnw -q -B -o -DskipTests -Dspring-javaformat.skip=true package -pl certificate-service -am
  m2="$HOME/.m2/repository"
  jmh_jars="$m2/org/openjdk/jmh/jmh-core/$JMH_VERSION/jmh-core-$JMH_VERSION.jar:$m2/org/openjdk/jmh/jmh-generator-annprocess/$JMH_VERSION/jmh-generator-annprocess-$JMH_VERSION.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
  for artifact in jmh-core jmh-generator-annprocess; do
    [ -f "$m2/org/openjdk/jmh/$artifact/$JMH_VERSION/$artifact-$JMH_VERSION.jar" ] ||
      ./mvnw -q -B dependency:get -Dartifact="org.openjdk.jmh:$artifact:$JMH_VERSION"
  done
  [ -f "$build/unpacked.stamp" ] && [ ! "$jar" -nt "$build/unpacked.stamp" ] || rebuild=1
  for source in "$@"; do [ "$source" -nt "$build/unpacked.stamp" ] && rebuild=1; done
  if [ -n "$rebuild" ]; then
    rm -rf "$build" && mkdir -p "$build/app" "$build/classes"
    (cd "$build/app" && jar xf "$OLDPWD/$jar")
    app_cp="$build/app/BOOT-INF/classes:$(ls "$build"/app/BOOT-INF/lib/*.jar | tr '\n' ':')"
    javac -nowarn -cp "$app_cp$jmh_jars" -processor org.openjdk.jmh.generators.BenchmarkProcessor -d "$build/classes" "$@"
    touch "$build/unpacked.stamp"
  fi
  app_cp="$build/app/BOOT-INF/classes:$(ls "$build"/app/BOOT-INF/lib/*.jar | tr '\n' ':')"
  classpath="$build/classes:$app_cp$jmh_jars"
}

signing_jmh() { # label, benchmark regex (sign|verify), threads, work file prefix: logs "JMH <label> <benchmark> SM2-SM3 <threads> threads <ops/s>"
  local label=$1 benchmarks=$2 threads=$3 out=$4 attempt
  # JMH runs one instance at a time on a machine (/tmp/jmh.lock): wait up to 10 minutes for another to end.
  rm -f "$out.csv"
  for attempt in $(seq 60); do
    java --sun-misc-unsafe-memory-access=allow -cp "$classpath" org.openjdk.jmh.Main "SigningBench.($benchmarks)\$" \
      -t "$threads" -p algorithm=SM2 -rf csv -rff "$out.csv" ${JMH_ARGS:-} >"$out.log" 2>&1 && break
    grep -q 'Unable to acquire the JMH lock' "$out.log" || { cat "$out.log" >&2; return 1; }
    [ "$attempt" = 1 ] && log "# another JMH run holds /tmp/jmh.lock: waiting for it to end"
    sleep 10
  done
  [ -f "$out.csv" ] || { echo "JMH never got its lock" >&2; return 1; }
  python3 - "$out.csv" "$label" <<'PY' | tee -a "$report"
import csv, sys
for row in csv.DictReader(open(sys.argv[1])):
    name = row["Benchmark"].rsplit(".", 1)[1]
    error = row["Score Error (99.9%)"]
    error = f"  +- {float(error):,.0f}" if error and error != "NaN" else ""
    print(f"JMH {sys.argv[2]} {name} SM2-SM3 {row['Threads']} threads {float(row['Score']):.0f} ops/s{error}")
PY
}
