// Building Primum's own UI: text goes in as text nodes only, so post text is never parsed as HTML.

/** A `tag` element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
