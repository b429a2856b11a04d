// The archive report page: the user picks a data download; a module worker parses and checks
// it in Rust while this page only draws the progress bar and the report, from text nodes.
import { localize, t } from '../shared/i18n.js';
import { CATEGORIES, readLayers } from '../shared/settings.js';

localize(document);

const $ = (id) => document.getElementById(id);
const input = $('file');
const progressBox = $('progress-box');
const progress = $('progress');
const progressText = $('progress-text');
const status = $('status');
const error = $('error');
const report = $('report');
const list = $('posts');
const more = $('more');
const links = { csv: $('export-csv'), json: $('export-json') };
// Flagged posts drawn per page: each batch is a short task on the main thread.
const PAGE = 50;
const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

let worker = null;
let busy = false;
let shown = 0;
let flaggedTotal = 0;
let current = '';

/** A fresh worker when none is running or the previous import is still going. */
function ensureWorker() {
  if (worker && !busy) return worker;
  worker?.terminate();
  worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => handlers[data.type]?.(data);
  worker.onerror = (e) => {
    e.preventDefault();
    showError(e.message || t('workerStopped'));
  };
  return worker;
}

function showError(message) {
  busy = false;
  progressBox.hidden = true;
  status.textContent = '';
  const detail = message.startsWith(`${current}:`) ? message : `${current}: ${message}`;
  error.textContent = `${t('archiveFailed', current)}\n${detail}`;
}

function reset() {
  for (const link of Object.values(links)) {
    if (link.href) URL.revokeObjectURL(link.href);
    link.removeAttribute('href');
    link.setAttribute('aria-disabled', 'true');
  }
  report.hidden = true;
  list.replaceChildren();
  $('skipped').replaceChildren();
  $('skipped-box').hidden = true;
  more.hidden = true;
  shown = 0;
  error.textContent = '';
}

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  reset();
  status.classList.remove('sr-only');
  current = file.name;
  status.textContent = t('importReading', file.name);
  progress.removeAttribute('value'); // indeterminate while the file is read
  progressText.textContent = '';
  progressBox.hidden = false;
  const layers = await readLayers();
  ensureWorker().postMessage({ type: 'import', file, layers });
  busy = true;
  // Cleared so that choosing the same file again (after editing it) imports it again.
  input.value = '';
});

function setProgress(done, total) {
  progress.max = Math.max(total, 1);
  progress.value = done;
  progressText.textContent = t('progressText', numbers.format(done), numbers.format(total));
}

const handlers = {
  opened({ posts }) {
    status.textContent = t('importChecking', current, numbers.format(posts));
    setProgress(0, posts);
  },
  progress({ done, total }) {
    setProgress(done, total);
  },
  done({ summary }) {
    busy = false;
    progressBox.hidden = true;
    renderSummary(summary);
    worker.postMessage({ type: 'page', offset: 0, limit: PAGE });
  },
  page({ offset, posts }) {
    if (offset !== shown) return;
    list.append(...posts.map(postItem));
    shown += posts.length;
    more.hidden = shown >= flaggedTotal;
  },
  exports(blobs) {
    for (const [format, link] of Object.entries(links)) {
      link.href = URL.createObjectURL(blobs[format]);
      link.removeAttribute('aria-disabled');
    }
  },
  error({ message, crashed }) {
    if (crashed) {
      // The next import gets a fresh worker and wasm instance.
      worker.terminate();
      worker = null;
    }
    showError(crashed ? `${t('workerStopped')} (${message})` : message);
  },
};

// The rules are built while the user looks for the file, not after it is chosen.
readLayers().then((layers) => {
  if (!busy) ensureWorker().postMessage({ type: 'prepare', layers });
});

more.addEventListener('click', () => worker.postMessage({ type: 'page', offset: shown, limit: PAGE }));

const categoryName = (id) => t(`category_${id.replaceAll('-', '_')}`);

/** A table row: a label cell, then number cells; the one at `bar` gets a bar scaled to `max`. */
function row(label, values, bar, max) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  tr.append(th);
  values.forEach((value, i) => {
    const td = document.createElement('td');
    td.className = 'count';
    if (i === bar) {
      // The bar repeats the number for the eye; the number is what screen readers read.
      const span = document.createElement('span');
      span.className = 'bar';
      span.setAttribute('aria-hidden', 'true');
      span.style.setProperty('--share', `${max ? Math.round((value / max) * 100) : 0}px`);
      td.append(span);
    }
    td.append(numbers.format(value));
    tr.append(td);
  });
  return tr;
}

function renderSummary({ totals, skipped, partial }) {
  flaggedTotal = totals.flagged;
  const summary = t('reportSummary', current, numbers.format(totals.posts), numbers.format(totals.flagged),
    numbers.format(totals.stop), numbers.format(totals.caution));
  $('summary').textContent = partial ? `${summary} ${t('reportPartial', numbers.format(skipped.length))}` : summary;
  // Announced to screen readers; on screen the report's own summary line says it.
  status.textContent = summary;
  status.classList.add('sr-only');
  const byCategory = new Map(totals.by_category.map((c) => [c.category, c]));
  const maxCategory = Math.max(0, ...totals.by_category.map((c) => c.posts));
  $('by-category').tBodies[0].replaceChildren(...CATEGORIES.map((id) => {
    const c = byCategory.get(id) ?? { posts: 0, findings: 0 };
    const tr = row(categoryName(id), [c.posts, c.findings], 0, maxCategory);
    tr.dataset.category = id;
    return tr;
  }));
  const maxYear = Math.max(0, ...totals.by_year.map((y) => y.flagged));
  $('by-year').tBodies[0].replaceChildren(...totals.by_year.map((y) => {
    const tr = row(y.year === 'unknown' ? t('yearUnknown') : y.year, [y.posts, y.flagged], 1, maxYear);
    tr.dataset.year = y.year;
    return tr;
  }));
  $('skipped').replaceChildren(...skipped.map((s) => {
    const li = document.createElement('li');
    li.textContent = `${s.file}: ${s.reason}`;
    return li;
  }));
  $('skipped-box').hidden = skipped.length === 0;
  if (totals.flagged === 0) list.replaceChildren(Object.assign(document.createElement('li'), { textContent: t('nothingFlagged') }));
  report.hidden = false;
}

/** The post's text with every flagged span marked; text nodes only, never parsed as HTML. */
function highlighted(text, findings) {
  const p = document.createElement('p');
  p.className = 'text';
  const spans = findings.flatMap((f) => f.spans).sort((a, b) => a.start_utf16 - b.start_utf16);
  let at = 0;
  for (const s of spans) {
    if (s.start_utf16 < at || s.end_utf16 > text.length) continue;
    p.append(text.slice(at, s.start_utf16));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s.start_utf16, s.end_utf16);
    p.append(mark);
    at = s.end_utf16;
  }
  p.append(text.slice(at));
  return p;
}

/** Only web links from the export become links (never javascript: or data: URLs). */
function safeLink(url) {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function postItem({ post, report: r }) {
  const li = document.createElement('li');
  li.dataset.verdict = r.verdict;
  const meta = document.createElement('p');
  meta.className = 'meta';
  if (post.date) {
    const time = document.createElement('time');
    time.dateTime = post.date;
    time.textContent = post.date.slice(0, 10);
    meta.append(time, ' · ');
  } else {
    meta.append(t('undated'), ' · ');
  }
  meta.append(`${t(`site_${post.site}`)} · `);
  const href = post.permalink && safeLink(post.permalink);
  if (href) {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = t('openPost');
    a.className = 'permalink';
    meta.append(a);
  } else {
    meta.append(post.permalink ?? post.id);
  }
  const findings = document.createElement('ul');
  findings.className = 'findings';
  for (const f of r.findings) {
    const item = document.createElement('li');
    const severity = document.createElement('span');
    severity.className = 'severity';
    severity.dataset.severity = f.severity;
    severity.textContent = `${t(`severity_${f.severity}`)} · ${categoryName(f.category)}: `;
    item.append(severity, f.message);
    findings.append(item);
  }
  li.append(meta, highlighted(post.text, r.findings), findings);
  return li;
}
