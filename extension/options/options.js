// The options page: the user's settings layer in chrome.storage.sync. The background merges it
// with the institution's managed policy, which wins; settings the policy sets are shown locked
// with the institution's name, and entries that had to be ignored are listed by key.
import { localize, t } from '../shared/i18n.js';
import { CATEGORIES, readManaged } from '../shared/settings.js';

const ext = globalThis.browser ?? globalThis.chrome;

localize(document);
const form = document.getElementById('settings');
const box = document.getElementById('categories');
for (const id of CATEGORIES) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = 'category';
  input.value = id;
  label.append(input, ' ', t(`category_${id.replaceAll('-', '_')}`));
  box.append(label);
}
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
let managed = {};

async function showProblems() {
  const status = await ext.runtime.sendMessage({ type: 'status' }).catch(() => null);
  const warnings = status?.warnings ?? [];
  document.getElementById('problems').hidden = warnings.length === 0;
  document.getElementById('problem-list').replaceChildren(
    ...warnings.map((w) => {
      const li = document.createElement('li');
      li.dataset.key = w.key;
      li.textContent = `${w.key}: ${w.message}`;
      return li;
    }),
  );
}

async function load() {
  // Nothing can be changed until the current settings are shown (the policy service can take a
  // second or two to answer in a fresh profile): a premature change would save a blank form.
  form.inert = true;
  managed = await readManaged();
  const who = managed.institution?.name || t('yourInstitution');
  const note = document.getElementById('managed');
  note.hidden = Object.keys(managed).length === 0;
  note.textContent = managed.userMayChange === false ? t('managedLocked', who) : t('managedSome', who);
  const { settings = {} } = await ext.storage.sync.get('settings');
  const pauseAt = managed.pauseAt ?? settings.pauseAt ?? 'critical';
  for (const radio of form.elements.pauseAt) {
    radio.checked = radio.value === pauseAt;
    radio.disabled = managed.pauseAt != null;
  }
  const lock = document.querySelector('#pause .lock');
  lock.hidden = managed.pauseAt == null;
  lock.textContent = t('setBy', who);
  const userDisabled = new Set(settings.disabled ?? []);
  const policyDisabled = new Set(managed.disabled ?? []);
  for (const input of box.querySelectorAll('input')) {
    const byPolicy = policyDisabled.has(input.value);
    input.checked = !byPolicy && !userDisabled.has(input.value);
    input.disabled = byPolicy;
    input.title = byPolicy ? t('setBy', who) : '';
  }
  form.elements.terms.value = (settings.customTerms ?? []).map((term) => term.phrase ?? '').filter(Boolean).join('\n');
  form.elements.ignored.value = (settings.ignored ?? []).join('\n');
  if (managed.userMayChange === false) {
    for (const el of form.elements) el.disabled = true;
    document.getElementById('import').disabled = true;
  }
  form.inert = false;
  document.body.dataset.ready = 'true';
  await showProblems();
}

function collect() {
  return {
    pauseAt: form.elements.pauseAt.value || 'critical',
    disabled: [...box.querySelectorAll('input')].filter((i) => !i.checked && !i.disabled).map((i) => i.value),
    customTerms: lines(form.elements.terms.value).map((phrase) => ({ phrase, category: 'patient-privacy', severity: 'warning' })),
    ignored: lines(form.elements.ignored.value),
  };
}

async function save(settings) {
  await ext.storage.sync.set({ settings });
  document.getElementById('saved').textContent = t('settingsSaved');
  setTimeout(showProblems, 200);
}

form.addEventListener('change', () => save(collect()));

document.getElementById('export').addEventListener('click', async () => {
  const { settings = {} } = await ext.storage.sync.get('settings');
  const blob = new Blob([JSON.stringify({ primumSettings: 1, settings }, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'primum-settings.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

document.getElementById('import').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  const status = document.getElementById('saved');
  try {
    const data = JSON.parse(await file.text());
    const settings = data?.settings;
    if (data?.primumSettings !== 1 || !settings || typeof settings !== 'object' || Array.isArray(settings)) {
      throw new Error(t('importNotPrimum'));
    }
    await save(settings);
    await load();
  } catch (error) {
    status.textContent = t('importFailed', file.name, error.message);
  }
  e.target.value = '';
});

load();
