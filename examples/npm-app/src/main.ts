import { createHelpline } from '@helpline/widget';
import { pickAdapter } from './backend.ts';

const users = {
  dana: {
    user: { id: 'user-1001', name: 'Dana Whitfield', email: 'dana@northwind.example' },
    account: { id: 'acct-77', name: 'Northwind Traders', plan: 'growth', seats: 12 },
  },
  lee: {
    user: { id: 'user-2002', name: 'Lee Okafor', email: 'lee@contoso.example' },
    account: { id: 'acct-91', name: 'Contoso Ltd', plan: 'enterprise', seats: 240 },
  },
};

const { adapter, label } = await pickAdapter();
document.getElementById('backend')!.textContent = `Backend: ${label}`;
const hl = createHelpline({ adapter, appearance: { brandColor: '#0f766e' } });
const who = document.getElementById('who')!;

// In a real app the userHash comes from your backend (HMAC of the user id with the workspace secret);
// the demo workspace accepts unverified identities, flagged as such to agents.
async function signIn(as: keyof typeof users) {
  const { user, account } = users[as];
  await hl.identify(user);
  await hl.update({ account });
  who.textContent = `${user.name} · ${account.name}`;
}

document.getElementById('sign-in-dana')!.addEventListener('click', () => signIn('dana'));
document.getElementById('sign-in-lee')!.addEventListener('click', () => signIn('lee'));
document.getElementById('switch-account')!.addEventListener('click', async () => {
  await hl.update({ account: { id: 'acct-5', name: 'Acme sandbox', plan: 'starter', seats: 2 } });
  who.textContent = 'Dana Whitfield · Acme sandbox';
});
document.getElementById('logout')!.addEventListener('click', async () => {
  await hl.logout();
  who.textContent = 'Signed out';
});
document.getElementById('open-chat')!.addEventListener('click', () => hl.open('chat'));
hl.state.unreadCount.subscribe((count) => {
  document.title = count > 0 ? `(${count}) Helpline npm example` : 'Helpline npm example';
});
