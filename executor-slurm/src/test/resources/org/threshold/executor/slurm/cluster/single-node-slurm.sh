#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for the Slurm tests (and for trying the slurm
# executor by hand): Debian's slurm-wlm and munge, a munge key, munged, a minimal slurm.conf, then
# slurmctld and slurmd. Everything lives in one directory of its own (default
# ${TMPDIR:-/tmp}/threshold-slurm): its own munge socket, its own ports, its own config, reached by
# the Slurm commands through SLURM_CONF, so a machine's real Slurm, if it has one, is not touched.
#
#   single-node-slurm.sh start    installs the packages when missing (root only), starts the cluster
#                                 unless it runs already, waits until the node takes jobs; prints
#                                 SLURM_CONF=<file> last
#   single-node-slurm.sh stop     stops the daemons this script started
#   single-node-slurm.sh status   exit 0 when the cluster answers and its node is idle or busy
#
# Settings (environment): THRESHOLD_SLURM_HOME (the directory), THRESHOLD_SLURM_MAX_ARRAY_SIZE
# (default 5, low so that the tests see a sweep split into several arrays; Slurm's own default is
# 1001), THRESHOLD_SLURM_PORT (slurmctld's port, default 6917; slurmd's is the next one).
#
# Exit codes: 0 ready, 1 could not install or start (the reason on stderr), 3 not root and no
# cluster running (nothing can be started), which the test fixture reports as "skipped".
set -euo pipefail

home="${THRESHOLD_SLURM_HOME:-${TMPDIR:-/tmp}/threshold-slurm}"
max_array_size="${THRESHOLD_SLURM_MAX_ARRAY_SIZE:-5}"
port="${THRESHOLD_SLURM_PORT:-6917}"
conf="$home/slurm.conf"
socket="$home/munge/munge.socket"
export SLURM_CONF="$conf"

say() { echo "single-node-slurm: $*" >&2; }

answers() {
  # scontrol ping says "UP" for a controller that answers; sinfo then shows the node's state.
  command -v scontrol >/dev/null 2>&1 && [[ -f "$conf" ]] || return 1
  timeout 10 scontrol ping 2>/dev/null | grep -q 'is UP' || return 1
  local state
  state="$(timeout 10 sinfo -h -N -o '%t' 2>/dev/null | head -n 1)"
  [[ "$state" =~ ^(idle|mix|alloc|comp)$ ]]
}

running_with_this_config() {
  [[ -f "$conf" ]] && [[ "$(config)" == "$(cat "$conf")" ]] && answers
}

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
    return 0
  fi
  say "installing slurm-wlm and munge (apt-get) ..."
  # --no-install-recommends: the daemons and clients, not the documentation and the extra plugins.
  if ! (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge) >"$home/apt.log" 2>&1; then
    say "apt-get could not install slurm-wlm and munge; its output:"
    tail -n 30 "$home/apt.log" >&2
    return 1
  fi
}

stop_pid() {
  local file="$1"
  [[ -f "$file" ]] || return 0
  local pid
  pid="$(cat "$file" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

stop() {
  stop_pid "$home/run/slurmd.pid"
  stop_pid "$home/run/slurmctld.pid"
  stop_pid "$home/run/munged.pid"
}

config() {
  local node cpus memory
  node="$(hostname -s)"
  cpus="$(nproc)"
  # A little below the machine's memory, so that --mem requests within it can be granted.
  memory="$(awk '/^MemTotal/ {printf "%d", $2 / 1024 * 0.9}' /proc/meminfo)"
  cat <<CONF
# Written by single-node-slurm.sh: one node, this machine, for tests.
ClusterName=threshold-test
# The controller's address in parentheses: no name lookup of this machine's host name is needed.
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire: a requeued job waits this long before it may start again (Slurm's default is 120 s).
AuthInfo=socket=$socket,cred_expire=10
StateSaveLocation=$home/state
SlurmdSpoolDir=$home/spool/%n
SlurmctldPidFile=$home/run/slurmctld.pid
SlurmdPidFile=$home/run/slurmd.pid
SlurmctldLogFile=$home/log/slurmctld.log
SlurmdLogFile=$home/log/slurmd.log
# No cgroups in a container: process groups track a job's processes, no task affinity.
ProctrackType=proctrack/pgid
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
# Low, so that a test sees a sweep split into several arrays.
MaxArraySize=$max_array_size
# Quick turnover for tests: a killed job is gone in seconds, a finished one stays listed 5 minutes.
KillWait=5
MinJobAge=300
SchedulerParameters=sched_interval=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
# OverSubscribe=FORCE: several tasks may share a CPU, so only a job array's own throttle limits
# how many of its tasks run at once (which is what the tests check).
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE
CONF
}

start() {
  if running_with_this_config; then
    echo "SLURM_CONF=$conf"
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    say "no Slurm test cluster runs here (SLURM_CONF=$conf), and only root can start one"
    return 3
  fi
  mkdir -p "$home"/{munge,state,spool,run,log}
  install_packages
  stop
  chmod 700 "$home/munge"
  if [[ ! -s "$home/munge/munge.key" ]]; then
    dd if=/dev/urandom of="$home/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$home/munge/munge.key"
  fi
  config >"$conf"
  # --force: munged refuses root and some directory modes otherwise; this cluster is a test's.
  munged --force --socket="$socket" --key-file="$home/munge/munge.key" --pid-file="$home/run/munged.pid" \
    --log-file="$home/log/munged.log" --seed-file="$home/munge/munged.seed" \
    || { say "munged did not start:"; tail -n 20 "$home/log/munged.log" >&2 || true; return 1; }
  # -c: a clean start (no jobs from an earlier cluster's state); -i: ignore a stale state file.
  slurmctld -c -i -f "$conf" || { say "slurmctld did not start:"; tail -n 20 "$home/log/slurmctld.log" >&2 || true; return 1; }
  slurmd -f "$conf" || { say "slurmd did not start:"; tail -n 20 "$home/log/slurmd.log" >&2 || true; return 1; }
  for _ in $(seq 60); do
    if answers; then
      echo "SLURM_CONF=$conf"
      return 0
    fi
    sleep 0.5
  done
  say "the cluster did not come up within 30 s; the end of its logs:"
  tail -n 15 "$home/log/slurmctld.log" "$home/log/slurmd.log" >&2 || true
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
