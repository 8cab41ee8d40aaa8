// The simulated checkout page's buttons (no Stripe key is set and CREDITS_SIMULATED_PAYMENTS is on):
// the chosen way to pay shows its panel; Pay and "Simulate a failed payment" end the checkout the way
// Stripe would, by signed events to the webhook, then return to the MIS. Only a signed-in admin of the
// buying school may end it (the page sends the session's CSRF token).
import { api } from './credits-api.js';

const buttons = [...document.querySelectorAll('button[data-end]')];
const methods = [...document.querySelectorAll('input[name=method]')];
const chosen = () => methods.find((m) => m.checked)?.value || 'card';

function showChosen() {
  for (const panel of document.querySelectorAll('[data-for]')) panel.hidden = panel.dataset.for !== chosen();
}
methods.forEach((m) => m.addEventListener('change', showChosen));

/** What a failed call says to a person: never a bare status code. */
function said(error) {
  if (error.status === 401 || error.status === 403) {
    return 'Sign in as an administrator of the school that placed this order, then try again.';
  }
  if (error.status === 409) return 'This checkout has already ended. Reload the page to see how.';
  return error.message && !/^HTTP \d+$/.test(error.message) ? error.message
    : 'The payment could not be completed. Try again in a moment.';
}

for (const button of buttons) {
  button.addEventListener('click', async () => {
    buttons.forEach((b) => { b.disabled = true; });
    const pay = button.dataset.end.endsWith('/complete');
    const url = pay && chosen() !== 'card' ? `${button.dataset.end}?method=${chosen()}` : button.dataset.end;
    try {
      const ended = await api(url, { method: 'POST' });
      window.location.href = ended.returnUrl;
    } catch (error) {
      document.getElementById('error').textContent = said(error);
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}
