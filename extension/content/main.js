// The content script: the DOM layer. Finds compose editors, sends their text to the background
// (where the wasm checker runs: the sites' CSP forbids wasm here), and shows the answer in
// Primum's own overlay. Fails open: any error leaves the site exactly as without Primum.
import { siteFor } from './sites.js';
import { readEditor } from './text.js';
import { Overlay } from './overlay.js';

const ext = globalThis.browser ?? globalThis.chrome;
const DEBOUNCE_MS = 150;
let loggedFailure = false;

function logOnce(error) {
  if (loggedFailure) return;
  loggedFailure = true;
  console.warn('Primum is not checking this page:', error);
}

function t(key, ...subs) {
  try {
    return ext.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

class Watcher {
  constructor(editor, site) {
    this.editor = editor;
    this.site = site;
    this.seq = 0;
    this.timer = 0;
    this.overlay = new Overlay(editor, t);
    this.onInput = () => this.schedule(DEBOUNCE_MS);
    this.onPaste = () => this.schedule(0);
    editor.addEventListener('input', this.onInput);
    editor.addEventListener('paste', this.onPaste);
    this.schedule(0);
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), delay);
  }

  async check() {
    const { text, pieces } = readEditor(this.editor);
    const seq = ++this.seq;
    let reply;
    try {
      reply = await ext.runtime.sendMessage({ type: 'check', seq, text, context: { platform: this.site.id } });
    } catch (error) {
      logOnce(error);
      return;
    }
    // Stale: the text changed while the background was checking.
    if (seq !== this.seq || !reply) return;
    if (reply.type !== 'report') {
      logOnce(reply.message);
      return;
    }
    this.overlay.show(reply.report, pieces);
  }

  detach() {
    clearTimeout(this.timer);
    this.editor.removeEventListener('input', this.onInput);
    this.editor.removeEventListener('paste', this.onPaste);
    this.overlay.remove();
  }
}

function start() {
  const site = siteFor(location.hostname);
  if (!site) return;
  const selector = site.editors.join(',');
  const watchers = new Map();
  const scan = () => {
    for (const editor of document.querySelectorAll(selector)) {
      if (!watchers.has(editor)) watchers.set(editor, new Watcher(editor, site));
    }
    for (const [editor, watcher] of watchers) {
      if (!editor.isConnected) {
        watcher.detach();
        watchers.delete(editor);
      }
    }
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      scan();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  const relayout = () => watchers.forEach((w) => w.overlay.layout());
  addEventListener('scroll', relayout, { passive: true, capture: true });
  addEventListener('resize', relayout, { passive: true });
  scan();
}

try {
  start();
} catch (error) {
  logOnce(error);
}
