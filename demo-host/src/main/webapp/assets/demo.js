// The demo MIS's navigation bar: links, the signed-in user and sign-out.
class DemoNav extends HTMLElement {
  connectedCallback() {
    this.innerHTML = '';
    const nav = document.createElement('nav');
    nav.className = 'demo';
    nav.setAttribute('aria-label', 'Main');
    for (const [href, text] of [['/', 'Dashboard'], ['/learners', 'Learners'], ['/settings/credits', 'Credits'],
      ['/mail', 'Mail']]) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      if (location.pathname === href) a.setAttribute('aria-current', 'page');
      nav.append(a);
    }
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/logout';
    form.className = 'who';
    const out = document.createElement('button');
    out.type = 'submit';
    out.textContent = 'Sign out';
    form.append(out);
    nav.append(form);
    this.append(nav);
  }
}
customElements.define('demo-nav', DemoNav);
