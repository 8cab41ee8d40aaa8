// The fragments' one way to call the plugin's API: same-origin, JSON, with the host's CSRF token.
export const API = '/api/credits';

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export async function api(path, { method = 'GET', body, accept = 'application/json', headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: accept, ...headers } };
  if (method !== 'GET') init.headers['X-CSRF-Token'] = csrfToken();
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((data && data.detail) || response.statusText);
    error.status = response.status;
    error.problem = data;
    throw error;
  }
  return data;
}

const credits = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
export const formatCredits = (n) => credits.format(n);
const dates = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/London' });
export const formatDate = (iso) => dates.format(new Date(iso));
