// Acme Ledger: a small client-side-routed SaaS app, standing in for a real product that embeds Helpline.
const view = document.getElementById('view');
const accountLabel = document.getElementById('account');

const invoices = [
  { id: 'INV-1042', customer: 'Blue Harbor Cafe', amount: '$1,240.00', status: 'Overdue' },
  { id: 'INV-1041', customer: 'Peak Outfitters', amount: '$860.50', status: 'Paid' },
  { id: 'INV-1040', customer: 'Lumen Studio', amount: '$3,100.00', status: 'Sent' },
];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const pages = {
  '/dashboard': () => [
    el('h1', {}, 'Dashboard'),
    el(
      'div',
      { class: 'cards' },
      el('section', { class: 'card' }, el('h2', {}, 'Outstanding'), el('p', { class: 'big' }, '$12,480')),
      el('section', { class: 'card' }, el('h2', {}, 'Paid this month'), el('p', { class: 'big' }, '$48,210')),
      el('section', { class: 'card' }, el('h2', {}, 'Overdue'), el('p', { class: 'big' }, '3 invoices')),
    ),
  ],
  '/invoices': () => [
    el('h1', {}, 'Invoices'),
    // A wide table scrolls inside its own box on a phone instead of widening the whole page.
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, 'Invoice'),
            el('th', {}, 'Customer'),
            el('th', {}, 'Amount'),
            el('th', {}, 'Status'),
          ),
        ),
        el(
          'tbody',
          {},
          ...invoices.map((invoice) =>
            el(
              'tr',
              {},
              el('td', {}, el('a', { href: `/invoices/${invoice.id}`, 'data-link': '' }, invoice.id)),
              el('td', {}, invoice.customer),
              el('td', {}, invoice.amount),
              el('td', {}, invoice.status),
            ),
          ),
        ),
      ),
    ),
  ],
  '/billing': () => [
    el('h1', {}, 'Billing'),
    el(
      'section',
      { class: 'card' },
      el('h2', {}, 'Your plan'),
      el('p', {}, 'Growth — 12 seats, billed monthly'),
      el('p', { id: 'payment-status', role: 'status' }, 'Last payment failed: card_declined'),
      el('button', { type: 'button', id: 'retry-payment', onclick: retryPayment }, 'Retry payment'),
    ),
  ],
  '/customers': () => [el('h1', {}, 'Customers'), el('p', {}, '128 customers')],
  '/reports': () => [el('h1', {}, 'Reports'), el('p', {}, 'Revenue and aging reports')],
  '/settings/team': () => [el('h1', {}, 'Team'), el('p', {}, 'Invite teammates and manage roles.')],
  '/settings/security': () => [el('h1', {}, 'Security'), el('p', {}, 'Two-factor authentication and SSO.')],
  '/integrations': () => [el('h1', {}, 'Integrations'), el('p', {}, 'Stripe, QuickBooks, Xero, Slack')],
};

function pageFor(path) {
  if (pages[path]) return pages[path]();
  const invoice = /^\/invoices\/([\w-]+)$/.exec(path);
  if (invoice) return [el('h1', {}, `Invoice ${invoice[1]}`), el('p', {}, 'Blue Harbor Cafe — $1,240.00 — due Nov 12')];
  return pages['/dashboard']();
}

function render() {
  view.replaceChildren(...pageFor(location.pathname));
  document.title = `${view.querySelector('h1')?.textContent ?? 'Acme Ledger'} · Acme Ledger`;
}

function navigate(path) {
  history.pushState({}, '', path);
  render();
  view.focus();
}

async function retryPayment() {
  const status = document.getElementById('payment-status');
  const response = await fetch('/api/payments/retry', { method: 'POST' });
  if (!response.ok) {
    status.textContent = `Payment retry failed (${response.status}). Contact support if this keeps happening.`;
    console.error('Payment retry failed', response.status);
  }
}

// Who signed in last: "Switch user" always moves to the other one, also after "Log out".
let lastUser = 'dana';

async function signIn(as) {
  lastUser = as;
  const me = await (await fetch(`/api/me?as=${as}`)).json();
  accountLabel.textContent = `${me.user.name} · ${me.account.name} (${me.account.plan})`;
  // The host vouches for the user with an HMAC its backend computed; the secret never reaches the page.
  window.Helpline('identify', me.user, { userHash: me.userHash });
  window.Helpline('update', { account: me.account });
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-link]');
  if (!link) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', render);
document.getElementById('help-button').addEventListener('click', () => window.Helpline('open'));
document.getElementById('logout').addEventListener('click', () => {
  window.Helpline('logout');
  accountLabel.textContent = 'Signed out';
});
document.getElementById('switch-user').addEventListener('click', () => signIn(lastUser === 'dana' ? 'lee' : 'dana'));

window.Helpline('help.register', '/billing', {
  articles: [],
  tips: ['Card declined? Update your payment method, then retry.'],
});
if (location.pathname === '/') history.replaceState({}, '', '/dashboard');
render();
signIn('dana');
