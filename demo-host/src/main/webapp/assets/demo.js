// The demo MIS's page frame: who is signed in (GET /api/demo/me), the navigation, and the plugin's
// fragments mounted as plugin-descriptor.xml declares them: a fragment's module loads only for a user who
// holds its permission. Host content marked data-requires / data-lacks (hidden at first) shows only to those
// who hold / lack a permission. The server checks every call all the same.
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

/** The plugin's fragments (plugin-descriptor.xml): element, permission, module. */
const FRAGMENTS = [
  ['credits-balance', 'credits.view', '/credits/credits-balance.js'],
  ['credits-settings', 'credits.manage', '/credits/credits-settings.js'],
  ['credits-banner', 'credits.view', '/credits/credits-banner.js'],
  ['credits-cost', 'credits.view', '/credits/credits-cost.js'],
  ['credits-topup-dialog', 'credits.view', '/credits/credits-topup-dialog.js'],
];

/** Where school admins buy credits: the page that mounts the settings panel. */
const TOP_UP = '/settings/credits';

const me = await request('/api/demo/me').catch(() => {
  location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
  return { permissions: [] };
});
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
if (can('credits.manage')) document.querySelectorAll('credits-banner').forEach((b) => b.setAttribute('top-up-url', TOP_UP));
for (const [tag, permission, module] of FRAGMENTS) {
  const mounted = document.querySelectorAll(tag);
  if (mounted.length && can(permission)) import(module);
  else mounted.forEach((fragment) => fragment.remove());
}
