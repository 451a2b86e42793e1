import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { session } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

const signedOut = { status: 401, body: { error: { code: 'unauthorized', message: 'Not signed in' } } };
const emptyQueue = { body: { conversations: [], tickets: [] } };

function fillAndSubmit(email: string, password: string): void {
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login', () => {
  it('shows the server error inline and keeps what was typed when the password is wrong', async () => {
    const { requests } = renderInbox({
      'GET /me': signedOut,
      'POST /login': { status: 401, body: { error: { code: 'unauthorized', message: 'Wrong email or password' } } },
    });
    await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' });
    fillAndSubmit('alex@example.com', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password');
    expect(screen.getByLabelText('Email')).toHaveProperty('value', 'alex@example.com');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/login',
      body: { email: 'alex@example.com', password: 'nope' },
    });
  });

  it('asks for both fields before calling the server', async () => {
    const { requests } = renderInbox({ 'GET /me': signedOut });
    await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your email and password.');
    expect(requests.map((request) => request.path)).toEqual(['/me']);
  });

  it('says the server is unreachable when the network fails', async () => {
    renderInbox({
      'GET /me': signedOut,
      'POST /login': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' });
    fillAndSubmit('alex@example.com', 'secret');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Cannot reach the server/);
  });

  it('opens the inbox after a successful sign-in and sends the CSRF token from then on', async () => {
    const { requests } = renderInbox({
      'GET /me': signedOut,
      'POST /login': { body: session },
      'GET /queue': emptyQueue,
      'POST /logout': { status: 204 },
      'POST /presence': { status: 204 },
    });
    await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' });
    fillAndSubmit('alex@example.com', 'secret');
    await screen.findByRole('heading', { name: 'Queue' });
    expect(await screen.findByText('Nothing waiting. Nice work.')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' });
    const logout = requests.find((request) => request.path === '/logout');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-123');
    // The agent goes offline before the session ends, so the widget stops promising a live reply.
    expect(requests.find((request) => request.path === '/presence')?.body).toEqual({ online: false });
  });

  it('skips the form when a session already exists', async () => {
    renderInbox({ 'GET /me': { body: session }, 'GET /queue': emptyQueue });
    await screen.findByRole('heading', { name: 'Queue' });
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('treats a malformed session answer as signed out instead of crashing', async () => {
    renderInbox({ 'GET /me': { body: { agent: { id: 1 } } } });
    expect(await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' })).toBeTruthy();
  });
});
