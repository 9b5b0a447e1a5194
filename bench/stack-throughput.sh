#!/usr/bin/env bash
# Sweep throughput with stacks (SPEC section 10): the same grid trained by the local executor
#   stack 1, 2 points at once x 1 libtorch thread   (the best layout without stacks)
#   stack auto                                       (the executor's own layout for its stacks)
# reporting training steps per second of the whole sweep: every point's steps / wall time of
# 'threshold sweep', JVM starts, data and evaluations included. Docs: docs/PERFORMANCE.md,
# "Stacked training".
#
#   bench/stack-throughput.sh [--rounds 2] [--steps 1000] [--grid appendix-c | listops]
#
# appendix-c: examples/paper/appendix-c.yaml (24 points: SUM-900 and MAX+MED+SUM-2700 triplets,
#   1-layer d 16, 24, 32, 48, 3 seeds) with training.steps set to --steps (eval every 250).
# listops: ListOps MAX+MED+SUM mod 10 expressions, context 64, 1-layer d 8, 16, 32, 4 seeds (12
#   points). The rounds alternate which layout goes first. Run it on a quiet machine: it is a timing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=2 steps=1000 grid=appendix-c
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --grid) grid=$2; shift 2 ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bin/threshold" --version >/dev/null   # builds the app once, outside the timings

sweep_file() { # name executor -> path of the grid's sweep file, writing under $work/<name>
  local file=$work/$1.yaml
  case $grid in
    appendix-c)
      sed -e "s/^  steps: 8000$/  steps: $steps/" -e "s|^  name: appendix-c$|  name: $1|" \
          -e "s|^  output: sweeps$|  output: $work\n  executor: $2|" "$root/examples/paper/appendix-c.yaml" >"$file"
      grep -q "steps: $steps" "$file" && grep -q "executor: " "$file" \
        || { echo "examples/paper/appendix-c.yaml changed: this script's edits no longer apply" >&2; exit 1; } ;;
    listops)
      cat >"$file" <<YAML
name: stack-throughput
seed: 1
task: {type: listops, modulus: 10, operators: {MAX: 1, MED: 1, SUM: 1}, mixing: within, context: 64}
model: {type: gpt, layers: 1, d: 16}
training: {steps: $steps, eval_every: 250, early_stopping: {enabled: false}}
sweep:
  name: $1
  output: $work
  executor: $2
  grid:
    model.d: [8, 16, 32]
    seed: [1, 2, 3, 4]
YAML
      ;;
    *) echo "unknown grid $grid: appendix-c or listops" >&2; exit 2 ;;
  esac
  echo "$file"
}

measure() { # name executor -> "steps/s wall_s points"
  local file start end points
  file=$(sweep_file "$1" "$2")
  points=$("$root/bin/threshold" sweep "$file" --list 2>/dev/null | grep -c '^  point ')
  start=$(date +%s.%N)
  "$root/bin/threshold" sweep "$file" >"$work/$1.log" 2>&1 \
    || { echo "sweep $1 failed, see its log:" >&2; tail -20 "$work/$1.log" >&2; exit 1; }
  end=$(date +%s.%N)
  grep -m1 "runs at once\|at once" "$work/$1.log" | sed 's/^/# /' >&2
  awk -v s="$start" -v e="$end" -v n=$((points * steps)) -v p="$points" 'BEGIN{printf "%.1f %.0f %d", n/(e-s), e-s, p}'
}

one="{type: local, parallel: 2, threads: 1, stack: 1}"
auto="{type: local, stack: auto}"
echo "grid $grid, $steps steps per point"
echo
echo "| round | stack 1, 2 x 1 thread: steps/s (wall s) | stack auto: steps/s (wall s) | ratio auto / stack 1 |"
echo "|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then a=$(measure "one-$round" "$one"); b=$(measure "auto-$round" "$auto")
  else b=$(measure "auto-$round" "$auto"); a=$(measure "one-$round" "$one"); fi
  awk -v r="$round" -v a="$a" -v b="$b" 'BEGIN{split(a,x," "); split(b,y," ");
    printf "| %d | %.1f (%d) | %.1f (%d) | %.2f |\n", r, x[1], x[2], y[1], y[2], y[1]/x[1]}'
done
