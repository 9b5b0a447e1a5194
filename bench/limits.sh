#!/usr/bin/env bash
# Distance to the machine's limit: a training step's achieved GFLOP/s as a fraction of the fp32
# peak measured through the same libtorch in the same sitting (PeakBenchmark: the median of
# 2048 x 2048 matrix products at the same thread count). A step's work is counted as
#   K x (6 x parameters x batch x context  +  12 x layers x batch x context^2 x d)
# (forward and backward of the weights, and of attention's two products), K the stack's size.
# Docs: docs/PERFORMANCE.md, "Distance to the machine's limit".
#
#   bench/limits.sh [--steps 40] [--warmup 10] [--no-build]
#                   [--configs "d:layers:context:K:threads ..."]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
steps=40 warmup=10 build=1
configs="32:2:64:1:2 64:3:64:1:2 128:3:64:1:2 256:4:64:1:2 8:1:10:1:1 8:1:10:8:1 16:1:10:1:1 16:1:10:8:1 32:1:10:1:1 32:1:10:8:1 48:1:10:1:1 48:1:10:4:1 64:1:10:1:1 64:1:10:4:1 32:2:64:1:1 32:2:64:4:1"
while [ $# -gt 0 ]; do
  case $1 in
    --steps) steps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --configs) configs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
if [ $build = 1 ]; then
  (cd "$root" && mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt)
fi
classpath=$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")
# the MKL dispatch bin/threshold would choose here (bin/lib/mkl-dispatch.bash), for the peak and the steps alike
# shellcheck source=../bin/lib/mkl-dispatch.bash
source "$root/bin/lib/mkl-dispatch.bash"
mkl_dispatch "$classpath" "$root/bench/target/native/libthreshold-mkl-dispatch.so"
# shellcheck source=../bin/lib/malloc.bash
source "$root/bin/lib/malloc.bash"
malloc_settings
batch=64
declare -A peak
for t in 1 2; do
  peak[$t]=$(java -cp "$classpath" org.threshold.bench.PeakBenchmark --n 2048 --threads "$t" 2>/dev/null \
      | sed -n 's/^gflops=\([0-9.]*\).*/\1/p')
  echo "# fp32 peak, 2048 x 2048 products, $t thread(s): ${peak[$t]} GFLOP/s" >&2
done
echo "fp32 peak (2048 x 2048 products through libtorch, MKL dispatch $THRESHOLD_MKL_DISPATCH): ${peak[1]} GFLOP/s on 1 thread, ${peak[2]} on 2"
echo
echo "| d / L / context | K | threads | params per model | ms per step | models x steps/s | GFLOP/s | fraction of peak |"
echo "|---|---|---|---|---|---|---|---|"
for c in $configs; do
  IFS=: read -r d layers ctx k threads <<<"$c"
  out=$(java -cp "$classpath" org.threshold.bench.TrainingBenchmark --d "$d" --layers "$layers" --ctx "$ctx" --batch $batch \
      --steps "$steps" --warmup "$warmup" --threads "$threads" --stack "$k" 2>/dev/null)
  ms=$(sed -n 's/^ms_per_step=\([0-9.]*\).*/\1/p' <<<"$out")
  params=$(sed -n 's/.* params=\([0-9]*\).*/\1/p' <<<"$out")
  awk -v d="$d" -v l="$layers" -v t="$ctx" -v k="$k" -v th="$threads" -v p="$params" -v ms="$ms" -v b=$batch \
      -v peak="${peak[$threads]}" 'BEGIN{
    flops = k * (6 * p * b * t + 12 * l * b * t * t * d); g = flops / (ms / 1000) / 1e9;
    printf "| %d / %d / %d | %d | %d | %d | %.2f | %.0f | %.1f | %.2f |\n", d, l, t, k, th, p, ms, k * 1000 / ms, g, g / peak }'
done
