// The report page's worker: reads the picked file and checks its posts in Rust (the same
// wasm-bindgen glue as the background), so the page's main thread stays free for the
// progress bar. Messages in: {type: 'prepare', layers} | {type: 'import', file, layers} |
// {type: 'page', offset, limit}.
// The report page's own module: the checker plus the archive parsers (the background's lacks them).
import init, { ArchiveAudit } from '../wasm/primum_audit.js';

const ready = init({ module_or_path: new URL('../wasm/primum_audit_bg.wasm', import.meta.url) });
// Posts per next() call: small enough for progress every few tens of milliseconds.
const CHUNK = 500;
let audit = null;
let auditLayers = '';

/** The importer for these settings layers; building the first one builds the rules (≈1 s). */
async function importer(layers) {
  await ready;
  const key = JSON.stringify(layers ?? null);
  if (!audit || key !== auditLayers) {
    audit?.free();
    audit = new ArchiveAudit(layers?.user ?? null, layers?.managed ?? null);
    auditLayers = key;
  }
  return audit;
}

function fail(error) {
  // A RuntimeError is a trap in the wasm (a bug, or out of memory): this instance is done for.
  postMessage({ type: 'error', message: String(error?.message ?? error), crashed: error instanceof WebAssembly.RuntimeError });
}

async function importFile({ file, layers }) {
  const audit = await importer(layers);
  const opened = audit.open(file, file.name);
  postMessage({ type: 'opened', ...opened });
  let progress = { done: 0, total: opened.posts };
  let last = 0;
  do {
    progress = audit.next(CHUNK);
    // Throttled: a message per ~50 ms is live enough and keeps the page's queue short.
    if (performance.now() - last > 50 || progress.done === progress.total) {
      postMessage({ type: 'progress', ...progress });
      last = performance.now();
    }
  } while (progress.done < progress.total);
  postMessage({ type: 'done', summary: audit.summary() });
  // The exports are made once, here, so the page's links are plain Blob URLs.
  postMessage({
    type: 'exports',
    csv: new Blob([audit.exportCsv()], { type: 'text/csv;charset=utf-8' }),
    json: new Blob([audit.exportJson()], { type: 'application/json' }),
  });
}

onmessage = async ({ data }) => {
  try {
    if (data?.type === 'prepare') await importer(data.layers);
    else if (data?.type === 'import') await importFile(data);
    else if (data?.type === 'page' && audit) {
      postMessage({ type: 'page', offset: data.offset, posts: audit.flagged(data.offset, data.limit) });
    }
  } catch (error) {
    fail(error);
  }
};
