// Primum's overlay: a <primum-overlay> element outside the editor, with its own shadow DOM.
// Underlines are drawn from Range.getClientRects(); the site's editor DOM is never touched.
import { rangeFor } from './text.js';

const STYLE = `
:host { all: initial; }
.line { position: fixed; height: 2px; pointer-events: none; border-radius: 1px; }
.line.critical { background: #c62828; }
.line.warning { background: #ef8f00; }
.line.info { background: #1e6fd9; opacity: .6; }
.badge { position: fixed; min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px; border: 0;
  font: 600 12px/20px system-ui, sans-serif; color: #fff; background: #2e7d32; cursor: pointer; pointer-events: auto; }
.badge[data-verdict="caution"] { background: #b26a00; }
.badge[data-verdict="stop"] { background: #c62828; }
.badge[hidden] { display: none; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (prefers-reduced-motion: no-preference) { .badge { transition: background-color .15s; } }
`;

/** One overlay per watched editor. */
export class Overlay {
  constructor(editor, t) {
    this.editor = editor;
    this.t = t;
    this.host = document.createElement('primum-overlay');
    this.host.setAttribute('data-verdict', 'ok');
    this.host.setAttribute('data-categories', '');
    this.host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.lines = document.createElement('div');
    this.badge = document.createElement('button');
    this.badge.className = 'badge';
    this.badge.type = 'button';
    this.badge.hidden = true;
    this.live = document.createElement('div');
    this.live.className = 'live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(style, this.lines, this.badge, this.live);
    document.documentElement.append(this.host);
    this.report = null;
    this.pieces = [];
  }

  /** Shows `report` for the editor text whose pieces are `pieces`. */
  show(report, pieces) {
    this.report = report;
    this.pieces = pieces;
    const categories = [...new Set(report.findings.map((f) => f.category))];
    const verdict = report.verdict;
    if (this.host.getAttribute('data-verdict') !== verdict && verdict !== 'ok') {
      this.live.textContent = this.t('liveFindings', String(report.findings.length));
    }
    this.host.setAttribute('data-verdict', verdict);
    this.host.setAttribute('data-categories', categories.join(' '));
    this.badge.dataset.verdict = verdict;
    this.badge.textContent = String(report.findings.length);
    this.badge.setAttribute('aria-label', this.t('badgeLabel', String(report.findings.length)));
    this.badge.hidden = report.findings.length === 0;
    this.layout();
  }

  /** Re-positions underlines and badge (scroll, resize, editor growth). */
  layout() {
    if (!this.report) return;
    this.lines.replaceChildren();
    for (const finding of this.report.findings) {
      for (const span of finding.spans) {
        const range = rangeFor(this.pieces, span.start_utf16, span.end_utf16);
        if (!range) continue;
        for (const rect of range.getClientRects()) {
          const line = document.createElement('div');
          line.className = `line ${finding.severity}`;
          line.style.left = `${rect.left}px`;
          line.style.top = `${rect.bottom - 1}px`;
          line.style.width = `${rect.width}px`;
          this.lines.append(line);
        }
      }
    }
    const box = this.editor.getBoundingClientRect();
    this.badge.style.left = `${box.right - 28}px`;
    this.badge.style.top = `${box.bottom - 24}px`;
  }

  remove() {
    this.host.remove();
  }
}
