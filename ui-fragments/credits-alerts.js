// The settings panel's low-balance warnings: below which balance a school is warned, and whether its admins
// get an e-mail (GET/PUT /settings). A threshold is checked here as the server checks it (a number of credits
// from 0 to 1,000,000 with at most 3 decimals), so a mistake is named next to its field before anything is sent;
// the outcome of saving is said by the panel's {@code say(className, ...nodes)}.
import { api, creditsChanged } from './credits-api.js';
import { h, sheet } from './credits-dom.js';

export const alertsStyle = sheet(`
  .alerts { display: grid; gap: .75rem; max-width: 28rem; }
  .alerts label { display: grid; gap: .1rem; }
  .alerts .check { display: flex; gap: .5rem; align-items: center; font-weight: normal; }
  .alerts input[type=checkbox] { width: 1.25rem; height: 1.25rem; }
  .alerts input[aria-invalid=true] { border-color: #a4000f; }
  .alerts .error { margin: 0; }
`);

const THRESHOLD = /^\d{1,7}(\.\d{1,3})?$/;
const MAX_THRESHOLD = 1_000_000;

function thresholdField(name, kind, step) {
  const input = h('input', { type: 'number', name, min: 0, max: MAX_THRESHOLD, step, required: true,
    inputmode: 'decimal', 'aria-describedby': `${name}-error` });
  const error = h('p', { id: `${name}-error`, class: 'error', hidden: true });
  const field = h('div', {}, h('label', {}, `Warn when ${kind} credits fall below`, input), error);
  /** The threshold entered, or null after saying what is wrong with it. */
  const read = () => {
    const text = input.value.trim();
    const ok = THRESHOLD.test(text) && Number(text) <= MAX_THRESHOLD;
    error.textContent = ok ? '' : `Enter the ${kind} threshold as a number of credits from 0 to 1,000,000, with at most`
      + ' 3 decimals.';
    error.hidden = ok;
    input.setAttribute('aria-invalid', String(!ok));
    return ok ? Number(text) : null;
  };
  return { input, field, read };
}

export function alertsSection(say) {
  const learner = thresholdField('learner', 'learner', 1);
  const connect = thresholdField('connect', 'Connect', 'any');
  const email = h('input', { type: 'checkbox', name: 'emailAlerts' });
  const form = h('form', { class: 'alerts', novalidate: true },
    learner.field, connect.field,
    h('label', { class: 'check' }, email, 'E-mail the school admins when a balance is low'),
    h('div', {}, h('button', { type: 'submit' }, 'Save warnings')));
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { id: 'warnings', 'aria-labelledby': 'alerts-title' },
    h('h2', { id: 'alerts-title' }, 'Low-balance warnings'), body);

  function fill(settings) {
    learner.input.value = settings.lowBalanceThreshold.learner;
    connect.input.value = settings.lowBalanceThreshold.connect;
    email.checked = settings.emailAlerts;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const thresholds = { learner: learner.read(), connect: connect.read() };
    const wrong = [learner, connect].find((field) => field.input.getAttribute('aria-invalid') === 'true');
    if (wrong) {
      say('error', h('p', {}, 'The warnings were not saved: correct the threshold marked above.'));
      wrong.input.focus();
      return;
    }
    say('muted', h('p', {}, 'Saving the warnings…'));
    try {
      fill(await api('/settings', { method: 'PUT', body: { lowBalanceThreshold: thresholds, emailAlerts: email.checked } }));
      say('ok', h('p', {}, 'The warnings are saved.'));
      creditsChanged();
    } catch (error) {
      say('error', h('p', {}, `The warnings were not saved: ${error.message}`));
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
