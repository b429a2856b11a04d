// Primum's overlay for one editor: a <primum-overlay> element outside the editor with its own
// shadow DOM. Underlines are drawn from Range.getClientRects(); a badge shows the count and the
// verdict; hovering an underline or activating the badge opens a card with the message, why, the
// guideline, "Fix" and "Ignore once". The site's editor DOM is never touched.
import { rangeFor, LIVE_LIMIT } from './text.js';
import { t, diagnostics } from './runtime.js';
import { OVERLAY_CSS } from './styles.js';
import { el } from './dom.js';


export class Overlay {
  /**
   * @param editor the site's editor element (read only)
   * @param actions `{fix(finding), ignore(finding), rationale(ruleId)}`
   */
  constructor(editor, actions) {
    this.editor = editor;
    this.actions = actions;
    this.findings = [];
    this.pieces = [];
    this.rects = []; // [{finding, rect}] for hover hit-testing
    this.host = document.createElement('primum-overlay');
    this.host.setAttribute('data-verdict', 'ok');
    this.host.setAttribute('data-categories', '');
    this.host.style.cssText =
      'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483646;pointer-events:none;';
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = el('style');
    style.textContent = OVERLAY_CSS;
    this.lines = el('div', 'lines');
    this.badge = el('button', 'badge');
    this.badge.type = 'button';
    this.badge.hidden = true;
    this.badge.setAttribute('aria-haspopup', 'dialog');
    this.badge.setAttribute('aria-expanded', 'false');
    this.badge.addEventListener('click', () => this.toggleCard());
    this.card = el('div', 'card');
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-label', t('cardLabel'));
    this.card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.closeCard(true);
      }
    });
    this.card.addEventListener('mouseleave', () => this.hoverClose());
    this.card.addEventListener('mouseenter', () => clearTimeout(this.closeTimer));
    this.live = el('div', 'live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(style, this.lines, this.badge, this.card, this.live);
    document.documentElement.append(this.host);
  }

  /**
   * Shows `findings` (already filtered) with `verdict`, for the text whose pieces are `pieces`;
   * `truncated`: whether only the draft's first LIVE_LIMIT characters were checked (then the
   * badge shows even without findings, the card says so, and the host has `data-truncated`).
   * Drawn after the next frame is rendered, when the page's layout is clean: measuring the
   * underlines right after the site changed a huge draft would force its whole layout inside
   * Primum's task (up to ~90 ms for a 1 MB draft). Later calls before that replace earlier ones.
   */
  show(verdict, findings, pieces, truncated = false) {
    const first = this.pending == null;
    this.pending = [verdict, findings, pieces, truncated];
    if (!first) return;
    const draw = () => {
      const args = this.pending;
      this.pending = null;
      if (args && this.host.isConnected) this.draw(...args);
    };
    // A hidden tab renders no frames: draw at once (nothing is laid out for the screen there).
    if (document.hidden) draw();
    else requestAnimationFrame(() => setTimeout(draw, 0));
  }

  draw(verdict, findings, pieces, truncated) {
    const before = this.host.getAttribute('data-verdict');
    this.findings = findings;
    this.pieces = pieces;
    this.truncated = truncated;
    this.host.toggleAttribute('data-truncated', truncated);
    this.host.setAttribute('data-verdict', verdict);
    this.host.setAttribute('data-categories', [...new Set(findings.map((f) => f.category))].join(' '));
    this.host.setAttribute('data-observers', String(diagnostics.observers));
    if (before !== verdict) {
      this.live.textContent = verdict === 'ok' ? '' : t('liveFindings', findings.length);
    }
    this.badge.dataset.verdict = verdict;
    this.badge.textContent = String(findings.length);
    this.badge.setAttribute('aria-label', t('badgeLabel', findings.length));
    this.badge.hidden = findings.length === 0 && !truncated;
    if (!this.card.hidden) {
      if (this.badge.hidden) this.closeCard(false);
      else if (this.cardAll) this.renderCard(findings);
    }
    this.layout();
  }

  /** Re-positions underlines, badge and card (scroll, resize, editor growth). */
  layout() {
    const lines = [];
    this.rects = [];
    // A huge paste can hold thousands of findings: draw only what is on screen, and at most MAX_LINES.
    const MAX_LINES = 500;
    for (const finding of this.findings) {
      if (lines.length >= MAX_LINES) break;
      for (const span of finding.spans) {
        const range = rangeFor(this.pieces, span.start_utf16, span.end_utf16);
        if (!range) continue;
        for (const rect of range.getClientRects()) {
          if (rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight || lines.length >= MAX_LINES) continue;
          const line = el('div', `line ${finding.severity}`);
          line.style.left = `${rect.left}px`;
          line.style.top = `${rect.bottom - 1}px`;
          line.style.width = `${rect.width}px`;
          lines.push(line);
          this.rects.push({ finding, rect });
        }
      }
    }
    this.lines.replaceChildren(...lines);
    const box = this.editor.getBoundingClientRect();
    this.badge.style.left = `${Math.max(0, box.right - 30)}px`;
    this.badge.style.top = `${Math.max(0, box.bottom - 26)}px`;
  }

  /** The finding under viewport point (x, y), if any. */
  hitTest(x, y) {
    const hit = this.rects.find(({ rect }) => x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 3);
    return hit ? hit : null;
  }

  /** Opens the card for the finding under the pointer. */
  hover(hit) {
    clearTimeout(this.closeTimer);
    if (!this.card.hidden && this.cardFor === hit.finding) return;
    this.openCard([hit.finding], hit.rect, false);
    this.cardFor = hit.finding;
  }

  hoverClose() {
    if (this.card.hidden || this.cardAll) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.closeCard(false), 400);
  }

  toggleCard() {
    if (!this.card.hidden && this.cardAll) this.closeCard(true);
    else this.openCard(this.findings, this.badge.getBoundingClientRect(), true);
  }

  /** Opens the card listing `findings`, next to `anchor`; `all` = opened from the badge (keyboard). */
  openCard(findings, anchor, all) {
    this.cardAll = all;
    this.cardFor = null;
    this.renderCard(findings);
    this.card.hidden = false;
    this.badge.setAttribute('aria-expanded', String(all));
    const width = Math.min(360, innerWidth - 16);
    const left = Math.min(Math.max(8, anchor.left), innerWidth - width - 8);
    this.card.style.left = `${left}px`;
    const below = anchor.bottom + 6;
    this.card.style.top = `${below + 200 > innerHeight ? Math.max(8, anchor.top - 6 - this.card.offsetHeight) : below}px`;
    if (all) this.card.querySelector('button')?.focus();
  }

  renderCard(findings) {
    const title = el('h2', null, t('cardTitle', findings.length));
    const note = this.truncated ? [el('p', 'note', t('liveLimitNote', LIVE_LIMIT.toLocaleString()))] : [];
    const items = findings.map((finding) => {
      const item = el('div', 'finding');
      item.append(
        el('span', `sev ${finding.severity}`, `${t(`severity_${finding.severity}`)} · ${finding.category}`),
        el('p', 'msg', finding.message),
      );
      const why = this.actions.rationale(finding.rule);
      if (why) item.append(el('p', 'why', why));
      item.append(el('p', 'guide', `${t('guidanceLabel')} ${finding.guidance}`));
      const actions = el('div', 'actions');
      if (finding.fix) {
        const fix = el('button', 'primary', `${t('fixButton')}: ${finding.fix.label}`);
        fix.type = 'button';
        fix.dataset.action = 'fix';
        fix.addEventListener('click', () => {
          this.closeCard(false);
          this.actions.fix(finding);
        });
        actions.append(fix);
      }
      const ignore = el('button', null, t('ignoreOnce'));
      ignore.type = 'button';
      ignore.dataset.action = 'ignore';
      ignore.addEventListener('click', () => {
        this.closeCard(false);
        this.actions.ignore(finding);
      });
      actions.append(ignore);
      item.append(actions);
      return item;
    });
    this.card.replaceChildren(title, ...note, ...items);
  }

  closeCard(returnFocus) {
    clearTimeout(this.closeTimer);
    const hadFocus = this.root.activeElement != null;
    this.card.hidden = true;
    this.cardAll = false;
    this.cardFor = null;
    this.badge.setAttribute('aria-expanded', 'false');
    if (returnFocus || hadFocus) this.editor.focus();
  }

  remove() {
    clearTimeout(this.closeTimer);
    this.pending = null;
    this.host.remove();
  }
}
