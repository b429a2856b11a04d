// The background worker's JS shell. MV3 rule: listeners are registered synchronously at the
// top level, so the message that wakes the worker is never lost; messages wait for the wasm
// module. All logic — the message protocol, merging the settings layers, the checker — runs in
// Rust (crates/wasm). Fails open: if the module cannot start, every request gets an error reply
// and the content script leaves the page alone; if storage cannot be read, the checks run with
// the built-in defaults. Each failure is logged once.
import init, { Background } from '../wasm/primum_wasm.js';
import { readLayers } from '../shared/settings.js';

const ext = globalThis.browser ?? globalThis.chrome;

let storageLogged = false;
function storageFailed(error) {
  if (storageLogged) return;
  storageLogged = true;
  console.error('Primum: settings storage is unavailable; checking with the built-in defaults.', String(error));
}

/** The settings layers, or the built-in defaults when storage cannot be read. */
async function layers() {
  try {
    return await readLayers();
  } catch (error) {
    storageFailed(error);
    return { user: null, managed: {} };
  }
}

let failure = null;
// The checker once it is configured; replaced by a promise of the reconfigured one while new
// settings are read, so a message that arrives meanwhile is answered with the new settings.
let ready = init({ module_or_path: ext.runtime.getURL('wasm/primum_wasm_bg.wasm') })
  .then(async () => {
    const background = new Background();
    const { user, managed } = await layers();
    background.configure(user, managed);
    return background;
  })
  .catch((error) => {
    failure = String(error && error.message ? error.message : error);
    console.error('Primum: the checker could not start; pages work as without Primum.', failure);
    return null;
  });

// Settings apply live, without reloading tabs.
try {
  ext.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'sync' && area !== 'managed') return;
    ready = ready.then(async (background) => {
      if (background) {
        const { user, managed } = await layers();
        background.configure(user, managed);
      }
      return background;
    });
  });
} catch (error) {
  storageFailed(error); // settings cannot change live; the checker keeps what it read
}

ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') return false;
  ready.then((background) => {
    if (!background) {
      sendResponse({ type: 'error', message: `Primum's checker is unavailable: ${failure}` });
      return;
    }
    try {
      sendResponse(background.handle(message));
    } catch (error) {
      sendResponse({ type: 'error', message: `Primum's checker failed: ${error}` });
    }
  });
  return true; // the reply is sent asynchronously
});
