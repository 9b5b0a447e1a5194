# glibc's allocator for libtorch's arrays (docs/PERFORMANCE.md, "Training step"). By default glibc
# hands memory of a freed array back to the kernel, so the next step's arrays of the same sizes
# come back as fresh pages, each a page fault (about 500-1,000 a step for the d=32 model: 10% of
# its step on the project's VM). These settings keep arrays under 32 MiB in the heap and up to
# 256 MiB of freed memory in the process (plus 64 MiB of padding when the heap grows), so a step
# reuses the pages the last one freed: about 20 faults a step. They change no number a run
# computes. A variable already set is left as it is.
#
# Sourced by bin/threshold and the bench scripts that start java: malloc_settings exports them.
malloc_settings() {
  export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-33554432}
  export MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-268435456}
  export MALLOC_TOP_PAD_=${MALLOC_TOP_PAD_:-67108864}
}
