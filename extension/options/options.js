// The options page: the user's settings layer in chrome.storage.sync. The background merges it
// with the institution's managed policy (which wins) and reports entries it had to ignore.
import { localize, t } from '../shared/i18n.js';

const ext = globalThis.browser ?? globalThis.chrome;
const CATEGORIES = [
  'patient-privacy', 'patient-disparagement', 'colleague-disparagement', 'discrimination', 'profanity',
  'medical-advice', 'boundaries', 'impulsive-tone', 'unsupported-claims', 'conflict-of-interest',
];

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

async function load() {
  const { settings = {} } = await ext.storage.sync.get('settings');
  const pauseAt = settings.pauseAt ?? 'critical';
  for (const radio of form.elements.pauseAt) radio.checked = radio.value === pauseAt;
  const disabled = new Set(settings.disabled ?? []);
  for (const input of box.querySelectorAll('input')) input.checked = !disabled.has(input.value);
  const status = await ext.runtime.sendMessage({ type: 'status' }).catch(() => null);
  const problems = document.getElementById('problems');
  const warnings = status?.warnings ?? [];
  problems.hidden = warnings.length === 0;
  problems.textContent = warnings.map((w) => `${w.key}: ${w.message}`).join('\n');
}

form.addEventListener('change', async () => {
  const settings = {
    pauseAt: form.elements.pauseAt.value,
    disabled: [...box.querySelectorAll('input')].filter((i) => !i.checked).map((i) => i.value),
  };
  await ext.storage.sync.set({ settings });
  document.getElementById('saved').textContent = t('settingsSaved');
});

load();
