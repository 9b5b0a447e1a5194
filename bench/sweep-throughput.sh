#!/usr/bin/env bash
# Sweep throughput on this machine: the same grid trained by the local executor with two layouts,
#   2 points at once x 1 libtorch thread each   and   1 point at a time x 2 threads,
# reporting training steps per second of the whole sweep (every point's steps / wall time of
# 'threshold sweep', JVM starts and evaluations included: what a researcher waits for).
# Docs: docs/PERFORMANCE.md, "Sweep throughput".
#
#   bench/sweep-throughput.sh [--rounds 2] [--steps 1500] [--model "d: 32, layers: 2"] [--context 64]
#
# The grid is 4 points (ListOps MAX+MED+SUM mod 10, seeds 1-4); the rounds alternate which layout
# goes first. Run it on a quiet machine: it is a timing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=2 steps=1500 model="d: 32, layers: 2" context=64
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --context) context=$2; shift 2 ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bin/threshold" --version >/dev/null   # builds the app once, outside the timings

sweep_file() { # name -> path of a 4-point sweep file writing under $work/<name>
  cat >"$work/$1.yaml" <<YAML
name: throughput
seed: 1
task: {type: listops, modulus: 10, operators: {MAX: 1, MED: 1, SUM: 1}, mixing: within, context: $context}
model: {type: gpt, $model}
training: {steps: $steps, eval_every: $steps, early_stopping: {enabled: false}}
sweep:
  name: $1
  output: $work
  grid:
    seed: [1, 2, 3, 4]
YAML
  echo "$work/$1.yaml"
}

measure() { # parallel threads round -> steps per second
  local name="p$1-t$2-r$3" file start end
  file=$(sweep_file "$name")
  start=$(date +%s.%N)
  "$root/bin/threshold" sweep "$file" --parallel "$1" --threads "$2" >"$work/$name.log" 2>&1 \
    || { echo "sweep $name failed, see its log:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n=$((4 * steps)) 'BEGIN{printf "%.1f %.0f", n/(e-s), e-s}'
}

echo "| round | 2 runs x 1 thread: steps/s (wall s) | 1 run x 2 threads: steps/s (wall s) | ratio |"
echo "|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then a=$(measure 2 1 "$round"); b=$(measure 1 2 "$round")
  else b=$(measure 1 2 "$round"); a=$(measure 2 1 "$round"); fi
  awk -v r="$round" -v a="$a" -v b="$b" 'BEGIN{split(a,x," "); split(b,y," ");
    printf "| %d | %.1f (%d) | %.1f (%d) | %.2f |\n", r, x[1], x[2], y[1], y[2], x[1]/y[1]}'
done
