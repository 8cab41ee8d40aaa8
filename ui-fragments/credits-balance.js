// <credits-balance>: the balance widget (mount point dashboard.widget).
import { api, formatCredits, formatDate } from './credits-api.js';

const STYLE = `
  :host { display: block; border: 1px solid #b1b4b6; border-radius: 6px; padding: 1rem; }
  h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
  dl { display: grid; grid-template-columns: auto auto; gap: .25rem 1rem; margin: 0; }
  dt { color: #333; } dd { margin: 0; font-weight: 600; text-align: right; }
  .low { color: #a4000f; }
`;

class CreditsBalance extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  async connectedCallback() {
    this.render(null);
    try {
      this.render(await api('/balance'));
    } catch (error) {
      this.render(null, error);
    }
  }

  render(balance, error) {
    const root = this.shadowRoot;
    root.replaceChildren();
    const style = document.createElement('style');
    style.textContent = STYLE;
    const title = document.createElement('h2');
    title.textContent = 'Credits';
    root.append(style, title);
    if (error || !balance) {
      const p = document.createElement('p');
      p.textContent = error ? 'Credits are unavailable just now.' : 'Loading…';
      root.append(p);
      return;
    }
    const list = document.createElement('dl');
    const row = (term, value, low) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      if (low) dd.className = 'low';
      list.append(dt, dd);
    };
    row('Learner credits', formatCredits(balance.learner.available) + (balance.learner.lowBalance ? ' (low)' : ''),
      balance.learner.lowBalance);
    if (balance.learner.pending > 0) row('Learner credits pending', formatCredits(balance.learner.pending));
    row('Connect credits', formatCredits(balance.connect.available) + (balance.connect.lowBalance ? ' (low)' : ''),
      balance.connect.lowBalance);
    if (balance.connect.pending > 0) row('Connect credits pending', formatCredits(balance.connect.pending));
    if (balance.connect.allowance) {
      row('Monthly allowance left', formatCredits(balance.connect.allowance.remaining)
        + ' until ' + formatDate(balance.connect.allowance.expiresAt));
    }
    root.append(list);
  }
}

customElements.define('credits-balance', CreditsBalance);
