// The learners page: lists the school's learners, registers one (which may use a learner credit: not enough opens
// the plugin's "Not enough credits" dialog) and deletes one, through the demo MIS's API.
import { request } from '/credits/credits-api.js';
import { onFeatureSubmit } from './features.js';

const API = '/api/demo/learners';
const rows = document.getElementById('learner-rows');
const form = document.getElementById('register-learner');
const status = form.querySelector('[role=status]');

function cell(text, attributes = {}) {
  return Object.assign(document.createElement('td'), attributes, { textContent: text });
}

/** A row of one cell across the table, for a note in place of learners. */
function note(text, className = '') {
  const tr = document.createElement('tr');
  tr.append(cell(text, { colSpan: 3, className }));
  return tr;
}

function row(learner) {
  const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary',
    textContent: 'Delete' });
  remove.setAttribute('aria-label', `Delete ${learner.name}`);
  remove.addEventListener('click', async () => {
    if (!confirm(`Delete ${learner.name}? The learner credit is not refunded.`)) return;
    try {
      await request(`${API}/${encodeURIComponent(learner.id)}`, { method: 'DELETE' });
      status.className = 'ok';
      status.textContent = `${learner.name} was deleted.`;
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
    await load();
  });
  const actions = cell('');
  actions.append(remove);
  const tr = document.createElement('tr');
  tr.dataset.upn = learner.upn;
  tr.append(cell(learner.name), cell(learner.upn), actions);
  return tr;
}

async function load() {
  try {
    const learners = await request(API);
    rows.replaceChildren(...(learners.length ? learners.map(row) : [note('No learners yet.')]));
  } catch (error) {
    rows.replaceChildren(note(`The learners could not be loaded: ${error.message}`, 'error'));
  }
}

onFeatureSubmit(form, async (fields) => {
  const registered = await request(API, { method: 'POST', body: { name: fields.name.value, upn: fields.upn.value } });
  form.reset();
  await load();
  return registered.message;
}, { 402: 'The learner was not registered: there are not enough learner credits.' });

load();
