// The settings panel's "Buy credits" and "Purchases" sections: the packages on sale with their prices; buying
// one by card (Stripe Checkout: the browser goes there and comes back to ?purchase=<id>), bank transfer or
// cheque (pending until the payment clears, with the payment instructions and the short bank reference); and
// the school's purchases (GET /purchases), expired checkouts folded away. Results are said by {@code say}.
import { KINDS, api, creditsOf, formatDateTime, formatPence, safeUrl } from './credits-api.js';
import { h, sheet } from './credits-dom.js';

export const purchasesStyle = sheet(`
  fieldset { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; border: 0; padding: 0; margin: 0 0 .75rem; }
  legend { font-weight: 600; padding: 0; margin-bottom: .25rem; }
  fieldset label { font-weight: normal; }
  .packages { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
              align-items: start; }
  .instructions { border-left: 4px solid #1d4ed8; padding: .5rem .75rem; background: #eef2fb; white-space: pre-line;
                  overflow-wrap: anywhere; }
  details summary { cursor: pointer; margin: .5rem 0; }
`);

const METHODS = { card: 'Card, PayPal or Direct Debit', bacs: 'Bank transfer', cheque: 'Cheque' };
const STATUSES = { awaiting_payment: 'Awaiting payment', pending: 'Pending until the payment clears', paid: 'Paid',
  failed: 'Payment failed', cancelled: 'Cancelled', refunded: 'Refunded (credits taken back)',
  disputed: 'Disputed (credits taken back)', expired: 'Expired' };

function packageName(pkg) {
  const amount = creditsOf(pkg.credits, KINDS[pkg.creditType]);
  const size = pkg.id.startsWith('connect-') ? pkg.id.slice(8) : '';
  return size ? `${size[0].toUpperCase()}${size.slice(1)}: ${amount}` : amount;
}

const cell = (column, text, className) => h('td', { 'data-column': column, class: className }, text);

function purchasesTable(purchases, label) {
  const head = ['Ordered', 'Package', 'Paid by', 'Reference', 'Price', 'Status']
    .map((c) => h('th', { scope: 'col', class: c === 'Price' ? 'num' : null }, c));
  const rows = purchases.map((p) => h('tr', { 'data-id': p.id }, cell('Ordered', formatDateTime(p.createdAt)),
    cell('Package', creditsOf(p.credits, KINDS[p.creditType])), cell('Paid by', METHODS[p.method] || p.method),
    cell('Reference', p.method === 'card' ? '—' : p.reference), cell('Price', formatPence(p.pence), 'num'),
    cell('Status', STATUSES[p.status] || p.status)));
  return h('table', { class: 'cards', 'aria-label': label }, h('thead', {}, h('tr', {}, ...head)),
    h('tbody', {}, ...rows));
}

/** What going back from the checkout (?purchase=<id>, &cancelled=true when the buyer left it) says. */
export function checkoutOutcome(purchase, cancelled) {
  const bought = purchase ? creditsOf(purchase.credits, KINDS[purchase.creditType]) : 'the credits';
  if (cancelled && purchase?.status === 'awaiting_payment') return ['error', 'The payment was cancelled; nothing was charged.'];
  return { paid: ['ok', `Payment received: ${bought} added.`],
    pending: ['ok', `Payment made: ${bought} show as pending until it clears.`],
    failed: ['error', 'The payment failed; nothing was charged.'],
    expired: ['error', 'The checkout expired; nothing was charged.'],
    cancelled: ['error', 'The payment was cancelled; nothing was charged.'],
  }[purchase?.status] || ['muted', 'The payment is not confirmed yet; its status under Purchases changes once it is.'];
}

/**
 * The two sections, {@code buy} and {@code list}; {@code onBought} runs after an order that changes the balance
 * shown, {@code say(className, ...nodes)} shows the result of an action.
 */
export function purchasesSections(onBought, say) {
  const methods = h('fieldset', {}, h('legend', {}, 'Pay by'), ...Object.entries(METHODS).map(([value, text], i) =>
    h('label', {}, h('input', { type: 'radio', name: 'method', value, checked: i === 0 }), ' ', text)));
  const packages = h('div', { class: 'packages' }, h('p', { class: 'muted' }, 'Loading…'));
  const buy = h('section', { id: 'buy', 'aria-labelledby': 'buy-title' }, h('h2', { id: 'buy-title' }, 'Buy credits'),
    methods, packages);
  const purchases = h('div');
  const list = h('section', { id: 'purchases', 'aria-labelledby': 'purchases-title' },
    h('h2', { id: 'purchases-title' }, 'Purchases'), purchases);

  async function order(pkg, button) {
    const method = methods.querySelector('input:checked').value;
    button.disabled = true;
    try {
      const purchase = await api('/purchases', { method: 'POST', body: { packageId: pkg.id, method } });
      const checkout = method === 'card' && safeUrl(purchase.checkoutUrl);
      if (checkout) {
        location.assign(checkout);
        return;
      }
      say('ok', h('p', {}, `Ordered ${packageName(pkg)}. The credits show as pending until the payment clears.`),
        purchase.instructions ? h('p', { class: 'instructions' }, purchase.instructions) : null);
      onBought();
      listPurchases();
    } catch (error) {
      say('error', h('p', {}, error.status === 404 ? 'Buying credits is not available on this server yet.'
        : `Nothing was ordered: ${error.message}`));
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
          button.addEventListener('click', () => order(pkg, button));
          return h('tr', {}, h('th', { scope: 'row' }, packageName(pkg)), h('td', { class: 'num' }, formatPence(pkg.pence)),
            h('td', {}, button));
        });
        return h('table', {}, h('caption', {}, `${kind[0].toUpperCase()}${kind.slice(1)} credits`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Package'), h('th', { scope: 'col', class: 'num' }, 'Price'),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Buy')))), h('tbody', {}, ...rows));
      }));
    } catch (error) {
      packages.replaceChildren(h('p', { class: 'error' }, `The packages could not be loaded: ${error.message}`));
    }
  }

  async function listPurchases() {
    try {
      const found = await api('/purchases');
      const live = found.filter((p) => p.status !== 'expired');
      const expired = found.filter((p) => p.status === 'expired');
      purchases.replaceChildren(live.length ? purchasesTable(live, 'Purchases') : h('p', { class: 'muted' },
        'No purchases yet.'), expired.length ? h('details', { class: 'expired' }, h('summary', {},
        `Expired checkouts (${expired.length})`), purchasesTable(expired, 'Expired checkouts')) : null);
      return found;
    } catch (error) {
      purchases.replaceChildren(h('p', { class: 'error' }, `The purchases could not be loaded: ${error.message}`));
      return [];
    }
  }

  const returned = new URLSearchParams(location.search);
  listPackages();
  listPurchases().then((found) => {
    if (!returned.has('purchase')) return;
    const [className, text] = checkoutOutcome(found.find((p) => p.id === returned.get('purchase')),
      returned.has('cancelled'));
    say(className, h('p', {}, text));
  });
  return { buy, list };
}
