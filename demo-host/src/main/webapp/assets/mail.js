// The demo's mail page: the plugin's e-mail outbox (GET /api/credits/platform/outbox), for platform staff.
// Every value is set as text, never as markup.
import { formatDateTime, request } from '/credits/credits-api.js';

function element(tag, className, text) {
  return Object.assign(document.createElement(tag), className ? { className } : {}, { textContent: text });
}

function state(item, smtpConfigured) {
  if (item.status === 'sent') return `sent ${formatDateTime(item.sentAt)}`;
  if (!smtpConfigured) return 'not sent: no SMTP server configured';
  if (item.status === 'retrying') {
    return `not sent yet: attempt ${item.attempts} failed (${item.lastError}), next try ${formatDateTime(item.nextAttemptAt)}`;
  }
  return 'queued';
}

function email(item, smtpConfigured) {
  const article = document.createElement('article');
  article.className = 'mail';
  article.append(element('h2', '', item.subject),
    element('p', 'hint', `To ${item.recipient} (${item.school}) · written ${formatDateTime(item.createdAt)}`
      + ` · ${state(item, smtpConfigured)}`),
    element('pre', '', item.text));
  return article;
}

class DemoMail extends HTMLElement {
  async connectedCallback() {
    this.textContent = 'Loading…';
    try {
      const page = await request('/api/credits/platform/outbox?limit=100');
      this.replaceChildren(...(page.items.length ? page.items.map((item) => email(item, page.smtpConfigured))
        : [element('p', '', 'No e-mail yet.')]));
    } catch (error) {
      this.replaceChildren(element('p', 'error', error.status === 403
        ? 'Only platform staff (finance@platform) can read the outbox.'
        : `The outbox could not be read: ${error.message}`));
    }
  }
}
customElements.define('demo-mail', DemoMail);
