// <credits-topup-dialog>: the "Not enough credits" dialog (mount point page.dialog). A host that gets 402
// insufficient_credits calls showInsufficientCredits(problem); the dialog links to the problem's topUpUrl (sent
// only to those who may buy) or names the school admins to ask (the problem's admins), says how many credits are
// pending payment (the problem's pending), takes the focus, closes
// with Esc or its button, and gives the focus back to where it was.
import { KINDS, creditsOf, safeUrl } from './credits-api.js';
import { h, sheet, shadow } from './credits-dom.js';

const STYLE = sheet(`
  dialog { max-width: min(28rem, calc(100vw - 2rem)); border: 2px solid #1b1b1b; border-radius: 6px; padding: 1.25rem; }
  dialog::backdrop { background: rgb(0 0 0 / .5); }
  .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1rem; }
`);

class CreditsTopupDialog extends HTMLElement {
  constructor() {
    super();
    this.root = shadow(this, STYLE);
    this.dialog = h('dialog', { 'aria-labelledby': 'title', 'aria-describedby': 'detail' });
    this.dialog.addEventListener('close', () => this.returnFocus?.focus());
    this.root.append(this.dialog);
  }

  /** Opens the dialog for a 402 problem document ({required, available, pending, creditType, topUpUrl or admins}). */
  show(problem = {}) {
    this.returnFocus = document.activeElement;
    const kind = KINDS[problem.creditType] || '';
    const needed = problem.required === undefined || problem.available === undefined
      ? 'This needs more credits than the school has.'
      : `This needs ${creditsOf(problem.required, kind)} and the school has ${creditsOf(problem.available, kind)}.`;
    const topUp = safeUrl(problem.topUpUrl);
    const close = h('button', { type: 'button', class: 'secondary', onclick: () => this.dialog.close() }, 'Close');
    const admins = Array.isArray(problem.admins) ? problem.admins.filter((name) => typeof name === 'string') : [];
    const pending = Number(problem.pending) > 0
      ? ` ${creditsOf(Number(problem.pending), kind)} ${Number(problem.pending) === 1 ? 'is' : 'are'} pending payment:`
        + ' they can be used once the payment clears.' : null;
    const ask = admins.length ? `Ask a school admin to top up: ${admins.join(', ')}.` : 'Ask a school admin to top up.';
    this.dialog.replaceChildren(h('h2', { id: 'title' }, 'Not enough credits'),
      h('p', { id: 'detail' }, needed, ' Nothing was done and nothing was charged.', pending, topUp ? null : ` ${ask}`),
      h('div', { class: 'actions' }, topUp ? h('a', { href: topUp }, 'Top up credits') : null, close));
    if (!this.dialog.open) this.dialog.showModal();
    (this.dialog.querySelector('a') || close).focus();
  }
}

customElements.define('credits-topup-dialog', CreditsTopupDialog);

/** Shows the "Not enough credits" dialog for a 402 problem, adding the element to the page if it is not there. */
export function showInsufficientCredits(problem) {
  let dialog = document.querySelector('credits-topup-dialog');
  if (!dialog) {
    dialog = document.createElement('credits-topup-dialog');
    document.body.append(dialog);
  }
  dialog.show(problem);
}

/** What a 402 tells someone who may not buy: "Ask a school admin to top up: Olivia Oak." */
export function askAnAdmin(problem = {}) {
  const admins = Array.isArray(problem.admins) ? problem.admins.filter((name) => typeof name === 'string') : [];
  return admins.length ? `Ask a school admin to top up: ${admins.join(', ')}.` : 'Ask a school admin to top up.';
}
