// The fragments' one way to call the plugin's API (same-origin, JSON, with the host's CSRF token),
// the formats people read (en-GB, Europe/London), and the event that tells fragments a balance changed.

/**
 * The plugin's API: where the host's page says (<meta name="credits-api" content="/mis/api/credits">), else
 * beside the fragments, which are served at <context root>/credits/*.js, so at any context root.
 */
export const API = (document.querySelector('meta[name="credits-api"]')?.content
  || new URL('../api/credits', import.meta.url).pathname).replace(/\/+$/, '');

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Calls any same-origin URL; a failure throws an Error with the status and the problem document. */
export async function request(url, { method = 'GET', body, accept = 'application/json', headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: accept, ...headers } };
  if (method !== 'GET') init.headers['X-CSRF-Token'] = csrfToken();
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((data && data.detail) || response.statusText || `HTTP ${response.status}`);
    error.status = response.status;
    error.problem = data;
    throw error;
  }
  return data;
}

/** Calls the plugin's API at {@link API}. */
export const api = (path, options) => request(API + path, options);

/** Tells every fragment on the page that a balance may have changed (after a host action that costs credits). */
export const creditsChanged = () => document.dispatchEvent(new Event('credits-changed'));

/** Runs {@code listener} whenever a balance may have changed; returns what stops it. */
export function onCreditsChanged(listener) {
  document.addEventListener('credits-changed', listener);
  return () => document.removeEventListener('credits-changed', listener);
}

const credits = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const signed = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3, signDisplay: 'exceptZero' });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const dates = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/London' });
const times = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit',
  minute: '2-digit', timeZone: 'Europe/London' });

export const formatCredits = (n) => credits.format(n);
export const formatSigned = (n) => signed.format(n);
export const formatPence = (pence) => pounds.format(pence / 100);
export const formatDateTime = (iso) => times.format(new Date(iso));
/** The last day something is good for, when it ends at {@code iso} (an allowance ends at midnight). */
export const formatLastDay = (iso) => dates.format(new Date(Date.parse(iso) - 1));

/** The default features' labels; {@link featureLabels} gives every feature the host registered. */
export const FEATURES = {
  LEARNER_REGISTRATION: 'Learner registration',
  SMS: 'SMS',
  DVLA_LICENCE_CHECK: 'DVLA licence check',
  DVLA_BIKE_CHECK: 'DVLA bike check',
};

let registered;
/** Every registered feature's label by code, from GET /prices (read once a page); the defaults when it fails. */
export function featureLabels() {
  registered ??= api('/prices')
    .then((prices) => Object.fromEntries(prices.map((p) => [p.feature, p.label || FEATURES[p.feature] || p.feature])))
    .catch(() => {
      registered = null;
      return { ...FEATURES };
    });
  return registered;
}

/** An amount in words: creditsOf(1, 'learner') is "1 learner credit", creditsOf(0.6) is "0.6 credits". */
export function creditsOf(amount, kind = '') {
  return `${formatCredits(amount)} ${kind ? kind + ' ' : ''}${Math.abs(amount) === 1 ? 'credit' : 'credits'}`;
}

/** How a credit type is named in a sentence. */
export const KINDS = { learner: 'learner', connect: 'Connect' };

/** A link target from the server, kept only when it is http(s). */
export function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A fragment that shows the school's balance and shows it again whenever credits may have
 * changed: a subclass gives render(balance), and failed() for when the balance cannot be read.
 */
export class BalanceElement extends HTMLElement {
  connectedCallback() {
    this.stopListening = onCreditsChanged(() => this.load());
    this.load();
  }

  disconnectedCallback() {
    this.stopListening();
  }

  async load() {
    try {
      this.render(await api('/balance'));
    } catch {
      this.failed();
    }
  }
}
