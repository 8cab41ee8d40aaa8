// The learners page: lists the school's learners, registers one (which may use a learner credit)
// and deletes one, through the demo MIS's API.
const API = '/api/demo/learners';
const status = document.getElementById('learner-status');
const rows = document.getElementById('learner-rows');
const form = document.getElementById('register-learner');

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function call(method, path = '', body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(API + path, {
    method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((data && data.detail) || response.statusText);
    error.status = response.status;
    error.problem = data || {};
    throw error;
  }
  return data;
}

function show(text, { error = false, topUpUrl } = {}) {
  status.replaceChildren(text);
  status.className = error ? 'error' : '';
  if (topUpUrl && /^(https?:\/\/|\/)/.test(topUpUrl)) {
    const link = document.createElement('a');
    link.href = topUpUrl;
    link.textContent = 'Buy learner credits';
    status.append(' ', link);
  }
}

function showError(error) {
  if (error.status === 402) {
    show('Not enough learner credits: the learner was not registered.', { error: true, topUpUrl: error.problem.topUpUrl });
  } else {
    show(error.message, { error: true });
  }
}

async function load() {
  try {
    const learners = await call('GET');
    rows.replaceChildren(...learners.map(row));
    if (learners.length === 0) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 3;
      td.textContent = 'No learners yet.';
      tr.append(td);
      rows.append(tr);
    }
  } catch (error) {
    showError(error);
  }
}

function row(learner) {
  const tr = document.createElement('tr');
  for (const text of [learner.name, learner.upn]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const td = document.createElement('td');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Delete';
  remove.setAttribute('aria-label', 'Delete ' + learner.name);
  remove.addEventListener('click', async () => {
    if (!confirm('Delete ' + learner.name + '? The learner credit is not refunded.')) return;
    try {
      await call('DELETE', '/' + encodeURIComponent(learner.id));
      show(learner.name + ' was deleted.');
      await load();
    } catch (error) {
      showError(error);
    }
  });
  td.append(remove);
  tr.append(td);
  return tr;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const registered = await call('POST', '', { name: form.elements.name.value, upn: form.elements.upn.value });
    show(registered.message);
    form.reset();
    await load();
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
});

load();
