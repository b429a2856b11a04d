// The timing loop every JS-side tool runs (alex in Node, Primum's wasm in Chromium), the same loop
// as crates/bench's native one: an untimed warm-up pass per set, then `runs` timed passes, each
// post timed on its own. No Node or DOM imports: the browser loads this file as it is.

/**
 * Times `check(text, platform)` over each set. Returns, per set, each run's wall time (ms), each
 * post's time in each run (µs) and, when `cpuMs` (a clock of the process's CPU time in ms) is
 * given, each run's CPU time (ms) — raw samples; stats.mjs summarises them. `warmup: false` skips
 * the warm-up pass (for a caller that runs one pass per call and warmed up already).
 */
export function measure(check, sets, runs, { warmup = true, cpuMs } = {}) {
  const out = {};
  let sink = 0; // results are kept so no engine can drop the calls
  for (const [name, set] of Object.entries(sets)) {
    if (warmup) for (const text of set.texts) sink += resultSize(check(text, set.platform));
    const wall_ms = [];
    const cpu_ms = [];
    const samples_us = [];
    for (let r = 0; r < runs; r++) {
      const run = new Array(set.texts.length);
      const cpu = cpuMs?.();
      const start = performance.now();
      for (let i = 0; i < set.texts.length; i++) {
        const t = performance.now();
        sink += resultSize(check(set.texts[i], set.platform));
        run[i] = (performance.now() - t) * 1000;
      }
      wall_ms.push(performance.now() - start);
      if (cpuMs) cpu_ms.push(cpuMs() - cpu);
      samples_us.push(run);
    }
    out[name] = cpuMs ? { wall_ms, cpu_ms, samples_us } : { wall_ms, samples_us };
  }
  return { sets: out, sink };
}

function resultSize(r) {
  return r?.findings?.length ?? r?.messages?.length ?? 0;
}
