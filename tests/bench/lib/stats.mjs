// Summary statistics for the benchmarks, in one place.

/** The `p`-th percentile of `xs` (nearest rank: the sample at floor(p% of n), clamped). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The median of `xs`. */
export const median = (xs) => percentile(xs, 50);

/**
 * One tool on one set of texts (1 MB = 10^6 UTF-8 bytes):
 * - `mb_per_s`: each run's bytes / wall time, median over runs;
 * - `mb_per_s_post_median`: bytes / the sum over posts of each post's median time over runs — the
 *   same work, but a post slowed by another process in one run does not count (this machine is shared);
 * - `median_us`, `p99_us`: per-post latency within each run, median over runs.
 */
export function summarise({ wall_ms, samples_us }, bytes) {
  const mbps = wall_ms.map((ms) => bytes / 1e6 / (ms / 1e3));
  const perPost = samples_us[0].map((_, i) => median(samples_us.map((run) => run[i])));
  return {
    runs: wall_ms.length,
    mb_per_s: median(mbps),
    mb_per_s_range: [Math.min(...mbps), Math.max(...mbps)],
    mb_per_s_post_median: bytes / perPost.reduce((a, b) => a + b, 0),
    median_us: median(samples_us.map((run) => median(run))),
    p99_us: median(samples_us.map((run) => percentile(run, 99))),
  };
}
