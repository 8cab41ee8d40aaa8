// The DVLA checks page: a driving licence check and a bike check (a number starting with FAIL makes the DVLA fail).
import { request } from '/credits/credits-api.js';
import { onFeatureSubmit } from './features.js';

const FAILED = { 502: 'The DVLA check failed; no credits were charged.' };

onFeatureSubmit(document.getElementById('licence'), async (fields) => {
  const checked = await request('/api/demo/dvla/licence-checks', { method: 'POST',
    body: { licenceNumber: fields.licenceNumber.value } });
  return `Licence ${checked.licenceNumber}: ${checked.result}.`;
}, FAILED);

onFeatureSubmit(document.getElementById('bike'), async (fields) => {
  const checked = await request('/api/demo/dvla/bike-checks', { method: 'POST',
    body: { registration: fields.registration.value } });
  return `Registration ${checked.registration}: ${checked.result}.`;
}, FAILED);
