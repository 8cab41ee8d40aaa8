// <credits-banner>: the low-balance banner (mount point page.banner), shown while a balance is low.
// Attribute top-up-url: where the user buys credits; the host sets it only for those who may (credits.manage),
// and everyone else is told to ask a school admin, by name (the balance's admins, as a 402 names them).
import { BalanceElement, KINDS, creditsOf, safeUrl } from './credits-api.js';
import { h, sheet, shadow } from './credits-dom.js';

const STYLE = sheet(`
  .banner { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; padding: .6rem 1rem;
            border-left: 6px solid #b45309; background: #fef3e2; }
  p { margin: 0; }
  strong { color: #7a2e00; }
`);

class CreditsBanner extends BalanceElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE);
  }

  failed() {
    this.root.replaceChildren();
  }

  render({ learner, connect, admins }) {
    const low = [learner.lowBalance && creditsOf(learner.available, KINDS.learner),
      connect.lowBalance && creditsOf(connect.available, KINDS.connect)].filter(Boolean);
    if (!low.length) {
      this.root.replaceChildren();
      return;
    }
    const topUp = safeUrl(this.getAttribute('top-up-url'));
    const names = Array.isArray(admins) ? admins.filter((name) => typeof name === 'string') : [];
    this.root.replaceChildren(h('div', { class: 'banner', role: 'region', 'aria-label': 'Low credit balance' },
      h('p', {}, h('strong', {}, 'Credits are running low: '), `${low.join(' and ')} left.`),
      topUp ? h('a', { href: topUp }, 'Top up credits')
        : h('p', {}, names.length ? `Ask a school admin to top up before they run out: ${names.join(', ')}.`
          : 'Ask a school admin to top up before they run out.')));
  }
}

customElements.define('credits-banner', CreditsBanner);
