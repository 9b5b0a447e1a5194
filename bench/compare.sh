#!/usr/bin/env bash
# Training step, side by side: the PyTorch reference (peer_gpt.py) and Threshold, run alternately
# on the same machine, per config; prints the median ms per step of each, their ratio and peak
# resident memory, as a Markdown table (docs/PERFORMANCE.md, "Training step").
#
#   bench/compare.sh [--rounds 3] [--steps 50] [--warmup 10] [--threads 2]
#                    [--configs "32:2 64:3 128:3 256:4"] [--reference PATH] [--no-build]
#
# The reference needs Debian's PyTorch and the OpenMP build of OpenBLAS (see its README):
#   apt-get install -y python3-torch libopenblas0-openmp
# PYTHON overrides the interpreter (default /usr/bin/python3); the reference is looked for at
# ../shared/bench/peer_gpt.py from the repository root unless --reference or PEER_GPT says where.
# Machines are noisy: several rounds, alternating which side runs first, and the median of each
# side's per-round medians. ratio = Threshold / reference (below 1: Threshold is faster).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=3 steps=50 warmup=10 threads=2 build=1
configs="32:2 64:3 128:3 256:4"
reference=${PEER_GPT:-$root/../shared/bench/peer_gpt.py}
python=${PYTHON:-/usr/bin/python3}
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --configs) configs=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$reference" ] || { echo "no reference at $reference: give --reference PATH/peer_gpt.py" >&2; exit 2; }
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp   # Debian's OpenMP OpenBLAS, as the reference's README says
[ -d "$openblas" ] && export LD_LIBRARY_PATH=$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

if [ $build = 1 ]; then
  (cd "$root" && mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt)
fi
classpath=$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")
# Threshold's side computes with the MKL dispatch bin/threshold would choose on this machine
# (bin/lib/mkl-dispatch.bash; THRESHOLD_MKL_DISPATCH=vendor measures MKL's own choice); the
# reference's PyTorch has no MKL and runs without the library.
# Its allocator settings too (bin/lib/malloc.bash); the reference runs with glibc's defaults.
original_preload=${LD_PRELOAD:-}
# shellcheck source=../bin/lib/mkl-dispatch.bash
source "$root/bin/lib/mkl-dispatch.bash"
mkl_dispatch "$classpath" "$root/bench/target/native/libthreshold-mkl-dispatch.so"
ours_preload=${LD_PRELOAD:-}
export LD_PRELOAD=$original_preload
# shellcheck source=../bin/lib/malloc.bash
source "$root/bin/lib/malloc.bash"
ours_malloc=$(malloc_settings; env | grep '^MALLOC_' | tr '\n' ' ')
results=$(mktemp)
trap 'rm -f "$results"' EXIT

run_reference() { # d layers -> "ms rss_mb"
  local out rss
  out=$( { /usr/bin/time -f "maxrss_kb=%M" "$python" "$reference" --d "$1" --layers "$2" --steps "$steps" \
      --warmup "$warmup" --threads "$threads"; } 2>&1 )
  rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' <<<"$out")
  echo "$(sed -n 's/^ms_per_step=\([0-9.]*\).*/\1/p' <<<"$out") $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')"
}
run_threshold() { # d layers -> "ms rss_mb"
  local out
  # shellcheck disable=SC2086
  out=$(env $ours_malloc LD_PRELOAD="$ours_preload" java -cp "$classpath" org.threshold.bench.TrainingBenchmark --d "$1" --layers "$2" --steps "$steps" \
      --warmup "$warmup" --threads "$threads" 2>/dev/null)
  sed -n 's/^ms_per_step=\([0-9.]*\) .*peak_rss_mb=\([0-9.]*\).*/\1 \2/p' <<<"$out"
}

for round in $(seq 1 "$rounds"); do
  for config in $configs; do
    d=${config%:*} layers=${config#*:}
    if [ $((round % 2)) = 1 ]; then
      echo "reference $d $layers $(run_reference "$d" "$layers")" >>"$results"
      echo "threshold $d $layers $(run_threshold "$d" "$layers")" >>"$results"
    else
      echo "threshold $d $layers $(run_threshold "$d" "$layers")" >>"$results"
      echo "reference $d $layers $(run_reference "$d" "$layers")" >>"$results"
    fi
    echo "round $round d=$d layers=$layers: $(tail -2 "$results" | tr '\n' ' ')" >&2
  done
done

"$python" - "$results" "$configs" "$rounds" "$steps" "$warmup" "$threads" "$THRESHOLD_MKL_DISPATCH" <<'PY'
import statistics, sys
path, configs, rounds, steps, warmup, threads, dispatch = sys.argv[1:]
rows = [line.split() for line in open(path) if line.strip()]
def runs(side, d, l):
    return [(float(r[3]), float(r[4])) for r in rows if r[0] == side and r[1] == d and r[2] == l and len(r) == 5]
print(f"rounds={rounds} steps={steps} warmup={warmup} threads={threads} Threshold's MKL dispatch={dispatch}; "
      "median over rounds of each run's median ms per step")
print()
print("| d / L | ours ms | reference ms | ratio ours/ref | per-round ratios | ours peak RSS MB | reference peak RSS MB |")
print("|---|---|---|---|---|---|---|")
for c in configs.split():
    d, l = c.split(":")
    ours, ref = runs("threshold", d, l), runs("reference", d, l)
    if not ours or not ref:
        print(f"| {d} / {l} | missing | missing | | | | |")
        continue
    om = statistics.median(t for t, _ in ours)
    rm = statistics.median(t for t, _ in ref)
    per = " ".join(f"{a[0] / b[0]:.2f}" for a, b in zip(ours, ref))
    print(f"| {d} / {l} | {om:.1f} | {rm:.1f} | {om / rm:.2f} | {per} | {max(r for _, r in ours):.0f} | {max(r for _, r in ref):.0f} |")
PY
