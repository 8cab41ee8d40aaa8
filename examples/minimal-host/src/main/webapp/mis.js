// The host's page frame: who is signed in (GET api/mis/me, the host's own API) and the plugin's fragments,
// mounted from the plugin's registry (GET api/credits/fragments: the fragments this user may see). Both URLs
// and every module are relative to this page, so the host runs at any context root (here /mis).
const base = document.baseURI;
const json = (path) => fetch(new URL(path, base), { headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${path}: ${response.status}`))));

const [me, fragments] = await Promise.all([json('api/mis/me'), json('api/credits/fragments').catch(() => [])]);
document.getElementById('who').textContent = `${me.displayName}, ${me.school}`;

for (const fragment of fragments) {
  const slot = document.querySelector(`[data-slot="${fragment.slot}"]`);
  if (!slot) continue;
  const element = document.createElement(fragment.element);
  // the banner links to the host's credits page only for those who may buy there
  if (fragment.element === 'credits-banner' && me.permissions.includes('credits.manage')) {
    element.setAttribute('top-up-url', new URL('credits.html', base).pathname);
  }
  slot.append(element);
  import(new URL(fragment.module, base).href);
}
for (const empty of document.querySelectorAll('[data-slot-empty]')) {
  empty.hidden = fragments.some((fragment) => fragment.slot === empty.dataset.slotEmpty);
}
