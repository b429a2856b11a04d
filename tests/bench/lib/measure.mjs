// The timing loop every JS-side tool runs (alex in Node, Primum's wasm in Chromium), the same loop
// as crates/bench's native one: one untimed warm-up pass per set, then `runs` timed passes, each
// post timed on its own. No Node or DOM imports: the browser loads this file as it is.

/**
 * Times `check(text, platform)` over each set. Returns, per set, the wall time of each run (ms) and
 * each post's time in each run (µs) — raw samples; stats.mjs summarises them.
 */
export function measure(check, sets, runs) {
  const out = {};
  let sink = 0; // results are kept so no engine can drop the calls
  for (const [name, set] of Object.entries(sets)) {
    for (const text of set.texts) sink += resultSize(check(text, set.platform));
    const wall_ms = [];
    const samples_us = [];
    for (let r = 0; r < runs; r++) {
      const run = new Array(set.texts.length);
      const start = performance.now();
      for (let i = 0; i < set.texts.length; i++) {
        const t = performance.now();
        sink += resultSize(check(set.texts[i], set.platform));
        run[i] = (performance.now() - t) * 1000;
      }
      wall_ms.push(performance.now() - start);
      samples_us.push(run);
    }
    out[name] = { wall_ms, samples_us };
  }
  return { sets: out, sink };
}

function resultSize(r) {
  return r?.findings?.length ?? r?.messages?.length ?? 0;
}
