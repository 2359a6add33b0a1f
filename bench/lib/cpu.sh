# CPU time per process between two moments of a benchmark, to show how its processes (the load
# generator excepted) share the machine's cores. Sourced by the benchmarks; they set $report.
cpu_ticks() { # pid: its user + system CPU time so far, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}
cpu_snapshot() { # name=pid ...: one line per process, then the whole machine's busy time
  local pair
  for pair in "$@"; do echo "${pair%%=*} $(cpu_ticks "${pair#*=}")"; done
  echo "machine $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}
cpu_report() { # label, snapshot before, snapshot after, start time (epoch seconds)
  python3 - "$@" <<'PY' | tee -a "$report"
import os, sys, time
label, before, after, seconds = sys.argv[1], sys.argv[2], sys.argv[3], time.time() - float(sys.argv[4])
read = lambda text: {n: int(t) for n, t in (line.split() for line in text.strip().splitlines())}
b, a, hz, cores = read(before), read(after), os.sysconf("SC_CLK_TCK"), os.cpu_count()
used = {n: (a[n] - b[n]) / hz for n in a if n in b}
parts = ", ".join(f"{n} {used[n]:.1f} s" for n in sorted(used, key=used.get, reverse=True) if n != "machine")
print(f"CPU during {label} ({seconds:.1f} s on {cores} cores = {seconds * cores:.0f} core-seconds): "
      f"all processes {used['machine']:.1f} s; {parts}")
PY
}
