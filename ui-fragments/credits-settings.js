// <credits-settings>: the credits settings panel for school admins (mount point settings.panel): balances,
// buying credits, the history, the spending chart and the low-balance warnings.
import { creditsChanged } from './credits-api.js';
import { alertsSection, alertsStyle } from './credits-alerts.js';
import './credits-balance.js';
import { chartSection, chartStyle } from './credits-chart.js';
import { sheet, h, shadow } from './credits-dom.js';
import { historySection, historyStyle } from './credits-history.js';
import { purchasesSection, purchasesStyle } from './credits-purchases.js';

const STYLE = sheet(`
  :host { display: grid; gap: 1.5rem; }
  :host > section { min-width: 0; }
  credits-balance { max-width: 34rem; }
  section { border-top: 1px solid #b1b4b6; padding-top: 1rem; }
`);

class CreditsSettings extends HTMLElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE, purchasesStyle, historyStyle, chartStyle, alertsStyle);
  }

  connectedCallback() {
    if (this.root.childElementCount) return;
    this.root.append(h('credits-balance', { heading: 'Balances' }), purchasesSection(creditsChanged), historySection(),
      chartSection(), alertsSection());
  }
}

customElements.define('credits-settings', CreditsSettings);
