// What the background, the popup and the options page share about settings.
const ext = globalThis.browser ?? globalThis.chrome;

/** The ten category ids, in report order (the same list as primum_core::Category::ALL). */
export const CATEGORIES = [
  'patient-privacy', 'patient-disparagement', 'colleague-disparagement', 'discrimination', 'profanity',
  'medical-advice', 'boundaries', 'impulsive-tone', 'unsupported-claims', 'conflict-of-interest',
];

/** The institution's managed policy, or {} when none is installed (Firefox rejects instead of returning {}). */
export async function readManaged() {
  try {
    return (await ext.storage.managed?.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** The settings layers the background merges: the user's options (sync) and the managed policy. */
export async function readLayers() {
  const user = await ext.storage.sync
    .get('settings')
    .then((r) => r.settings ?? null)
    .catch(() => null);
  return { user, managed: await readManaged() };
}
