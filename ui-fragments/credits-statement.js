// The history section's statement: one row per action (an SMS to 30 recipients, a purchase, the trial credit) with
// its outcome in words, who did it and a short reference, a page at a time from GET /statement. Pending and failed
// payments are not in it: they are in Purchases. The ledger's own rows stay in the "Ledger detail" part and the CSV.
import { FEATURES, KINDS, api, creditsOf, formatCredits, formatDateTime, formatSigned } from './credits-api.js';
import { h } from './credits-dom.js';

const PAGE = 25;
const COLUMNS = ['When', 'Credits', 'What', 'Amount', 'By', 'Reference'];
const METHODS = { card: 'by card', bacs: 'by bank transfer', cheque: 'by cheque' };

/** How many charges a usage made, in words: "SMS to 3 recipients", "DVLA licence check", "DVLA bike check × 2". */
function usageWords(row) {
  const name = FEATURES[row.feature] || row.feature || 'Usage';
  if (row.feature === 'SMS') return `SMS to ${row.count} ${row.count === 1 ? 'recipient' : 'recipients'}`;
  return row.count > 1 ? `${name} × ${row.count}` : name;
}

/** What happened to a usage: nothing to say when it all succeeded. */
function usageOutcome(row) {
  if (row.inProgress > 0) return 'in progress';
  if (!row.failed) return null;
  if (row.failed === row.count) return row.count === 1 ? 'failed, refunded' : 'all failed, refunded';
  return `${row.failed} failed, ${formatCredits(row.refunded)} refunded`;
}

/** One statement row in words, e.g. "SMS to 3 recipients · 1 failed, 0.6 refunded". */
export function describe(row) {
  const kind = KINDS[row.creditType] || '';
  switch (row.kind) {
    case 'usage': return [usageWords(row), usageOutcome(row)].filter(Boolean).join(' · ');
    case 'purchase': return [`Bought ${creditsOf(row.amount, kind)}`, METHODS[row.method]].filter(Boolean).join(' ');
    case 'trial': return 'Free trial credit';
    case 'allowance': return "This month's allowance";
    case 'redemption': return `Learner registration${row.detail ? ` · ${row.detail}` : ''}`;
    case 'expiry': return 'Credits expired';
    case 'adjustment': return `Adjustment${row.detail ? `: ${row.detail}` : ''}`;
    case 'reversal': return `Payment reversal${row.detail ? `: ${row.detail}` : ''}`;
    default: return row.kind;
  }
}

function rowOf(item) {
  const cells = [formatDateTime(item.at), item.creditType === 'learner' ? 'Learner' : 'Connect', describe(item),
    formatSigned(item.amount), item.initiatedBy || '', item.reference || ''];
  return h('tr', { 'data-id': item.id, 'data-kind': item.kind }, ...cells.map((text, i) =>
    h('td', { class: i === 3 ? 'num' : null, 'data-column': COLUMNS[i] }, text)));
}

/** The statement's table, its "Show more" and its status line; {@code query()} gives the section's filters. */
export function statementPart(query) {
  const rows = h('tbody');
  const table = h('table', { class: 'statement' }, h('caption', {}, 'Statement, newest first'),
    h('thead', {}, h('tr', {}, ...COLUMNS.map((c, i) => h('th', { scope: 'col', class: i === 3 ? 'num' : null }, c)))),
    rows);
  const more = h('button', { type: 'button', class: 'secondary', 'data-action': 'statement-more', hidden: true },
    'Show more');
  const status = h('p', { role: 'status' });
  const part = h('div', { class: 'statement-part' },
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Statement table' }, table),
    h('div', { class: 'actions' }, more), status);
  let cursor = null;

  async function load(next) {
    status.textContent = 'Loading…';
    try {
      const params = query();
      params.set('limit', PAGE);
      if (next) params.set('cursor', cursor);
      const page = await api(`/statement?${params}`);
      if (!next) rows.replaceChildren();
      rows.append(...page.items.map(rowOf));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      const shown = rows.childElementCount;
      status.textContent = shown ? `Showing ${shown} ${shown === 1 ? 'action' : 'actions'}${cursor ? '; there are more' : ''}.`
        : 'Nothing happened in this period.';
    } catch (error) {
      status.textContent = `The statement could not be loaded: ${error.message}`;
    }
  }

  more.addEventListener('click', () => load(true));
  return { part, load };
}
