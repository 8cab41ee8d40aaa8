// The demo's mail page: the plugin's e-mail outbox (GET /api/credits/platform/outbox), for platform staff.
// Every value is set as text, never as markup.
class DemoMail extends HTMLElement {
  async connectedCallback() {
    this.textContent = 'Loading…';
    const response = await fetch('/api/credits/platform/outbox?limit=100',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      this.textContent = response.status === 403
        ? 'Only platform staff (finance@platform) can read the outbox.'
        : `The outbox could not be read (${response.status}).`;
      this.classList.add('error');
      return;
    }
    const page = await response.json();
    this.textContent = '';
    if (page.items.length === 0) {
      this.textContent = 'No e-mail yet.';
      return;
    }
    for (const item of page.items) this.append(this.email(item, page.smtpConfigured));
  }

  email(item, smtpConfigured) {
    const article = document.createElement('article');
    article.className = 'mail';
    const heading = document.createElement('h2');
    heading.textContent = item.subject;
    const meta = document.createElement('p');
    meta.className = 'hint';
    meta.textContent = `To ${item.recipient} (${item.school}) · written ${new Date(item.createdAt).toLocaleString('en-GB')}`
      + ` · ${this.status(item, smtpConfigured)}`;
    const body = document.createElement('pre');
    body.textContent = item.text;
    article.append(heading, meta, body);
    return article;
  }

  status(item, smtpConfigured) {
    if (item.status === 'sent') return `sent ${new Date(item.sentAt).toLocaleString('en-GB')}`;
    if (!smtpConfigured) return 'not sent: no SMTP configured';
    if (item.status === 'retrying') return `not sent yet: attempt ${item.attempts} failed (${item.lastError}), next try ${new Date(item.nextAttemptAt).toLocaleString('en-GB')}`;
    return 'queued';
  }
}
customElements.define('demo-mail', DemoMail);
