// A tiny element builder: text always goes in as text (never HTML), so nothing from a visit or a
// result can inject markup, and the page needs no inline script or style.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const money = (n) => (n < 0 ? `−$${(-n).toFixed(2)}` : `$${Number(n).toFixed(2)}`);
