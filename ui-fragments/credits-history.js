// The settings panel's credit history: the statement (one row per action, credit type and dates as filters) and,
// under "Ledger detail", the ledger's own rows with their filters (credit type, feature, status, dates), a page at a
// time with "Show more" following the API's cursor, and the same rows as a CSV download.
import { FEATURES, api, featureLabels, formatDateTime, formatSigned, formatCredits } from './credits-api.js';
import { h, sheet } from './credits-dom.js';
import { statementPart } from './credits-statement.js';

export const historyStyle = sheet(`
  .filters { display: grid; gap: .5rem 1rem; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); align-items: end;
             margin-bottom: .75rem; }
  .filters label { display: grid; gap: .1rem; min-width: 0; }
  .filters select, .filters input { width: 100%; }
  .history { font-size: .95rem; }
  .history td, .history th { white-space: nowrap; }
  .history td[data-column=Reference] { white-space: normal; overflow-wrap: anywhere; min-width: 9rem; }
  .statement td { white-space: nowrap; }
  .statement td[data-column=What] { white-space: normal; min-width: 14rem; }
  details.ledger { margin-top: 1rem; }
  details.ledger summary { cursor: pointer; font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-top: .75rem; }
`);

const PAGE = 25;
const ENTRY_KINDS = { purchase: 'Purchase', grant: 'Grant', redemption: 'Redemption', usage: 'Usage', refund: 'Refund',
  expiry: 'Expiry', adjustment: 'Adjustment', reversal: 'Payment reversal' };
const STATUSES = { success: 'Success', pending: 'Pending', refunded: 'Refunded', failed: 'Failed' };
const COLUMNS = ['When', 'Credits', 'Entry', 'Feature', 'Amount', 'Balance after', 'Status', 'By', 'Reference'];

const choice = (name, text, options) => h('label', {}, text, h('select', { name },
  h('option', { value: '' }, 'All'), ...Object.entries(options).map(([value, label]) => h('option', { value }, label))));

/** The day after a yyyy-mm-dd date: the history's "to" is exclusive, people's "to" includes the day. */
function dayAfter(date) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** A filter form's values as query parameters, "to" made exclusive. */
function paramsOf(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (value) params.set(name, name === 'to' ? dayAfter(value) : value);
  }
  return params;
}

function row(entry) {
  const cells = [formatDateTime(entry.at), entry.creditType === 'learner' ? 'Learner' : 'Connect',
    ENTRY_KINDS[entry.kind] || entry.kind, entry.featureLabel || FEATURES[entry.feature] || entry.feature || '',
    formatSigned(entry.amount),
    formatCredits(entry.balanceAfter), STATUSES[entry.status] || entry.status, entry.initiatedBy || '',
    entry.reference || ''];
  return h('tr', { 'data-id': entry.id }, ...cells.map((text, i) =>
    h('td', { class: i === 4 || i === 5 ? 'num' : null, 'data-column': COLUMNS[i] }, text)));
}

export function historySection() {
  // the defaults at once, then every feature the host registered
  const featureChoice = choice('feature', 'Feature', FEATURES);
  featureLabels().then((labels) => {
    const select = featureChoice.querySelector('select');
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, 'All'),
      ...Object.entries(labels).map(([value, label]) => h('option', { value }, label)));
    select.value = chosen;
  });
  const period = h('form', { class: 'filters', 'aria-label': 'Filter the statement' },
    choice('creditType', 'Credit type', { learner: 'Learner', connect: 'Connect' }),
    h('label', {}, 'From', h('input', { type: 'date', name: 'from' })),
    h('label', {}, 'To', h('input', { type: 'date', name: 'to' })),
    h('div', {}, h('button', { type: 'submit' }, 'Show')));
  const statement = statementPart(() => paramsOf(period));
  const filters = h('form', { class: 'filters', 'aria-label': 'Filter the history' },
    choice('creditType', 'Credit type', { learner: 'Learner', connect: 'Connect' }),
    featureChoice,
    choice('status', 'Status', STATUSES),
    h('label', {}, 'From', h('input', { type: 'date', name: 'from' })),
    h('label', {}, 'To', h('input', { type: 'date', name: 'to' })),
    h('div', {}, h('button', { type: 'submit' }, 'Show')));
  const rows = h('tbody');
  const table = h('table', { class: 'history' }, h('caption', {}, 'Credit history, newest first'),
    h('thead', {}, h('tr', {}, ...COLUMNS.map((c, i) => h('th', { scope: 'col', class: i === 4 || i === 5 ? 'num' : null }, c)))),
    rows);
  const more = h('button', { type: 'button', class: 'secondary', 'data-action': 'more', hidden: true }, 'Show more');
  const csv = h('button', { type: 'button', class: 'secondary', 'data-action': 'csv' }, 'Download CSV');
  const status = h('p', { role: 'status' });
  const ledger = h('details', { class: 'ledger' }, h('summary', {}, 'Ledger detail: every entry, as in the CSV'),
    filters, h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Credit history table' }, table),
    h('div', { class: 'actions' }, more), status);
  const section = h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'History'),
    period, statement.part, h('div', { class: 'actions' }, csv), ledger);
  let cursor = null;

  function query(extra = {}) {
    const params = paramsOf(filters);
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    return params;
  }

  async function load(next) {
    status.textContent = 'Loading…';
    try {
      const page = await api(`/history?${query({ limit: PAGE, ...(next ? { cursor } : {}) })}`);
      if (!next) rows.replaceChildren();
      rows.append(...page.items.map(row));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      const shown = rows.childElementCount;
      status.textContent = shown ? `Showing ${shown} ${shown === 1 ? 'entry' : 'entries'}${cursor ? '; there are more' : ''}.`
        : 'No entries match these filters.';
    } catch (error) {
      status.textContent = `The history could not be loaded: ${error.message}`;
    }
  }

  async function download() {
    csv.disabled = true;
    try {
      const text = await api(`/history?${query()}`, { accept: 'text/csv' });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      h('a', { href: url, download: 'credit-history.csv' }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      status.textContent = `The CSV could not be made: ${error.message}`;
    } finally {
      csv.disabled = false;
    }
  }

  period.addEventListener('submit', (event) => {
    event.preventDefault();
    statement.load(false);
  });
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load(false);
  });
  more.addEventListener('click', () => load(true));
  csv.addEventListener('click', download);
  statement.load(false);
  load(false);
  return section;
}
