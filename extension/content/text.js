// Reading an editor's text exactly as the checker sees it, and mapping UTF-16 offsets in that
// text back to DOM positions. Never writes to the editor.

const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'PRE']);

/**
 * Walks `root` and returns `{text, pieces}` where each piece is `{node, start}`: a text node
 * and the UTF-16 offset where its data starts in `text`. Blocks and <br> become "\n".
 */
export function readEditor(root) {
  const pieces = [];
  let text = '';
  let started = false;
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        pieces.push({ node: child, start: text.length });
        text += child.data;
        started = true;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === 'BR') {
          // A lone <br> is an editor's placeholder for an empty block, not a line break.
          const lone = child.parentNode.childNodes.length === 1;
          if (!lone) text += '\n';
          continue;
        }
        const block = BLOCKS.has(child.tagName);
        if (block && started && !text.endsWith('\n')) text += '\n';
        walk(child);
      }
    }
  };
  walk(root);
  return { text, pieces };
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
