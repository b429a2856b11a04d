// Reading an editor's text exactly as the checker sees it, and mapping UTF-16 offsets in that
// text back to DOM positions. Never writes to the editor.

const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'PRE']);

/**
 * Walks `root` and returns `{text, pieces, complete}` where each piece is `{node, start}`: a
 * text node and the UTF-16 offset where its data starts in `text`. Blocks and <br> become "\n".
 * With `limit`, the walk stops once `text` is longer than `limit` (`complete` is then false):
 * a 1 MB draft costs only the part that is checked. Linear in what it reads: the text is joined
 * once at the end (asking a growing string whether it ends with "\n" flattens it each time,
 * which made a 1 MB paste take seconds).
 */
export function readEditor(root, limit = Infinity) {
  const pieces = [];
  const parts = [];
  let length = 0;
  let endsWithNewline = false;
  let started = false;
  const newline = () => {
    parts.push('\n');
    length += 1;
    endsWithNewline = true;
  };
  const walk = (node) => {
    for (let child = node.firstChild; child && length <= limit; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = child.data;
        pieces.push({ node: child, start: length });
        parts.push(data);
        length += data.length;
        if (data.length > 0) endsWithNewline = data.charCodeAt(data.length - 1) === 10;
        started = true;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === 'BR') {
          // A lone <br> is an editor's placeholder for an empty block, not a line break.
          const lone = child.parentNode.childNodes.length === 1;
          if (!lone) newline();
          continue;
        }
        const block = BLOCKS.has(child.tagName);
        if (block && started && !endsWithNewline) newline();
        walk(child);
      }
    }
  };
  walk(root);
  return { text: parts.join(''), pieces, complete: length <= limit };
}

/**
 * The part of `text` checked as the person types: all of it up to LIVE_LIMIT UTF-16 units
 * (more than any supported site accepts in one post: X 25,000, Facebook 63,206, LinkedIn 3,000
 * characters), never ending inside a surrogate pair.
 */
export const LIVE_LIMIT = 65536;
export function liveText(text) {
  if (text.length <= LIVE_LIMIT) return text;
  const high = text.charCodeAt(LIVE_LIMIT - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? LIVE_LIMIT - 1 : LIVE_LIMIT);
}

/** The editor's text as far as Primum checks it: the whole draft, or its first LIVE_LIMIT characters. */
export function readChecked(root) {
  return readEditor(root, LIVE_LIMIT);
}

/** The DOM position of UTF-16 offset `offset`, or null when it falls outside every text node. */
export function positionAt(pieces, offset) {
  let lo = 0;
  let hi = pieces.length - 1;
  let found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].start <= offset) {
      found = pieces[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!found) return null;
  const local = offset - found.start;
  if (local > found.node.data.length) return null;
  return { node: found.node, offset: local };
}

/** A DOM Range for [start, end) UTF-16 offsets, or null. */
export function rangeFor(pieces, start, end) {
  const a = positionAt(pieces, start);
  const b = positionAt(pieces, end);
  if (!a || !b) return null;
  const range = document.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range;
}
