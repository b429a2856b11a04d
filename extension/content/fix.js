// Applying a fix through the editor itself: select the span, then insert text with the browser's
// editing command, which fires the beforeinput/input events Draft.js, Lexical and Quill listen to.
// The site's editor model changes as if the person had typed it; Primum never edits the DOM.
import { readChecked, rangeFor } from './text.js';

/** Applies `fix.edits` (UTF-16 spans of the text the finding was made on) to `editor`. */
export function applyFix(editor, fix, expectedText) {
  if (readChecked(editor).text !== expectedText) return false; // the draft changed: do nothing
  // Last edit first, so earlier offsets stay valid; re-read the editor after each edit because
  // editors re-render their text nodes.
  const edits = [...fix.edits].sort((a, b) => b.span.start_utf16 - a.span.start_utf16);
  editor.focus();
  for (const edit of edits) {
    const { pieces } = readChecked(editor);
    const range = rangeFor(pieces, edit.span.start_utf16, edit.span.end_utf16);
    if (!range) return false;
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const ok = edit.replacement
      ? document.execCommand('insertText', false, edit.replacement)
      : document.execCommand('delete', false);
    if (!ok) return false;
  }
  return true;
}
