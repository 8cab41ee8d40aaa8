// The fragments' DOM helpers: elements built with data as text (never as markup), and styles as
// constructable stylesheets, which a Content-Security-Policy of style-src 'self' allows (<style> it does not).

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** An HTML element; string children become text nodes. */
export const h = (tag, attributes = {}, ...children) => build(document.createElement(tag), attributes, children);

/** An SVG element. */
export const svg = (tag, attributes = {}, ...children) =>
  build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);

export function sheet(css) {
  const style = new CSSStyleSheet();
  style.replaceSync(css);
  return style;
}

const BASE = sheet(`
  :host { display: block; color: #1b1b1b; line-height: 1.5; }
  * { box-sizing: border-box; }
  h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
  h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
  p { margin: .25rem 0 .75rem; }
  a { color: #1d4ed8; }
  button { font: inherit; padding: .3rem .9rem; min-height: 2.25rem; border: 2px solid #0b3d6e; border-radius: 4px;
           background: #0b3d6e; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b3d6e; }
  button:disabled { cursor: wait; opacity: .7; }
  label { font-weight: 600; }
  input, select { font: inherit; padding: .25rem .4rem; border: 2px solid #505a5f; border-radius: 2px; max-width: 100%;
                  min-width: 0; background: #fff; color: #1b1b1b; }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
    outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 2px #ffbf47; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .scroll { overflow-x: auto; max-width: 100%; }
  .muted { color: #505a5f; }
  .error { color: #a4000f; font-weight: 600; }
  .ok { color: #00703c; font-weight: 600; }
  .low { color: #a4000f; font-weight: 600; }
  button { white-space: nowrap; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
                     white-space: nowrap; }
  /* under 600px a table of records (cells named by data-column) becomes a card per row */
  @media (max-width: 600px) {
    table.cards thead, table.history thead { display: block; width: 1px; height: 1px; margin: -1px 0 0;
      overflow: hidden; clip-path: inset(50%); }
    table.cards, table.cards tbody, table.cards tr, table.history, table.history tbody, table.history tr
      { display: block; width: 100%; }
    table.cards tr, table.history tr { border: 1px solid #b1b4b6; border-radius: 4px; margin-bottom: .5rem;
                                       padding: .25rem .5rem; }
    table.cards td, table.history td { display: flex; gap: 1rem; justify-content: space-between; border: 0;
      text-align: right; padding: .15rem 0; overflow-wrap: anywhere; white-space: normal; }
    table.cards td[data-column]::before, table.history td[data-column]::before { content: attr(data-column);
      font-weight: 600; text-align: left; flex: none; }
  }
`);

/** Gives an element an open shadow root with the base styles and its own. */
export function shadow(host, ...sheets) {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [BASE, ...sheets];
  return root;
}
