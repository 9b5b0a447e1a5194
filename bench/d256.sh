#!/usr/bin/env bash
# Why the d=256 step is slow against the reference: measured, not guessed (docs/PERFORMANCE.md,
# "The d=256 step"). Two parts, on a quiet machine:
#  1. The matrix kernels alone: fp32 products of the d=256/L=4 step's shapes (64 x 64 = 4096 rows
#     of activations; d x 4d and 4d x d for the MLP, d x d for attention's projections) and of a
#     2048 x 2048 product, through Threshold's libtorch (MKL; PeakBenchmark) and through the
#     reference's Debian PyTorch (OpenMP OpenBLAS), on 1 and 2 threads; Threshold's both with MKL's
#     own choice of kernels (by vendor) and with the library bin/threshold preloads on AMD
#     processors, which makes MKL choose by the processor's instructions (bin/lib/mkl-dispatch.bash).
#  2. Threshold's d=256/L=4 step (TrainingBenchmark, 2 threads) under the thread settings that can
#     matter on 2 cores: libgomp's wait policy, the JVM's own thread count, 1 libtorch thread; and
#     with MKL's kernels chosen by the processor (the library preloaded), and with that and
#     bin/threshold's allocator settings (bin/lib/malloc.bash).
#
#   bench/d256.sh [--rounds 2] [--steps 20] [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=2 steps=20 build=1
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
if [ $build = 1 ]; then
  (cd "$root" && mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt)
fi
classpath=$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")
python=${PYTHON:-/usr/bin/python3}
library=$root/bench/target/native/libthreshold-mkl-dispatch.so
[ -f "$library" ] || java -cp "$classpath" org.threshold.trainer.device.MklDispatch "$library"
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp

reference_gemm() { # m k n threads -> GFLOP/s (median of 20 products after 3)
  LD_LIBRARY_PATH=$openblas "$python" - "$@" <<'PY'
import statistics, sys, time, torch
m, k, n, t = map(int, sys.argv[1:])
torch.set_num_threads(t)
torch.manual_seed(1234)
a, b = torch.rand(m, k) * 2 - 1, torch.rand(k, n) * 2 - 1
g = []
for r in range(23):
    s = time.perf_counter(); c = a @ b; e = time.perf_counter()
    if r >= 3:
        g.append(2.0 * m * k * n / (e - s) / 1e9)
print(f"{statistics.median(g):.1f}")
PY
}
ours_gemm() { # m k n threads [LD_PRELOAD] -> GFLOP/s
  LD_PRELOAD=${5:-} java -cp "$classpath" org.threshold.bench.PeakBenchmark --m "$1" --k "$2" --n "$3" --threads "$4" 2>/dev/null \
    | sed -n 's/^gflops=\([0-9.]*\).*/\1/p'
}

echo "1. fp32 products, GFLOP/s (median of 20): Threshold's libtorch (MKL) / the reference's PyTorch (OpenBLAS)"
echo
echo "| m x k x n | threads | Threshold, MKL by vendor | Threshold, MKL by processor | reference | ratios to the reference |"
echo "|---|---|---|---|---|---|"
for shape in 4096:256:1024 4096:1024:256 4096:256:256 2048:2048:2048; do
  IFS=: read -r m k n <<<"$shape"
  for t in 1 2; do
    a=$(ours_gemm "$m" "$k" "$n" "$t"); p=$(ours_gemm "$m" "$k" "$n" "$t" "$library"); b=$(reference_gemm "$m" "$k" "$n" "$t")
    awk -v s="$m x $k x $n" -v t="$t" -v a="$a" -v p="$p" -v b="$b" \
        'BEGIN{printf "| %s | %d | %.1f | %.1f | %.1f | %.2f / %.2f |\n", s, t, a, p, b, a/b, p/b}'
  done
done

step() { # label, then env assignments and java options -> ms per step
  local label=$1; shift
  local envs=() opts=() threads=2
  for a in "$@"; do
    case $a in
      -*) opts+=("$a") ;;
      threads=*) threads=${a#threads=} ;;
      *) envs+=("$a") ;;
    esac
  done
  env "${envs[@]}" java "${opts[@]}" -cp "$classpath" org.threshold.bench.TrainingBenchmark --d 256 --layers 4 \
      --steps "$steps" --warmup 5 --threads "$threads" 2>/dev/null | sed -n 's/^ms_per_step=\([0-9.]*\).*/\1/p'
}
echo
echo "2. Threshold's d=256/L=4 step, ms (median of $steps steps), per round"
echo
header="| setting |" rule="|---|"
for round in $(seq 1 "$rounds"); do header="$header round $round |" rule="$rule---|"; done
echo "$header"; echo "$rule"
declare -a labels=("2 libtorch threads (as compare.sh)" "OMP_WAIT_POLICY=PASSIVE" "OMP_WAIT_POLICY=ACTIVE" \
    "JVM -XX:ActiveProcessorCount=1 -XX:+UseSerialGC" "1 libtorch thread" "MKL by processor (LD_PRELOAD the library)" \
    "MKL by processor and bin/threshold's allocator settings (bin/lib/malloc.bash)")
declare -a settings=("" "OMP_WAIT_POLICY=PASSIVE" "OMP_WAIT_POLICY=ACTIVE" "-XX:ActiveProcessorCount=1 -XX:+UseSerialGC" "threads=1" "LD_PRELOAD=$library" \
    "LD_PRELOAD=$library MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=268435456 MALLOC_TOP_PAD_=67108864")
declare -A times
for round in $(seq 1 "$rounds"); do
  for i in "${!labels[@]}"; do
    # shellcheck disable=SC2086
    times[$i,$round]=$(step "${labels[$i]}" ${settings[$i]})
  done
done
for i in "${!labels[@]}"; do
  row="| ${labels[$i]} |"
  for round in $(seq 1 "$rounds"); do row="$row ${times[$i,$round]} |"; done
  echo "$row"
done
