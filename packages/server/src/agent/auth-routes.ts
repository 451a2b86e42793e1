import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { ApiError } from '../http/api-error.js';
import { clientIp } from '../http/client-ip.js';
import { TokenBucketLimiter } from '../http/rate-limit.js';
import { readJson } from '../http/read-body.js';
import { ipRateLimit } from '../widget/widget-auth.js';
import type { AgentEnv } from './agent-env.js';
import { replyUploadRules } from './agent-reply.js';
import { closeAgentSession, openAgentSession, requireAgent } from './agent-session.js';

const Login = z.object({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(320)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** POST /login, POST /logout, GET /me. */
export function authRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  // Compared against when the email is unknown, so both paths cost one scrypt.
  const dummyHash = hashPassword('not-a-real-password');
  // Password guessing: 10 wrong tries per address and account, then one every 30 s (per instance). A
  // try is counted before the password is checked (parallel guesses count too) and given back when
  // it was right, so an agent who signs in often is never locked out.
  const guesses = new TokenBucketLimiter({ capacity: 10, refillPerSecond: 1 / 30 });

  app.post('/login', ipRateLimit(deps), async (c) => {
    const input = await readJson(c, Login, 'Login');
    const [agent] = await deps.db.query<{
      id: string;
      name: string;
      email: string;
      workspace_id: string;
      password_hash: string;
    }>('select id, name, email, workspace_id, password_hash from agents where lower(email) = lower($1)', [input.email]);
    // Counted per account once the address names one: every spelling the lookup folds together
    // (case, Unicode such as İ) shares one allowance.
    const guesser = `${clientIp(c, deps.config.trustProxy)} ${agent?.id ?? input.email.toLowerCase()}`;
    const guess = guesses.take(guesser);
    if (!guess.ok)
      throw new ApiError(
        429,
        'rate_limited',
        `Too many sign-in attempts; retry in ${guess.retryAfterSeconds} s`,
        undefined,
        { 'Retry-After': String(guess.retryAfterSeconds) },
      );
    const valid = await verifyPassword(input.password, agent?.password_hash ?? (await dummyHash));
    if (!agent || !valid) throw new ApiError(401, 'unauthorized', 'Wrong email or password');
    guesses.refund(guesser);
    const csrfToken = await openAgentSession(deps, c, agent.id, agent.workspace_id);
    return c.json({
      agent: { id: agent.id, name: agent.name, email: agent.email },
      csrfToken,
      uploads: replyUploadRules(deps),
    });
  });

  app.post('/logout', requireAgent(deps), async (c) => {
    await closeAgentSession(deps, c);
    return c.body(null, 204);
  });

  app.get('/me', requireAgent(deps), (c) =>
    c.json({ agent: c.get('agent'), csrfToken: c.get('csrfToken'), uploads: replyUploadRules(deps) }),
  );
  return app;
}
