// The popup imports the wasm module directly (extension pages allow 'wasm-unsafe-eval').
import init, { Background } from '../wasm/primum_wasm.js';
import { localize, t } from '../shared/i18n.js';

localize(document);

const draft = document.getElementById('draft');
const button = document.getElementById('check');
const status = document.getElementById('status');
const list = document.getElementById('findings');

const ext = globalThis.browser ?? globalThis.chrome;

// The same settings layers as the background: the user's options and the institution's policy.
const checker = init({ module_or_path: new URL('../wasm/primum_wasm_bg.wasm', import.meta.url) })
  .then(async () => {
    const background = new Background();
    const user = await ext.storage.sync.get('settings').then((r) => r.settings ?? null, () => null);
    const managed = await (ext.storage.managed?.get(null) ?? Promise.resolve(null)).catch(() => null);
    background.configure(user, managed);
    return background;
  })
  .catch((error) => {
    status.textContent = t('checkerUnavailable', String(error));
    return null;
  });

/** Renders one finding as text nodes only: post text is never parsed as HTML. */
function item(text, finding) {
  const li = document.createElement('li');
  const severity = document.createElement('span');
  severity.className = 'severity';
  severity.textContent = `${finding.severity} · ${finding.category}`;
  const message = document.createElement('div');
  message.textContent = finding.message;
  const quote = document.createElement('div');
  for (const span of finding.spans) {
    const mark = document.createElement('mark');
    mark.textContent = text.slice(span.start_utf16, span.end_utf16);
    quote.append(mark, ' ');
  }
  const guidance = document.createElement('div');
  guidance.className = 'guidance';
  guidance.textContent = finding.guidance;
  li.append(severity, message, quote, guidance);
  li.dataset.rule = finding.rule;
  return li;
}

async function run() {
  const c = await checker;
  if (!c) return;
  const text = draft.value;
  const reply = c.handle({ type: 'check', seq: 0, text, context: {} });
  if (reply.type !== 'report') {
    status.textContent = t('checkerUnavailable', reply.message);
    return;
  }
  const { report } = reply;
  status.dataset.verdict = report.verdict;
  status.textContent = t(`verdict_${report.verdict}`, String(report.findings.length));
  list.replaceChildren(...report.findings.map((f) => item(text, f)));
}

button.addEventListener('click', run);
draft.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
});
