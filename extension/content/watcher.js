// One watched editor: reads its text on input (debounced; at once on paste), asks the background
// to check it, drops stale answers, and keeps the latest report for the overlay and the submit guard.
import { readChecked, liveText } from './text.js';
import { Overlay } from './overlay.js';
import { applyFix } from './fix.js';
import { ask, reaches, diagnostics, logOnce } from './runtime.js';

const DEBOUNCE_MS = 150;
// A sleeping worker first loads the checker (well under a second); typing checks wait for it,
// but a paused submit gives up sooner and lets the post through (fail open).
const TYPING_TIMEOUT_MS = 10000;
const SUBMIT_TIMEOUT_MS = 3000;

export class Watcher {
  constructor(editor, site, shared) {
    this.editor = editor;
    this.site = site;
    this.shared = shared; // {rationale(ruleId), healthy, lastFocused, reported(watcher)}
    this.seq = 0;
    this.timer = 0;
    this.text = null; // the text the current report is for
    this.report = null;
    this.settings = { pause_at: 'critical', block_at: null };
    this.ignored = new Set();
    this.pending = null;
    this.overlay = new Overlay(editor, {
      fix: (finding) => this.fix(finding),
      ignore: (finding) => this.ignore(finding),
      rationale: (rule) => shared.rationale(rule),
    });
    this.onInput = () => this.schedule(DEBOUNCE_MS);
    this.onPaste = () => this.schedule(0);
    this.onFocus = () => {
      shared.lastFocused = this;
    };
    editor.addEventListener('input', this.onInput);
    editor.addEventListener('paste', this.onPaste);
    editor.addEventListener('focusin', this.onFocus);
    // Sites also change the draft without input events (cleared after posting, restored drafts).
    this.observer = new MutationObserver(() => this.schedule(DEBOUNCE_MS));
    this.observer.observe(editor, { childList: true, characterData: true, subtree: true });
    diagnostics.observers++;
    this.schedule(0);
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check().catch((error) => logOnce(error, 'internal')), delay);
  }

  /** Checks the current text now; resolves to true when a report for it arrived. */
  checkNow() {
    clearTimeout(this.timer);
    return this.check(SUBMIT_TIMEOUT_MS);
  }

  async check(timeoutMs = TYPING_TIMEOUT_MS) {
    const { text, complete } = readChecked(this.editor);
    const seq = ++this.seq;
    // A draft longer than any post the sites accept is checked in its first LIVE_LIMIT
    // characters, and the card says so: checking 1 MB on each pause in typing would keep the
    // worker busy for seconds and every answer would arrive stale.
    const live = liveText(text);
    const reply = await ask({ type: 'check', seq, text: live, context: { platform: this.site.id } }, timeoutMs);
    if (!reply) {
      this.shared.healthy = false;
      return false;
    }
    this.shared.healthy = true;
    if (seq !== this.seq) return false; // stale: a newer check is under way
    const now = readChecked(this.editor);
    if (now.text !== text) return false; // stale: the draft changed meanwhile
    this.text = text; // what Primum read: the whole draft, or its first LIVE_LIMIT characters and a little more
    this.truncated = !complete || live.length < text.length;
    this.report = reply.report;
    this.settings = {
      pause_at: reply.pause_at,
      block_at: reply.block_at,
      block_message: reply.block_message,
      institution: reply.institution,
    };
    this.render(now.pieces);
    this.shared.reported?.(this);
    return true;
  }

  key(finding) {
    const s = finding.spans[0];
    return `${finding.rule}\u0000${this.text.slice(s.start_utf16, s.end_utf16)}`;
  }

  /** Findings the person has not dismissed. */
  findings() {
    if (!this.report) return [];
    return this.report.findings.filter((f) => !this.ignored.has(this.key(f)));
  }

  verdict() {
    const findings = this.findings();
    if (findings.some((f) => f.severity === 'critical')) return 'stop';
    if (findings.some((f) => f.severity === 'warning')) return 'caution';
    return 'ok';
  }

  render(pieces) {
    this.overlay.show(this.verdict(), this.findings(), pieces ?? readChecked(this.editor).pieces, this.truncated);
  }

  /** Whether the report is for exactly the text now in the editor (as far as Primum reads it). */
  isFresh() {
    return this.report != null && readChecked(this.editor).text === this.text;
  }

  isEmpty() {
    return readChecked(this.editor).text.trim() === '';
  }

  /** Findings that reach the pause threshold, and whether any reaches the block threshold. */
  gate() {
    const findings = this.findings();
    const pausing = findings.filter((f) => reaches(f.severity, this.settings.pause_at));
    const blocked = findings.some((f) => reaches(f.severity, this.settings.block_at));
    return {
      pausing,
      blocked,
      blockMessage: this.settings.block_message ?? null,
      institution: this.settings.institution ?? null,
    };
  }

  fix(finding) {
    if (finding.fix && applyFix(this.editor, finding.fix, this.text)) this.schedule(0);
  }

  ignore(finding) {
    this.ignored.add(this.key(finding));
    this.render();
    this.editor.focus();
  }

  detach() {
    clearTimeout(this.timer);
    this.observer.disconnect();
    diagnostics.observers--;
    this.editor.removeEventListener('input', this.onInput);
    this.editor.removeEventListener('paste', this.onPaste);
    this.editor.removeEventListener('focusin', this.onFocus);
    this.overlay.remove();
  }
}
