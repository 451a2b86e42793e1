import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, runCli } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { key, WidgetClient } from './test-server.js';

describe('helpline-server with a data folder', () => {
  it('prints the first-start password once and keeps data across restarts', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'helpline-cli-')), 'data');
    const env = { PORT: '0', HELPLINE_DATA_DIR: dataDir };
    const firstLog: string[] = [];
    const first = await runCli(env, (line) => firstLog.push(line));
    const password = /demo agent: \S+ \/ (\S+)/.exec(firstLog.join('\n'))?.[1];
    expect(password).toBeDefined();
    expect(firstLog.join('\n')).toContain(`PGlite in ${dataDir}`);
    expect(existsSync(dataDir)).toBe(true);
    const visitor = new WidgetClient(first.url);
    await visitor.session({ visitorId: 'persistent-visitor' });
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'still here?',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    await first.close();

    const secondLog: string[] = [];
    const second = await runCli(env, (line) => secondLog.push(line));
    try {
      expect(secondLog.join('\n')).not.toContain('demo agent:');
      expect(secondLog.join('\n')).toContain('0 KB article(s) imported');
      const agent = new AgentClient(second.url);
      expect((await agent.login(DEMO_AGENT_EMAIL, password ?? '')).status).toBe(200);
      const thread = await agent.call('GET', `/conversations/${started.body.conversation.id}`);
      expect(thread.body.messages[0].body).toBe('still here?');
    } finally {
      await second.close();
    }
  });

  it('refuses to start with a bad setting, naming the variable', async () => {
    await expect(runCli({ PORT: 'eighty' }, () => undefined)).rejects.toThrow('PORT: expected a number, got "eighty"');
  });
});
