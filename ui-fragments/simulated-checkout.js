// The simulated checkout page's buttons (no Stripe key is set and CREDITS_SIMULATED_PAYMENTS is on):
// each ends the checkout the way Stripe would, by signed events to the webhook, then returns to the
// MIS. Only a signed-in admin of the buying school may end it (the page sends the session's CSRF token).
import { api } from './credits-api.js';

const buttons = [...document.querySelectorAll('button[data-end]')];
for (const button of buttons) {
  button.addEventListener('click', async () => {
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const ended = await api(button.dataset.end, { method: 'POST' });
      window.location.href = ended.returnUrl;
    } catch (error) {
      document.getElementById('error').textContent = error.status === 401 || error.status === 403
        ? 'Sign in as an administrator of the school that placed this order, then try again.' : error.message;
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}
