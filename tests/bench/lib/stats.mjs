// Summary statistics for the benchmarks, in one place.

/** The `p`-th percentile of `xs` (nearest rank: the sample at floor(p% of n), clamped). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The median of `xs`. */
export const median = (xs) => percentile(xs, 50);

/**
 * One tool on one set of texts (1 MB = 10^6 UTF-8 bytes), each figure the median over runs:
 * - `mb_per_s`: bytes / the run's wall time;
 * - `cpu_mb_per_s`: bytes / the CPU time the tool's process spent in the run (on a shared machine
 *   this does not count the time other processes held the core);
 * - `median_us`, `p99_us`: per-post latency (wall clock) within each run.
 */
export function summarise({ wall_ms, cpu_ms, samples_us }, bytes) {
  const rate = (ms) => bytes / 1e6 / (ms / 1e3);
  const mbps = wall_ms.map(rate);
  return {
    runs: wall_ms.length,
    mb_per_s: median(mbps),
    mb_per_s_range: [Math.min(...mbps), Math.max(...mbps)],
    cpu_mb_per_s: median(cpu_ms.map(rate)),
    median_us: median(samples_us.map((run) => median(run))),
    p99_us: median(samples_us.map((run) => percentile(run, 99))),
  };
}
