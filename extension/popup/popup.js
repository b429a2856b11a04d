// The popup imports the wasm module directly (extension pages allow 'wasm-unsafe-eval').
import init, { Background } from '../wasm/primum_wasm.js';
import { localize, t } from '../shared/i18n.js';
import { CATEGORIES, readLayers } from '../shared/settings.js';

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
    const { user, managed } = await readLayers();
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

// "Check this page": the active tab's content script collects and checks the posts shown.
const auditButton = document.getElementById('audit');
const moreButton = document.getElementById('audit-more');
const auditStatus = document.getElementById('audit-status');
const auditResults = document.getElementById('audit-results');

async function targetTab() {
  // ?tab=ID when the audit is opened in a full tab (and by the end-to-end tests).
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (fromUrl) return fromUrl;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** An excerpt with the flagged spans marked, built from text nodes only. */
function excerpt(post, findings) {
  const p = document.createElement('p');
  const spans = findings.flatMap((f) => f.spans).filter((s) => s.end_utf16 <= post.excerpt.length)
    .sort((a, b) => a.start_utf16 - b.start_utf16);
  let at = 0;
  for (const s of spans) {
    if (s.start_utf16 < at) continue;
    p.append(post.excerpt.slice(at, s.start_utf16));
    const mark = document.createElement('mark');
    mark.textContent = post.excerpt.slice(s.start_utf16, s.end_utf16);
    p.append(mark);
    at = s.end_utf16;
  }
  p.append(post.excerpt.slice(at) + (post.truncated ? '…' : ''));
  return p;
}

function renderAudit(result, tabId) {
  auditStatus.textContent = t('auditSummary', result.scanned, result.posts.length);
  const sections = [];
  for (const category of CATEGORIES) {
    const posts = result.posts.filter((p) => p.findings.some((f) => f.category === category && f.severity !== 'info'));
    if (posts.length === 0) continue;
    const section = document.createElement('section');
    section.dataset.category = category;
    const h3 = document.createElement('h3');
    h3.textContent = `${t(`category_${category.replaceAll('-', '_')}`)} (${posts.length})`;
    const list = document.createElement('ul');
    for (const post of posts) {
      const li = document.createElement('li');
      const findings = post.findings.filter((f) => f.category === category);
      const meta = document.createElement('div');
      meta.className = 'guidance';
      meta.textContent = [post.date, findings.map((f) => f.message).join(' ')].filter(Boolean).join(' · ');
      const show = document.createElement('button');
      show.type = 'button';
      show.textContent = t('showButton');
      show.addEventListener('click', () => ext.tabs.sendMessage(tabId, { type: 'audit-show', index: post.index }));
      li.append(excerpt(post, findings), meta, show);
      list.append(li);
    }
    section.append(h3, list);
    sections.push(section);
  }
  auditResults.replaceChildren(...sections);
}

async function runAudit(type) {
  const tabId = await targetTab();
  auditStatus.textContent = t('auditRunning');
  const result = tabId ? await ext.tabs.sendMessage(tabId, { type }).catch(() => null) : null;
  if (!result) {
    auditStatus.textContent = t('auditNoSite');
    moreButton.hidden = true;
    return;
  }
  moreButton.hidden = false;
  renderAudit(result, tabId);
}

auditButton.addEventListener('click', () => runAudit('audit-page'));
moreButton.addEventListener('click', () => runAudit('audit-more'));

// "Import my archive" opens the report page in a tab: a Firefox popup closes when a file
// picker opens, and the report needs the room.
document.getElementById('import-archive').addEventListener('click', async () => {
  await ext.tabs.create({ url: ext.runtime.getURL('report/report.html') });
  window.close();
});
