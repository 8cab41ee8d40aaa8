// <credits-cost feature="SMS">: what one use of a feature (any the host registered) costs at the price in force,
// "0.6 credits (£0.06)" (mount point feature.tooltip), shown next to the feature's button.
import { FEATURES, KINDS, api, creditsOf, formatPence } from './credits-api.js';
import { h, sheet, shadow } from './credits-dom.js';

const STYLE = sheet(`
  :host { display: inline-block; }
  span { display: inline-block; padding: .1rem .5rem; border: 1px solid #505a5f; border-radius: 1rem; background: #f3f2f1;
         font-size: .9rem; white-space: nowrap; }
`);

let prices;
const pricesInForce = () => prices || (prices = api('/prices'));

class CreditsCost extends HTMLElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE);
  }

  async connectedCallback() {
    const feature = this.getAttribute('feature');
    try {
      const price = (await pricesInForce()).find((p) => p.feature === feature);
      if (!price) throw new Error(`no price for ${feature}`);
      const kind = price.creditType === 'learner' || feature === 'LEARNER_REGISTRATION' ? KINDS.learner : '';
      this.root.replaceChildren(h('span', { title: `Cost of one ${price.label || FEATURES[feature] || feature}` },
        `Costs ${creditsOf(price.credits, kind)} (${formatPence(price.pence)})`));
    } catch {
      this.root.replaceChildren(h('span', {}, 'Cost unavailable'));
    }
  }
}

customElements.define('credits-cost', CreditsCost);
