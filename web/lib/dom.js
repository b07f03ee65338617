// The page's element of that id. Typed any on purpose: which element an id names (an input, a select, a <details>)
// is index.html's to say, and the DOM types every one of them a bare HTMLElement.
/**
 * @param {string} id
 * @returns {any}
 */
export const $ = (id) => document.getElementById(id);

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
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Dollars to the cent with thousands separators ($1,742.28); differences of two amounts can carry float dust, so round before the sign.
export function money(n) {
  const cents = Math.round(Number(n) * 100);
  const [whole, part] = (Math.abs(cents) / 100).toFixed(2).split(".");
  return `${cents < 0 ? "−" : ""}$${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${part}`;
}

// "1 unit", "3 units".
export const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

// Units per code, summed over its claim lines (a CQ/CO split gives a code two lines).
export function unitsByCode(result) {
  const units = new Map();
  for (const line of result.lines) units.set(line.code, (units.get(line.code) ?? 0) + line.units);
  return units;
}

// A table from a caption, header cells and rows (a row is a <tr> or a list of cells, each text or a node).
/** @param {Node | Node[] | null} [foot] */
export function table(cls, caption, headers, rows, foot = null) {
  return el(
    "table",
    { class: cls },
    el("caption", {}, caption),
    headers &&
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          headers.map((h) => el("th", { scope: "col" }, h)),
        ),
      ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        row instanceof Node
          ? row
          : el(
              "tr",
              {},
              row.map((c) => el("td", {}, c)),
            ),
      ),
    ),
    foot && el("tfoot", {}, foot),
  );
}

// A source citation after a sentence, as the engine's trace gives it.
export const cite = (source) => (source ? [" ", el("cite", {}, source)] : []);

// A drop target for files: marked "dragging" while files are held over it; onFiles gets the dropped files.
export function acceptDrops(zone, onFiles) {
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("dragging");
    if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  });
}
