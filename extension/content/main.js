// The content script: the DOM layer. Finds compose editors (site adapters are data), watches
// them, draws findings in Primum's overlay and pauses a risky submit. The checks run in the
// background worker (the sites' CSP forbids wasm here). Fails open: on any error the site works
// exactly as without Primum.
import { siteFor, patchSite, validated } from './sites.js';
import { Watcher } from './watcher.js';
import { pauseDialog } from './dialog.js';
import { ask, logOnce, safely, diagnostics } from './runtime.js';
import { PageAudit } from './audit.js';

const ext = globalThis.browser ?? globalThis.chrome;

function start() {
  // The built-in adapter applies at once; an institution's patch (managed storage can take a
  // second or two to answer) replaces it when it arrives.
  const builtIn = siteFor(location.hostname);
  if (!builtIn) return;
  // A selector the browser cannot parse would throw on every scan: drop it, say so once.
  const { site: usable, dropped } = validated(builtIn);
  if (dropped.length > 0) logOnce(`unusable selectors ${JSON.stringify(dropped)}`, 'adapter');
  let site = usable;
  let editorSelector, submitSelector, keyboardOnlyIn;
  const useSite = () => {
    editorSelector = site.editors.join(',') || null;
    submitSelector = site.submit.join(',') || null;
    keyboardOnlyIn = site.keyboardSubmitOnlyIn?.join(',') || null;
  };
  useSite();
  const audit = new PageAudit(site);
  let managedRead = null;
  try {
    managedRead = ext.storage.managed?.get('siteAdapters');
  } catch (error) {
    logOnce(error, 'storage'); // the storage API itself is unavailable: keep the built-in adapter
  }
  Promise.resolve(managedRead)
    .then((managed) => {
      const patch = managed?.siteAdapters?.[site.id];
      if (!patch) return;
      site = patchSite(site, patch);
      audit.site = site;
      useSite();
      scan();
    })
    .catch(() => {}); // no policy installed (Firefox rejects then): the built-in adapter stays

  // The popup's "Check this page" talks to this tab's content script.
  ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type === 'audit-page') audit.scan().then(sendResponse, () => sendResponse(null));
    else if (message?.type === 'audit-more') audit.loadMore().then(sendResponse, () => sendResponse(null));
    else if (message?.type === 'audit-show') sendResponse(audit.show(message.index));
    else return false;
    return true;
  });

  const watchers = new Map();
  const rationales = new Map();
  const shared = {
    healthy: true,
    lastFocused: null,
    rationale: (rule) => rationales.get(rule) ?? '',
    // After each check: a finding would pause the post, but the adapter finds no Post button.
    reported: (watcher) => {
      if (watcher.gate().pausing.length > 0 && !(submitSelector && document.querySelector(submitSelector))) {
        logOnce(`no element matches ${JSON.stringify(site.submit)}`, 'submit');
      }
    },
  };
  ask({ type: 'rules' }).then((reply) => reply?.rules?.forEach((r) => rationales.set(r.id, r.rationale)));

  const scan = () => {
    if (!editorSelector) return;
    for (const editor of document.querySelectorAll(editorSelector)) {
      if (!watchers.has(editor)) watchers.set(editor, new Watcher(editor, site, shared));
    }
    for (const [editor, watcher] of watchers) {
      if (!editor.isConnected) {
        watcher.detach();
        watchers.delete(editor);
      }
    }
  };

  // Editors appear, re-render and move (SPA navigation, modals, replies): rescan once per frame.
  let queued = false;
  const rescan = safely(scan);
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      rescan();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  let layoutQueued = false;
  const relayout = () => {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(
      safely(() => {
        layoutQueued = false;
        watchers.forEach((w) => w.overlay.layout());
      }),
    );
  };
  addEventListener('scroll', relayout, { passive: true, capture: true });
  addEventListener('resize', relayout, { passive: true });
  new ResizeObserver(relayout).observe(document.documentElement);
  diagnostics.observers += 2; // the page-wide MutationObserver and ResizeObserver above

  // Hover on an underline opens its card (the underlines themselves take no pointer events).
  let hoverQueued = false;
  addEventListener(
    'mousemove',
    (e) => {
      if (hoverQueued || watchers.size === 0) return;
      hoverQueued = true;
      requestAnimationFrame(
        safely(() => {
          hoverQueued = false;
          for (const w of watchers.values()) {
            const hit = w.overlay.hitTest(e.clientX, e.clientY);
            if (hit) w.overlay.hover(hit);
            else w.overlay.hoverClose();
          }
        }),
      );
    },
    { passive: true },
  );

  /** The watcher whose editor belongs with `node` (a submit control): the deepest shared container. */
  const watcherFor = (node) => {
    let best = null;
    let bestDepth = -1;
    for (const [editor, watcher] of watchers) {
      let depth = 0;
      let anc = node;
      while (anc && !anc.contains(editor)) anc = anc.parentElement;
      for (let a = anc; a; a = a.parentElement) depth++;
      if (anc && (depth > bestDepth || (depth === bestDepth && watcher === shared.lastFocused))) {
        best = watcher;
        bestDepth = depth;
      }
    }
    return best;
  };

  // Pause before submit, in the capture phase, only when a finding reaches the threshold.
  let bypass = false;
  let busy = false;
  const resubmit = (again) => {
    bypass = true;
    try {
      again();
    } finally {
      bypass = false;
    }
  };
  const guard = (event, watcher, again) => {
    if (bypass || !shared.healthy || watcher.isEmpty()) return;
    if (watcher.isFresh() && watcher.gate().pausing.length === 0) return; // ok: the site handles it untouched
    event.preventDefault();
    event.stopImmediatePropagation();
    if (busy) return;
    busy = true;
    let settled = false; // the post went through or the person chose Edit
    const post = () => {
      settled = true;
      resubmit(again);
    };
    (async () => {
      try {
        if (!watcher.isFresh() && !(await watcher.checkNow())) {
          post(); // the checker is unavailable: fail open
          return;
        }
        const { pausing, blocked, blockMessage, institution } = watcher.gate();
        if (pausing.length === 0) {
          post();
          return;
        }
        const findings = pausing.map((f) => ({
          ...f,
          quote: watcher.text.slice(f.spans[0].start_utf16, f.spans[0].end_utf16),
        }));
        const choice = await pauseDialog({ findings, blocked, blockMessage, institution });
        if (choice === 'post' && !blocked) post();
        else {
          settled = true;
          watcher.editor.focus();
        }
      } catch (error) {
        logOnce(error, 'internal');
        if (!settled) post(); // Primum failed before a decision: the post goes through as without it
      } finally {
        busy = false;
      }
    })();
  };

  addEventListener(
    'click',
    safely((e) => {
      if (!submitSelector) return;
      const control = e.target instanceof Element ? e.target.closest(submitSelector) : null;
      if (!control) return;
      const watcher = watcherFor(control);
      if (watcher) guard(e, watcher, () => control.click());
    }),
    true,
  );

  const combo = (e) =>
    [e.ctrlKey && 'Control', e.metaKey && 'Meta', e.altKey && 'Alt', e.shiftKey && 'Shift', e.key].filter(Boolean).join('+');
  addEventListener(
    'keydown',
    safely((e) => {
      if (!editorSelector || e.isComposing || !site.keyboardSubmit.includes(combo(e))) return;
      const editor = e.target instanceof Element ? e.target.closest(editorSelector) : null;
      const watcher = editor && watchers.get(editor);
      if (!watcher) return;
      if (keyboardOnlyIn && combo(e) === 'Enter' && !editor.matches(keyboardOnlyIn)) return;
      const init = { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey,
        shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true, composed: true };
      guard(e, watcher, () => {
        editor.focus();
        editor.dispatchEvent(new KeyboardEvent('keydown', init));
      });
    }),
    true,
  );

  scan();
}

try {
  start();
} catch (error) {
  logOnce(error, 'internal');
}
