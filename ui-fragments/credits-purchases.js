// The settings panel's "Buy credits" section: the packages on sale with their prices; buying one by card
// (Stripe Checkout: the browser goes there and comes back to ?purchase=<id>), bank transfer or cheque (pending
// until the payment clears, with the payment instructions); and the school's recent purchases (GET /purchases).
import { KINDS, api, creditsOf, formatDateTime, formatPence, safeUrl } from './credits-api.js';
import { h, sheet } from './credits-dom.js';

export const purchasesStyle = sheet(`
  fieldset { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; border: 0; padding: 0; margin: 0 0 .75rem; }
  legend { font-weight: 600; padding: 0; margin-bottom: .25rem; }
  fieldset label { font-weight: normal; }
  .packages { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); align-items: start; }
  .instructions { border-left: 4px solid #1d4ed8; padding: .5rem .75rem; background: #eef2fb; white-space: pre-line; }
`);

const METHODS = { card: 'Card, PayPal or Direct Debit', bacs: 'Bank transfer', cheque: 'Cheque' };
const STATUSES = { awaiting_payment: 'Awaiting payment', pending: 'Pending until the payment clears', paid: 'Paid',
  failed: 'Failed', cancelled: 'Cancelled', refunded: 'Refunded (credits taken back)',
  disputed: 'Disputed (credits taken back)', expired: 'Expired' };

function packageName(pkg) {
  const amount = creditsOf(pkg.credits, KINDS[pkg.creditType]);
  const size = pkg.id.startsWith('connect-') ? pkg.id.slice(8) : '';
  return size ? `${size[0].toUpperCase()}${size.slice(1)}: ${amount}` : amount;
}

function purchasesTable(purchases) {
  const head = ['Ordered', 'Package', 'Paid by', 'Price', 'Status']
    .map((c) => h('th', { scope: 'col', class: c === 'Price' ? 'num' : null }, c));
  const rows = purchases.map((p) => h('tr', { 'data-id': p.id }, h('td', {}, formatDateTime(p.createdAt)),
    h('td', {}, creditsOf(p.credits, KINDS[p.creditType])), h('td', {}, METHODS[p.method] || p.method),
    h('td', { class: 'num' }, formatPence(p.pence)), h('td', {}, STATUSES[p.status] || p.status)));
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Recent purchases' },
    h('table', {}, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows)));
}

/** The section; {@code onBought} runs after an order that changes the balance shown. */
export function purchasesSection(onBought) {
  const methods = h('fieldset', {}, h('legend', {}, 'Pay by'), ...Object.entries(METHODS).map(([value, text], i) =>
    h('label', {}, h('input', { type: 'radio', name: 'method', value, checked: i === 0 }), ' ', text)));
  const packages = h('div', { class: 'packages' }, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div', { role: 'status' });
  const purchases = h('div');
  const section = h('section', { 'aria-labelledby': 'buy-title' }, h('h2', { id: 'buy-title' }, 'Buy credits'),
    methods, packages, message, h('h3', {}, 'Recent purchases'), purchases);

  async function buy(pkg, button) {
    const method = methods.querySelector('input:checked').value;
    button.disabled = true;
    message.replaceChildren();
    try {
      const purchase = await api('/purchases', { method: 'POST', body: { packageId: pkg.id, method } });
      const checkout = method === 'card' && safeUrl(purchase.checkoutUrl);
      if (checkout) {
        location.assign(checkout);
        return;
      }
      message.replaceChildren(h('p', { class: 'ok' }, `Ordered ${packageName(pkg)}. The credits show as pending until`
        + ' the payment clears.'), purchase.instructions ? h('p', { class: 'instructions' }, purchase.instructions) : null);
      onBought();
      listPurchases();
    } catch (error) {
      message.replaceChildren(h('p', { class: 'error' }, error.status === 404
        ? 'Buying credits is not available on this server yet.' : error.message));
    } finally {
      button.disabled = false;
    }
  }

  async function listPackages() {
    try {
      const all = await api('/packages');
      packages.replaceChildren(...Object.entries(KINDS).map(([type, kind]) => {
        const rows = all.filter((p) => p.creditType === type).map((pkg) => {
          const button = h('button', { type: 'button', 'data-package': pkg.id, 'aria-label': `Buy ${packageName(pkg)}` },
            'Buy');
          button.addEventListener('click', () => buy(pkg, button));
          return h('tr', {}, h('th', { scope: 'row' }, packageName(pkg)), h('td', { class: 'num' }, formatPence(pkg.pence)),
            h('td', {}, button));
        });
        return h('table', {}, h('caption', {}, `${kind[0].toUpperCase()}${kind.slice(1)} credits`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Package'), h('th', { scope: 'col', class: 'num' }, 'Price'),
            h('th', { scope: 'col' }, 'Buy'))), h('tbody', {}, ...rows));
      }));
    } catch (error) {
      packages.replaceChildren(h('p', { class: 'error' }, `The packages could not be loaded: ${error.message}`));
    }
  }

  async function listPurchases() {
    try {
      const found = await api('/purchases');
      purchases.replaceChildren(found.length ? purchasesTable(found) : h('p', { class: 'muted' }, 'No purchases yet.'));
      return found;
    } catch (error) {
      purchases.replaceChildren(h('p', { class: 'error' }, `The purchases could not be loaded: ${error.message}`));
      return [];
    }
  }

  /** Back from the checkout (?purchase=<id>, with &cancelled=true when the buyer left it): how it went. */
  function returnedFrom(id, cancelled, found) {
    const purchase = found.find((p) => p.id === id);
    const bought = purchase ? creditsOf(purchase.credits, KINDS[purchase.creditType]) : 'the credits';
    const said = cancelled ? ['error', 'The payment was cancelled; nothing was charged.']
      : { paid: ['ok', `Payment received: ${bought} added.`],
        pending: ['ok', `Payment made: ${bought} show as pending until it clears.`],
        failed: ['error', 'The payment failed; nothing was charged.'],
      }[purchase?.status] || ['muted', 'The payment is not confirmed yet; its status below changes once it is.'];
    message.replaceChildren(h('p', { class: said[0] }, said[1]));
  }

  const returned = new URLSearchParams(location.search);
  listPackages();
  listPurchases().then((found) => {
    if (returned.has('purchase')) returnedFrom(returned.get('purchase'), returned.has('cancelled'), found);
  });
  return section;
}
