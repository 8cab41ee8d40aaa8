// The demo MIS's page frame: who is signed in (GET /api/demo/me), the navigation, and the plugin's
// fragments mounted from its registry (GET /api/credits/fragments, the descriptor's fragments this user may
// see): an empty mount point (data-mount="<slot>") gets its slot's elements; a fragment element already in the
// page (a cost tooltip with its feature) stays if the user may see it; each fragment's module loads only then.
// Host content marked data-requires / data-lacks (hidden at first) shows only to those who hold / lack a
// permission. The server checks every call all the same.
import { request } from '/credits/credits-api.js';

/** The navigation: [path, text, permission needed to see the link]. */
const NAV = [
  ['/', 'Dashboard'],
  ['/learners', 'Learners', 'credits.use'],
  ['/sms', 'SMS', 'credits.use'],
  ['/dvla', 'DVLA checks', 'credits.use'],
  ['/settings/credits', 'Credits', 'credits.manage'],
  ['/mail', 'Mail', 'credits.platform'],
];

/** Where school admins buy credits: the page that mounts the settings panel. */
const TOP_UP = '/settings/credits';

const [me, fragments] = await Promise.all([
  request('/api/demo/me').catch(() => {
    location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
    return { permissions: [] };
  }),
  request('/api/credits/fragments').catch(() => []),
]);
const can = (permission) => !permission || me.permissions.includes(permission);

function element(tag, attributes, text) {
  const made = Object.assign(document.createElement(tag), attributes);
  if (text) made.textContent = text;
  return made;
}

class DemoNav extends HTMLElement {
  connectedCallback() {
    const nav = element('nav', { className: 'demo' });
    nav.setAttribute('aria-label', 'Main');
    for (const [href, text, permission] of NAV.filter(([, , permission]) => can(permission))) {
      const link = element('a', { href }, text);
      if (location.pathname === href) link.setAttribute('aria-current', 'page');
      nav.append(link);
    }
    const signOut = element('form', { className: 'who' });
    signOut.append(element('span', {}, me.school ? `${me.displayName}, ${me.school}` : me.displayName || ''),
      element('button', { type: 'submit' }, 'Sign out'));
    signOut.addEventListener('submit', async (event) => {
      event.preventDefault();
      await request('/logout', { method: 'POST' }).catch(() => null);
      location.assign('/login');
    });
    nav.append(signOut);
    this.replaceChildren(nav);
  }
}
customElements.define('demo-nav', DemoNav);

for (const shown of document.querySelectorAll('[data-requires], [data-lacks]')) {
  const wanted = shown.dataset.requires ? can(shown.dataset.requires) : !can(shown.dataset.lacks);
  if (wanted) shown.hidden = false;
  else shown.remove();
}
for (const mount of document.querySelectorAll('[data-mount]')) {
  if (!mount.children.length) {
    mount.append(...fragments.filter((f) => f.slot === mount.dataset.mount).map((f) => document.createElement(f.element)));
  }
}
if (can('credits.manage')) document.querySelectorAll('credits-banner').forEach((b) => b.setAttribute('top-up-url', TOP_UP));
// staff are told whom to ask: the admins the plugin names for a caller who may not buy
for (const notice of document.querySelectorAll('[data-ask-admins]')) {
  request('/api/credits/balance').then(({ admins }) => {
    if (admins?.length) notice.textContent = `Only school admins can buy credits. Ask ${admins.join(' or ')} to top up.`;
  }).catch(() => null);
}
document.querySelectorAll('credits-finance').forEach((f) => f.setAttribute('outbox-url', '/mail'));
const registered = new Map(fragments.map((f) => [f.element, f]));
for (const tag of new Set([...document.querySelectorAll('*')].map((e) => e.localName))) {
  if (!tag.startsWith('credits-')) continue;
  const fragment = registered.get(tag);
  if (fragment) import(`/${fragment.module}`);
  else document.querySelectorAll(tag).forEach((unseen) => unseen.remove());
}
