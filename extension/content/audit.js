// Self-audit of the page: collects the posts the site adapter knows how to find (the author's
// own timeline or activity), has the background check them, outlines flagged posts in Primum's
// own overlay (the site's DOM is not touched) and answers the popup.
import { ask, t } from './runtime.js';

const EXCERPT = 280;

export class PageAudit {
  constructor(site) {
    this.site = site;
    this.posts = []; // {element, text, date, permalink, report}
    this.host = null;
  }

  /** Collects and checks the posts now on the page. */
  async scan() {
    const { item, text, time, permalink } = this.site.posts;
    if (!item) return null; // the adapter's post selector was unusable (logged at start)
    const found = [];
    for (const element of document.querySelectorAll(item)) {
      const body = text ? element.querySelector(text) : element;
      const content = (body?.innerText ?? '').trim();
      if (!content) continue;
      const timeEl = time ? element.querySelector(time) : null;
      const link = permalink ? element.querySelector(permalink) : null;
      found.push({
        element,
        text: content,
        date: timeEl?.getAttribute('datetime') ?? timeEl?.textContent?.trim() ?? '',
        permalink: link?.href ?? '',
      });
    }
    const reply = await ask({ type: 'check-many', texts: found.map((p) => p.text), context: { platform: this.site.id } }, 15000);
    if (!reply) return null;
    found.forEach((p, i) => {
      p.report = reply.reports[i];
    });
    this.posts = found;
    this.outline();
    return {
      site: this.site.id,
      scanned: found.length,
      posts: found
        .map((p, index) => ({ index, excerpt: p.text.slice(0, EXCERPT), truncated: p.text.length > EXCERPT,
          date: p.date, permalink: p.permalink, verdict: p.report.verdict, findings: p.report.findings }))
        .filter((p) => p.verdict !== 'ok'),
    };
  }

  /** Scrolls to load more posts (lazy timelines), then rescans. */
  async loadMore() {
    const before = document.querySelectorAll(this.site.posts.item).length;
    scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 150));
      if (document.querySelectorAll(this.site.posts.item).length > before) break;
    }
    return this.scan();
  }

  show(index) {
    const post = this.posts[index];
    if (!post) return false;
    post.element.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
    setTimeout(() => this.outline(index), 400);
    return true;
  }

  /** Draws a frame around each flagged post (and a thicker one around `focus`). */
  outline(focus = -1) {
    if (!this.host) {
      this.host = document.createElement('primum-overlay');
      this.host.setAttribute('data-audit', '');
      this.host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;pointer-events:none;';
      this.root = this.host.attachShadow({ mode: 'open' });
      document.documentElement.append(this.host);
      addEventListener('scroll', () => this.outline(this.focus ?? -1), { passive: true, capture: true });
    }
    this.focus = focus;
    const frames = this.posts
      .map((p, i) => [p, i])
      .filter(([p]) => p.report && p.report.verdict !== 'ok' && p.element.isConnected)
      .map(([p, i]) => {
        const r = p.element.getBoundingClientRect();
        const frame = document.createElement('div');
        const colour = p.report.verdict === 'stop' ? '#b71c1c' : '#8a5300';
        frame.className = 'frame';
        frame.dataset.index = String(i);
        frame.title = t('auditFlagged');
        frame.style.cssText = `position:fixed;left:${r.left - 3}px;top:${r.top - 3}px;width:${r.width + 2}px;height:${r.height + 2}px;` +
          `border:${i === focus ? 4 : 2}px solid ${colour};border-radius:6px;pointer-events:none;`;
        return frame;
      });
    this.root.replaceChildren(...frames);
    this.host.setAttribute('data-flagged', String(frames.length));
  }
}
