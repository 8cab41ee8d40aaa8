// <credits-finance>: platform finance's console (mount point platform.console, credits.platform): BACS and
// cheque payments waiting to clear, to clear or fail; flagged purchases with every reason, to credit after review
// or dismiss with a reason, and those resolved with who, when and why; refunds and
// disputes with what was taken back and what is owed; a manual adjustment with its reason; the price versions
// with their dates; the reconciliation's state; and the latest e-mails of the outbox (the host may link its
// full outbox page with outbox-url). The result of the last action shows at the top.
import { FEATURES, KINDS, api, creditsOf, formatCredits, formatDateTime, formatPence, safeUrl } from './credits-api.js';
import { h, sheet, shadow } from './credits-dom.js';

const STYLE = sheet(`
  :host { display: grid; gap: 1.5rem; }
  section { border-top: 1px solid #b1b4b6; padding-top: 1rem; min-width: 0; }
  nav.sections ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
  nav.sections a { font-weight: 600; white-space: nowrap; }
  .last:empty { display: none; }
  .last { padding: .5rem .75rem; border-left: 6px solid #1d70b8; background: #eef2fb; font-weight: 600; }
  .last.ok { border-left-color: #00703c; background: #e7f4ec; color: #00703c; }
  .last.error { border-left-color: #a4000f; background: #fbeaec; color: #a4000f; }
  .row-actions { display: flex; flex-wrap: wrap; gap: .4rem; }
  form.adjust { display: grid; gap: .5rem 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
                align-items: end; }
  form.adjust label { display: grid; gap: .1rem; min-width: 0; }
  form.adjust input, form.adjust select { width: 100%; }
  form.adjust .reason { grid-column: 1 / -1; }
  td[data-column=Reasons] ul { margin: 0; padding-left: 1rem; text-align: left; }
  .resolve { display: grid; gap: .4rem; min-width: min(100%, 16rem); }
  .resolve input { width: 100%; box-sizing: border-box; }
  h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
  .state { font-size: 1.1rem; }
`);

const METHODS = { card: 'Card', bacs: 'Bank transfer', cheque: 'Cheque' };
const SECTIONS = [['pending', 'Payments to clear'], ['flagged', 'Flagged'], ['reversals', 'Refunds and disputes'],
  ['adjust', 'Adjustments'], ['prices', 'Prices'], ['reconciliation', 'Reconciliation'], ['outbox', 'E-mail']];

const cell = (column, content, className) => h('td', { 'data-column': column, class: className }, content);
const table = (label, columns, rows) => h('table', { class: 'cards', 'aria-label': label },
  h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, ...rows));
const newKey = () => crypto.randomUUID();
const RESOLUTIONS = { credited: 'Credited after review', dismissed: 'Dismissed' };
const resolution = (p) => `${RESOLUTIONS[p.resolution] || p.resolution} by ${p.resolvedBy},`
  + ` ${formatDateTime(p.resolvedAt)}: ${p.resolutionReason}`;
const bought = (p) => `${creditsOf(p.credits, KINDS[p.creditType])} (${formatPence(p.pence)})`;

function section(id, title, ...content) {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...content);
}

class CreditsFinance extends HTMLElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE);
  }

  connectedCallback() {
    if (this.root.childElementCount) return;
    this.last = h('div', { id: 'last-action', class: 'last', role: 'status' });
    this.parts = Object.fromEntries(SECTIONS.map(([id]) => [id, h('div', {}, h('p', { class: 'muted' }, 'Loading…'))]));
    const nav = h('nav', { class: 'sections', 'aria-label': 'Finance sections' }, h('ul', {}, ...SECTIONS.map(([id, text]) =>
      h('li', {}, h('a', { href: `#${id}`, onclick: (event) => {
        event.preventDefault();
        this.root.getElementById(id).scrollIntoView({ block: 'start' });
      } }, text)))));
    this.root.append(h('h2', {}, 'Finance console'), nav, this.last, ...SECTIONS.map(([id, title]) =>
      section(id, title, id === 'adjust' ? this.adjustForm() : null, this.parts[id])));
    this.refresh();
  }

  say(className, text) {
    this.last.className = `last ${className}`;
    this.last.textContent = text;
  }

  refresh() {
    this.load('pending', () => this.pending());
    this.load('flagged', () => this.flagged());
    this.load('reversals', () => this.reversals());
    this.load('prices', () => this.prices());
    this.load('reconciliation', () => this.reconciliation());
    this.load('outbox', () => this.outbox());
    this.parts.adjust.replaceChildren();
  }

  async load(part, render) {
    try {
      this.parts[part].replaceChildren(...[await render()].flat());
    } catch (error) {
      this.parts[part].replaceChildren(h('p', { class: 'error' }, `This could not be loaded: ${error.message}`));
    }
  }

  async pending() {
    const { items } = await api('/platform/purchases?status=pending&limit=200');
    const waiting = items.filter((p) => p.method !== 'card');
    if (!waiting.length) return h('p', { class: 'muted' }, 'No bank transfer or cheque is waiting to clear.');
    return table('Payments to clear', ['Ordered', 'School', 'Reference', 'Paid by', 'Bought', 'Action'],
      waiting.map((p) => h('tr', { 'data-id': p.id }, cell('Ordered', formatDateTime(p.createdAt)),
        cell('School', p.school), cell('Reference', p.reference), cell('Paid by', METHODS[p.method] || p.method),
        cell('Bought', bought(p)), cell('Action', h('div', { class: 'row-actions' },
          h('button', { type: 'button', 'data-action': 'clear', 'aria-label': `Clear ${p.reference}`,
            onclick: (event) => this.settle(p, 'clear', event.target) }, 'Clear'),
          h('button', { type: 'button', class: 'secondary', 'data-action': 'fail', 'aria-label': `Fail ${p.reference}`,
            onclick: (event) => this.settle(p, 'fail', event.target) }, 'Fail'))))));
  }

  async settle(purchase, how, button) {
    button.disabled = true;
    try {
      await api(`/platform/purchases/${encodeURIComponent(purchase.id)}/${how}`, { method: 'POST',
        headers: { 'Idempotency-Key': newKey() } });
      this.say('ok', how === 'clear'
        ? `Cleared ${purchase.reference}: ${creditsOf(purchase.credits, KINDS[purchase.creditType])} now available to ${purchase.school}.`
        : `Failed ${purchase.reference}: the pending credits of ${purchase.school} are removed.`);
      this.refresh();
    } catch (error) {
      this.say('error', `${purchase.reference} was not changed: ${error.message}`);
      button.disabled = false;
    }
  }

  async flagged() {
    const [{ items }, resolved] = await Promise.all([api('/platform/purchases?flagged=true&limit=200'),
      api('/platform/purchases?resolved=true&limit=20')]);
    return [items.length ? table('Flagged purchases', ['Ordered', 'School', 'Reference', 'Bought', 'Status', 'Reasons',
      'Action'], items.map((p) => h('tr', { 'data-id': p.id }, cell('Ordered', formatDateTime(p.createdAt)),
      cell('School', p.school), cell('Reference', p.reference), cell('Bought', bought(p)),
      cell('Status', p.status.replace('_', ' ')), cell('Reasons', h('ul', {}, ...p.flagReasons.map((r) => h('li', {}, r)))),
      cell('Action', this.resolveForm(p)))))
      : h('p', { class: 'muted' }, 'No purchase is flagged for review.'),
    resolved.items.length ? h('h3', {}, 'Resolved') : null,
    resolved.items.length ? table('Resolved purchases', ['Ordered', 'School', 'Reference', 'Bought', 'Status',
      'Resolution'], resolved.items.map((p) => h('tr', { 'data-id': p.id }, cell('Ordered', formatDateTime(p.createdAt)),
      cell('School', p.school), cell('Reference', p.reference), cell('Bought', bought(p)),
      cell('Status', p.status.replace('_', ' ')), cell('Resolution', resolution(p))))) : null].filter(Boolean);
  }

  /** A reason and the two decisions, as the pending payments' buttons are built. */
  resolveForm(purchase) {
    const reason = h('input', { name: 'reason', maxlength: 500, autocomplete: 'off', placeholder: 'Reason',
      'aria-label': `Reason for resolving ${purchase.reference}` });
    const button = (action, text, className) => h('button', { type: 'button', class: className, 'data-action': action,
      'aria-label': `${text} ${purchase.reference}`, onclick: (event) => this.resolve(purchase, action, reason,
        event.target) }, text);
    return h('div', { class: 'resolve' }, reason, h('div', { class: 'row-actions' },
      button('credit', 'Credit after review'), button('dismiss', 'Dismiss', 'secondary')));
  }

  async resolve(purchase, action, input, button) {
    const reason = input.value.trim();
    if (!reason) {
      this.say('error', `${purchase.reference} was not changed: give a reason first.`);
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      await api(`/platform/purchases/${encodeURIComponent(purchase.id)}/resolve`, { method: 'POST',
        headers: { 'Idempotency-Key': newKey() }, body: { action, reason } });
      this.say('ok', action === 'credit'
        ? `Credited ${purchase.reference} after review: ${creditsOf(purchase.credits, KINDS[purchase.creditType])} now`
          + ` available to ${purchase.school}.`
        : `Dismissed the flag on ${purchase.reference}: nothing was credited.`);
      this.refresh();
    } catch (error) {
      this.say('error', `${purchase.reference} was not changed: ${error.message}`);
      button.disabled = false;
    }
  }

  async reversals() {
    const [refunded, disputed] = await Promise.all(['refunded', 'disputed'].map((status) =>
      api(`/platform/purchases?status=${status}&limit=200`)));
    const items = [...refunded.items, ...disputed.items];
    if (!items.length) return h('p', { class: 'muted' }, 'No refund or dispute.');
    return table('Refunds and disputes', ['Ordered', 'School', 'Bought', 'Status', 'Taken back', 'Owed'],
      items.map((p) => h('tr', { 'data-id': p.id }, cell('Ordered', formatDateTime(p.createdAt)), cell('School', p.school),
        cell('Bought', bought(p)), cell('Status', p.status === 'refunded' ? 'Refunded' : 'Disputed'),
        cell('Taken back', formatCredits(p.takenBack), 'num'), cell('Owed', formatCredits(p.owed), 'num'))));
  }

  adjustForm() {
    const form = h('form', { class: 'adjust', 'aria-label': 'Adjust a balance' },
      h('label', {}, 'School', h('input', { name: 'school', required: true, autocomplete: 'off' })),
      h('label', {}, 'Credits', h('select', { name: 'creditType' }, h('option', { value: 'learner' }, 'Learner'),
        h('option', { value: 'connect' }, 'Connect'))),
      h('label', {}, 'Amount (negative takes away)', h('input', { name: 'amount', type: 'number', step: 'any',
        required: true, inputmode: 'decimal' })),
      h('label', { class: 'reason' }, 'Reason', h('input', { name: 'reason', required: true, maxlength: 500 })),
      h('div', {}, h('button', { type: 'submit' }, 'Adjust')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      if (!data.school.trim() || !data.reason.trim() || !data.amount) {
        this.say('error', 'Nothing was adjusted: give the school, the amount and a reason.');
        return;
      }
      try {
        const done = await api('/platform/adjustments', { method: 'POST', headers: { 'Idempotency-Key': newKey() },
          body: { school: data.school.trim(), creditType: data.creditType, amount: Number(data.amount),
            reason: data.reason.trim() } });
        this.say('ok', `Adjusted ${done.school} by ${formatCredits(done.amount)} ${KINDS[done.creditType]} credits`
          + ` (${data.reason.trim()}): ${formatCredits(done.available)} now available.`);
        form.reset();
        this.load('reconciliation', () => this.reconciliation());
      } catch (error) {
        this.say('error', `Nothing was adjusted: ${error.message}`);
      }
    });
    return form;
  }

  async prices() {
    const versions = await api('/platform/prices');
    return table('Price versions', ['Feature', 'Version', 'Credits', 'From', 'State'], versions.map((p) =>
      h('tr', { 'data-feature': p.feature }, cell('Feature', FEATURES[p.feature] || p.feature), cell('Version', String(p.version)),
        cell('Credits', formatCredits(p.credits), 'num'), cell('From', formatDateTime(p.effectiveFrom)),
        cell('State', p.inForce ? 'In force' : Date.parse(p.effectiveFrom) > Date.now() ? 'Scheduled' : 'Replaced'))));
  }

  async reconciliation() {
    const report = await api('/platform/reconciliation');
    const check = h('button', { type: 'button', class: 'secondary', onclick: () =>
      this.load('reconciliation', () => this.reconciliation()) }, 'Check again');
    return [h('p', { class: `state ${report.ok ? 'ok' : 'error'}` }, report.ok
      ? `OK: the ledger balances for all ${report.schools} schools.`
      : `${report.mismatches.length} mismatches in ${report.schools} schools.`),
    report.mismatches.length ? h('ul', {}, ...report.mismatches.map((m) => h('li', {}, m))) : null,
    h('p', { class: 'muted' }, `Checked ${formatDateTime(new Date().toISOString())}.`), check].filter(Boolean);
  }

  async outbox() {
    const page = await api('/platform/outbox?limit=5');
    const link = safeUrl(this.getAttribute('outbox-url'));
    return [page.smtpConfigured ? null : h('p', { class: 'muted' }, 'No SMTP server is configured: e-mails stay queued.'),
      page.items.length ? table('Latest e-mails', ['Written', 'To', 'Subject', 'State'], page.items.map((m) =>
        h('tr', {}, cell('Written', formatDateTime(m.createdAt)), cell('To', m.recipient), cell('Subject', m.subject),
          cell('State', m.status)))) : h('p', { class: 'muted' }, 'No e-mail yet.'),
      link ? h('p', {}, h('a', { href: link }, 'All e-mails')) : null].filter(Boolean);
  }
}

customElements.define('credits-finance', CreditsFinance);
