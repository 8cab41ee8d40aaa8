// The demo's feature forms (SMS, DVLA checks): run the action, say what happened in the form's status line,
// open the plugin's "Not enough credits" dialog on 402 (staff are told which school admin to ask), and tell the fragments that a balance may have changed.
import { creditsChanged } from '/credits/credits-api.js';
import { askAnAdmin, showInsufficientCredits } from '/credits/credits-topup-dialog.js';

/** On submit, shows what {@code action} answers, or {@code failures[status]} (else the problem's detail) when it fails. */
export function onFeatureSubmit(form, action, failures = {}) {
  const status = form.querySelector('[role=status]');
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    status.className = '';
    status.textContent = 'Working…';
    try {
      status.textContent = await action(form.elements);
      status.className = 'ok';
    } catch (error) {
      status.className = 'error';
      if (error.status === 402) {
        const said = failures[402] || 'Nothing was done: there are not enough credits.';
        status.textContent = error.problem?.topUpUrl ? said : `${said} ${askAnAdmin(error.problem)}`;
        showInsufficientCredits(error.problem);
      } else {
        status.textContent = failures[error.status] || error.message;
      }
    } finally {
      busy = false;
      creditsChanged();
    }
  });
}
