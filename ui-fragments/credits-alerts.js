// The settings panel's low-balance warnings: below which balance a school is warned, and whether its admins
// get an e-mail (GET/PUT /settings). A server without those settings is said so plainly.
import { api } from './credits-api.js';
import { h, sheet } from './credits-dom.js';

export const alertsStyle = sheet(`
  .alerts { display: grid; gap: .75rem; max-width: 28rem; }
  .alerts label { display: grid; gap: .1rem; }
  .alerts .check { display: flex; gap: .5rem; align-items: center; font-weight: normal; }
  .alerts input[type=checkbox] { width: 1.25rem; height: 1.25rem; }
`);

export function alertsSection() {
  const learner = h('input', { type: 'number', name: 'learner', min: 0, step: 1, required: true, inputmode: 'numeric' });
  const connect = h('input', { type: 'number', name: 'connect', min: 0, step: 0.1, required: true, inputmode: 'decimal' });
  const email = h('input', { type: 'checkbox', name: 'emailAlerts' });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'alerts' },
    h('label', {}, 'Warn when learner credits fall below', learner),
    h('label', {}, 'Warn when Connect credits fall below', connect),
    h('label', { class: 'check' }, email, 'E-mail the school admins when a balance is low'),
    h('div', {}, h('button', { type: 'submit' }, 'Save warnings')));
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { 'aria-labelledby': 'alerts-title' },
    h('h2', { id: 'alerts-title' }, 'Low-balance warnings'), body, status);

  function fill(settings) {
    learner.value = settings.lowBalanceThreshold.learner;
    connect.value = settings.lowBalanceThreshold.connect;
    email.checked = settings.emailAlerts;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Saving…';
    try {
      fill(await api('/settings', { method: 'PUT', body: {
        lowBalanceThreshold: { learner: Number(learner.value), connect: Number(connect.value) },
        emailAlerts: email.checked } }));
      status.textContent = 'The warnings are saved.';
    } catch (error) {
      status.textContent = `The warnings were not saved: ${error.message}`;
    }
  });

  api('/settings').then((settings) => {
    fill(settings);
    body.replaceChildren(form);
  }, (error) => {
    body.replaceChildren(h('p', { class: 'error' }, error.status === 404
      ? 'This server does not offer low-balance warning settings yet; the default thresholds apply.'
      : `The warning settings could not be loaded: ${error.message}`));
  });
  return section;
}
