# MKL's code path on AMD processors (docs/PERFORMANCE.md, "The d=256 step"; docs/RUNS.md,
# "Numerics"). libtorch's MKL chooses its kernels by the processor's vendor: on an AMD processor
# it runs its generic path even where the processor has AVX-512, and its matrix products are
# 2.2-2.4x slower than they can be. Preloading a library whose mkl_serv_intel_cpu_true answers yes
# makes MKL choose by the instructions the processor reports, as it does on Intel's.
#
#   THRESHOLD_MKL_DISPATCH=intel   preload it (the default on AMD x86-64 Linux)
#   THRESHOLD_MKL_DISPATCH=vendor  leave MKL's own choice (the default elsewhere)
#
# Sourced by bin/threshold and the bench scripts: mkl_dispatch CLASSPATH LIBRARY writes the library
# (trainer's MklDispatch, on first use), prepends it to LD_PRELOAD when the choice is intel, exports
# the choice, and sets mkl_dispatch_opts to the JVM option that tells the process where it is.
mkl_dispatch() {
  local classpath=$1 library=$2
  local choice=${THRESHOLD_MKL_DISPATCH:-}
  if [[ -z $choice ]]; then
    choice=vendor
    if [[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] && grep -qm1 AuthenticAMD /proc/cpuinfo 2>/dev/null; then
      choice=intel
    fi
  fi
  case $choice in
    intel) ;;
    vendor) export THRESHOLD_MKL_DISPATCH=vendor; mkl_dispatch_opts=(); return 0 ;;
    *) echo "threshold: THRESHOLD_MKL_DISPATCH is '$choice'; expected intel or vendor (docs/RUNS.md, \"Numerics\")" >&2
       exit 2 ;;
  esac
  if [[ ! -f $library ]] && ! java -cp "$classpath" org.threshold.trainer.device.MklDispatch "$library"; then
    echo "threshold: MKL keeps its own choice of kernels (THRESHOLD_MKL_DISPATCH=vendor)" >&2
    export THRESHOLD_MKL_DISPATCH=vendor; mkl_dispatch_opts=(); return 0
  fi
  case ":${LD_PRELOAD:-}:" in
    *":$library:"*) ;;
    *) export LD_PRELOAD="$library${LD_PRELOAD:+:$LD_PRELOAD}" ;;
  esac
  export THRESHOLD_MKL_DISPATCH=intel
  mkl_dispatch_opts=("-Dthreshold.mkl.dispatch.library=$library")
}
