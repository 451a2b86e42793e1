import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

describe('loadConfig', () => {
  it('uses documented defaults when nothing is set', async () => {
    const config = await loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './.helpline/data',
      seedDemo: true,
      maxAttachmentBytes: 10 * 1024 * 1024,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads environment variables over the JSON config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'helpline-config-'));
    const file = join(dir, 'config.json');
    await writeFile(
      file,
      JSON.stringify({ port: 9000, dataDir: '/var/helpline', staticDirs: [{ prefix: '/widget', dir: '/srv/widget' }] }),
    );
    const config = await loadConfig({ HELPLINE_CONFIG: file, PORT: '9100', HELPLINE_SEED_DEMO: 'false' });
    expect(config).toMatchObject({
      port: 9100,
      dataDir: '/var/helpline',
      seedDemo: false,
      staticDirs: [{ prefix: '/widget', dir: '/srv/widget' }],
    });
  });

  it('names the environment variable holding a bad value', async () => {
    await expect(loadConfig({ PORT: 'eighty' })).rejects.toThrow(/PORT: expected a number/);
    await expect(loadConfig({ PORT: '70000' })).rejects.toThrow(/PORT/);
    await expect(loadConfig({ DATABASE_URL: 'mysql://x' })).rejects.toThrow(/DATABASE_URL.*postgres/);
    await expect(loadConfig({ HELPLINE_TRUST_PROXY: 'maybe' })).rejects.toThrow(
      /HELPLINE_TRUST_PROXY: expected true or false/,
    );
    await expect(loadConfig({ HELPLINE_AGENT_PASSWORD: 'short' })).rejects.toThrow(/HELPLINE_AGENT_PASSWORD/);
  });

  it('names the config file and key for a bad file value, and an unreadable file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'helpline-config-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ maxBodyBytes: -1 }));
    await expect(loadConfig({ HELPLINE_CONFIG: file })).rejects.toThrow(/config\.json → maxBodyBytes/);
    await expect(loadConfig({ HELPLINE_CONFIG: join(dir, 'missing.json') })).rejects.toThrow(
      /HELPLINE_CONFIG: cannot read/,
    );
  });

  it('reads webhooks and routing rules from the environment and names a bad entry', async () => {
    const config = await loadConfig({
      HELPLINE_WEBHOOKS: JSON.stringify([
        { id: 'slack', url: 'https://hooks.slack.com/services/x', secret: '0123456789abcdef', format: 'slack' },
      ]),
      HELPLINE_ROUTING: JSON.stringify({
        rules: [{ name: 'billing', when: { pathPrefix: '/billing' }, assign: { queue: 'billing' } }],
      }),
    });
    expect(config.webhooks).toEqual([
      {
        id: 'slack',
        url: 'https://hooks.slack.com/services/x',
        secret: '0123456789abcdef',
        format: 'slack',
        events: ['escalation', 'p0_ticket'],
      },
    ]);
    expect(config.routing).toEqual({
      defaultQueue: 'general',
      rules: [{ name: 'billing', when: { pathPrefix: '/billing' }, assign: { queue: 'billing' } }],
    });
    await expect(
      loadConfig({ HELPLINE_WEBHOOKS: JSON.stringify([{ id: 'x', url: 'ftp://x', secret: '0123456789abcdef' }]) }),
    ).rejects.toThrow(/HELPLINE_WEBHOOKS: 0\.url/);
    await expect(
      loadConfig({ HELPLINE_WEBHOOKS: JSON.stringify([{ id: 'x', url: 'https://x.test', secret: 'short' }]) }),
    ).rejects.toThrow(/HELPLINE_WEBHOOKS: 0\.secret/);
    await expect(
      loadConfig({
        HELPLINE_ROUTING: JSON.stringify({ rules: [{ name: 'r', when: { pathPrefix: 'billing' }, assign: {} }] }),
      }),
    ).rejects.toThrow(/HELPLINE_ROUTING: rules\.0\.when\.pathPrefix/);
    await expect(loadConfig({ HELPLINE_ROUTING: '{' })).rejects.toThrow(/HELPLINE_ROUTING: expected JSON/);
  });

  it('reads webhooks and routing from the config file, naming the file key on error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'helpline-config-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ routing: { defaultQueue: 'support', rules: [] }, webhooks: [] }));
    expect((await loadConfig({ HELPLINE_CONFIG: file })).routing.defaultQueue).toBe('support');
    await writeFile(
      file,
      JSON.stringify({ routing: { rules: [{ name: 'r', when: { severity: ['P9'] }, assign: {} }] } }),
    );
    await expect(loadConfig({ HELPLINE_CONFIG: file })).rejects.toThrow(
      /config\.json → routing: rules\.0\.when\.severity/,
    );
  });
});
