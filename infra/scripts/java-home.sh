# Sourced by run.sh and .ci/run: exports JAVA_HOME for a JDK 21 or newer, preferring the
# one already set, then the newest under /usr/lib/jvm.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: set JAVA_HOME or install one under /usr/lib/jvm." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

find_java_home && export PATH="$JAVA_HOME/bin:$PATH"
