// <credits-balance>: the balance widget (mount point dashboard.widget). Learner and Connect credits,
// what is pending or held, this month's allowance and its last day, which balance is low, and how long each lasts at
// the last weeks' rate with a suggested top-up (the balance's forecast, when there is enough history for one).
// Attribute heading: the widget's title ("Credits" unless given).
import { BalanceElement, KINDS, api, creditsOf, formatCredits, formatLastDay } from './credits-api.js';
import { h, sheet, shadow } from './credits-dom.js';

const STYLE = sheet(`
  :host { border: 1px solid #b1b4b6; border-radius: 6px; padding: 1rem; background: #fff; }
  dl { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .25rem 1rem; margin: 0; }
  dt { min-width: 0; }
  dd { margin: 0; text-align: right; }
  .amount { font-weight: 700; font-size: 1.15rem; font-variant-numeric: tabular-nums; }
  .forecast { margin: .75rem 0 0; font-size: .95rem; }
  .badge { display: inline-block; margin-left: .15rem; padding: 0 .4rem; border-radius: 3px; background: #a4000f;
           color: #fff; font-size: .85rem; font-weight: 600; }
`);

class CreditsBalance extends BalanceElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE);
  }

  connectedCallback() {
    this.show(h('p', { class: 'muted' }, 'Loading…'));
    super.connectedCallback();
  }

  failed() {
    this.show(h('p', { class: 'error' }, 'Credits are unavailable just now.'));
  }

  show(...content) {
    this.root.replaceChildren(h('h2', {}, this.getAttribute('heading') || 'Credits'), ...content);
  }

  async render({ learner, connect }) {
    const list = h('dl');
    const row = (key, term, amount, low) => list.append(h('dt', {}, term),
      h('dd', { 'data-credit': key }, h('span', { class: 'amount' }, formatCredits(amount)),
        ...(low ? [' ', h('span', { class: 'badge' }, 'Low')] : [])));
    row('learner', 'Learner credits', learner.available, learner.lowBalance);
    if (learner.pending > 0) row('learner-pending', 'Learner credits pending payment', learner.pending);
    row('connect', 'Connect credits', connect.available, connect.lowBalance);
    if (connect.held > 0) row('connect-held', 'Connect credits held for actions in progress', connect.held);
    if (connect.pending > 0) row('connect-pending', 'Connect credits pending payment', connect.pending);
    if (connect.allowance) {
      row('allowance', `This month's allowance left (to ${formatLastDay(connect.allowance.expiresAt)})`,
        connect.allowance.remaining);
    }
    const forecasts = [['learner', learner.forecast], ['connect', connect.forecast]].filter(([, f]) => f);
    const packages = forecasts.some(([, f]) => f.suggestedPackage) ? await api('/packages').catch(() => []) : [];
    this.show(list, ...forecasts.map(([type, forecast]) => forecastLine(type, forecast, packages)));
  }
}

/** "At this rate your Connect credits last about 12 days. Suggested top-up: 100 Connect credits." */
function forecastLine(type, forecast, packages) {
  const days = forecast.daysLeft === 1 ? 'about 1 day' : `about ${forecast.daysLeft} days`;
  const pack = packages.find((p) => p.id === forecast.suggestedPackage);
  return h('p', { class: 'forecast', 'data-forecast': type }, `At this rate your ${KINDS[type]} credits last ${days}.`,
    pack ? ` Suggested top-up: ${creditsOf(pack.credits, KINDS[type])}, enough for the next 30 days.` : null);
}

customElements.define('credits-balance', CreditsBalance);
