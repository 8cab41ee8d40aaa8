// The SMS page: one message to each number, 0.6 credits each (a number ending in 999 fails at the gateway).
import { creditsOf, request } from '/credits/credits-api.js';
import { onFeatureSubmit } from './features.js';

onFeatureSubmit(document.getElementById('sms'), async (fields) => {
  const to = fields.to.value.split(/[\n,;]+/).map((number) => number.trim()).filter(Boolean);
  const sent = await request('/api/demo/sms', { method: 'POST', body: { to, text: fields.text.value } });
  return `Sent ${sent.sent}, failed ${sent.failed}, ${creditsOf(sent.credits)}.`;
});
