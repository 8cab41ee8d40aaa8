// <credits-settings>: the credits settings panel for school admins (mount point settings.panel), in sections
// with an in-page navigation: the balances, then Buy · Purchases · History · Usage · Warnings. The result of
// the last action (an order, a return from the checkout, saved warnings) shows at the top, in one status region.
import { creditsChanged } from './credits-api.js';
import { alertsSection, alertsStyle } from './credits-alerts.js';
import './credits-balance.js';
import { chartSection, chartStyle } from './credits-chart.js';
import { sheet, h, shadow } from './credits-dom.js';
import { historySection, historyStyle } from './credits-history.js';
import { purchasesSections, purchasesStyle } from './credits-purchases.js';

const STYLE = sheet(`
  :host { display: grid; gap: 1.5rem; }
  :host > section { min-width: 0; }
  credits-balance { max-width: 34rem; }
  section { border-top: 1px solid #b1b4b6; padding-top: 1rem; scroll-margin-top: 3.5rem; }
  nav.sections { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid #b1b4b6;
                 padding: .4rem 0; }
  nav.sections ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
  nav.sections a { font-weight: 600; white-space: nowrap; }
  .last:empty { display: none; }
  .last { padding: .5rem .75rem; border-left: 6px solid #1d70b8; background: #eef2fb; }
  .last.ok { border-left-color: #00703c; background: #e7f4ec; }
  .last.error { border-left-color: #a4000f; background: #fbeaec; }
  .last.ok > p:first-child { color: #00703c; font-weight: 600; }
  .last.error > p:first-child { color: #a4000f; font-weight: 600; }
  .last p { margin: .25rem 0; }
`);

const SECTIONS = [['buy', 'Buy'], ['purchases', 'Purchases'], ['history', 'History'], ['usage', 'Usage'],
  ['warnings', 'Warnings']];

class CreditsSettings extends HTMLElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE, purchasesStyle, historyStyle, chartStyle, alertsStyle);
  }

  connectedCallback() {
    if (this.root.childElementCount) return;
    const last = h('div', { id: 'last-action', class: 'last', role: 'status' });
    const say = (className, ...nodes) => {
      last.className = `last ${className}`;
      last.replaceChildren(...nodes.filter(Boolean));
    };
    const nav = h('nav', { class: 'sections', 'aria-label': 'Credits sections' }, h('ul', {}, ...SECTIONS.map(([id, text]) =>
      h('li', {}, h('a', { href: `#${id}`, onclick: (event) => this.go(event, id) }, text)))));
    const { buy, list } = purchasesSections(() => { creditsChanged(); }, say);
    const history = historySection();
    history.id = 'history';
    const usage = chartSection();
    usage.id = 'usage';
    this.root.append(h('credits-balance', { heading: 'Balances' }), nav, last, buy, list, history, usage,
      alertsSection(say));
  }

  /** Follows an in-page link inside the shadow root, where the document's own anchors do not reach. */
  go(event, id) {
    event.preventDefault();
    const section = this.root.getElementById(id);
    section.scrollIntoView({ block: 'start' });
    const heading = section.querySelector('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    history.replaceState(null, '', `#${id}`);
  }
}

customElements.define('credits-settings', CreditsSettings);
