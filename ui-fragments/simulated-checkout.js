// The simulated checkout page's buttons (no Stripe key is set): each ends the checkout the way
// Stripe would, by signed events to the webhook, then returns to the MIS.
import { api } from './credits-api.js';

const buttons = [...document.querySelectorAll('button[data-end]')];
for (const button of buttons) {
  button.addEventListener('click', async () => {
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const ended = await api(button.dataset.end, { method: 'POST' });
      window.location.href = ended.returnUrl;
    } catch (error) {
      document.getElementById('error').textContent = error.message;
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}
