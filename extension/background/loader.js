// The background worker's JS shell. MV3 rule: listeners are registered synchronously at the
// top level, so the message that wakes the worker is never lost; messages wait for the wasm
// module, and all logic (protocol, policy, checker) runs in Rust (crates/wasm).
import init, { Background } from '../wasm/primum_wasm.js';

const ext = globalThis.browser ?? globalThis.chrome;

let failure = null;
const ready = init({ module_or_path: ext.runtime.getURL('wasm/primum_wasm_bg.wasm') })
  .then(() => new Background())
  .catch((error) => {
    // Fail open: the content script sees an error reply and leaves the page alone.
    failure = String(error && error.message ? error.message : error);
    console.error('Primum: the checker could not start; pages work as without Primum.', failure);
    return null;
  });

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
