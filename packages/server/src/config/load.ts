import { readFile } from 'node:fs/promises';
import { parseWith, ValidationError } from '@helpline/core';
import { ServerConfig } from './schema.js';

type Kind = 'string' | 'number' | 'boolean' | 'json';

/** Environment variable → config key, and how its text is read. */
export const ENV_VARS: Readonly<Record<string, { key: keyof ServerConfig; kind: Kind }>> = {
  PORT: { key: 'port', kind: 'number' },
  HOST: { key: 'host', kind: 'string' },
  HELPLINE_DATA_DIR: { key: 'dataDir', kind: 'string' },
  DATABASE_URL: { key: 'databaseUrl', kind: 'string' },
  HELPLINE_PUBLIC_URL: { key: 'publicUrl', kind: 'string' },
  HELPLINE_SEED_DEMO: { key: 'seedDemo', kind: 'boolean' },
  HELPLINE_KB_DIR: { key: 'kbDir', kind: 'string' },
  HELPLINE_AGENT_PASSWORD: { key: 'agentPassword', kind: 'string' },
  HELPLINE_DEMO_SECRET: { key: 'demoSecret', kind: 'string' },
  HELPLINE_INBOX_DIR: { key: 'inboxDir', kind: 'string' },
  HELPLINE_STATIC_DIRS: { key: 'staticDirs', kind: 'json' },
  HELPLINE_MAX_BODY_BYTES: { key: 'maxBodyBytes', kind: 'number' },
  HELPLINE_MAX_ATTACHMENT_BYTES: { key: 'maxAttachmentBytes', kind: 'number' },
  HELPLINE_MAX_UNATTACHED_BYTES: { key: 'maxUnattachedBytes', kind: 'number' },
  HELPLINE_UNATTACHED_TTL_SECONDS: { key: 'unattachedTtlSeconds', kind: 'number' },
  HELPLINE_ATTACHMENT_SWEEP_SECONDS: { key: 'attachmentSweepSeconds', kind: 'number' },
  HELPLINE_RATE_LIMIT: { key: 'rateLimit', kind: 'json' },
  HELPLINE_TRUST_PROXY: { key: 'trustProxy', kind: 'boolean' },
  HELPLINE_HEARTBEAT_SECONDS: { key: 'heartbeatSeconds', kind: 'number' },
  HELPLINE_STREAMS: { key: 'streams', kind: 'json' },
  HELPLINE_SESSION_TTL_SECONDS: { key: 'sessionTtlSeconds', kind: 'number' },
  HELPLINE_BUSINESS_HOURS: { key: 'demoBusinessHours', kind: 'json' },
  HELPLINE_LOG_REQUESTS: { key: 'logRequests', kind: 'boolean' },
  HELPLINE_WEBHOOKS: { key: 'webhooks', kind: 'json' },
  HELPLINE_WEBHOOK_RETRY: { key: 'webhookRetry', kind: 'json' },
  HELPLINE_ROUTING: { key: 'routing', kind: 'json' },
};

function fail(field: string, issue: string): never {
  throw new ValidationError(
    'invalid_option',
    `Invalid server configuration: ${field}: ${issue}`,
    [`${field}: ${issue}`],
    field,
  );
}

function readEnvValue(name: string, kind: Kind, text: string): unknown {
  switch (kind) {
    case 'string':
      return text;
    case 'number': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) fail(name, `expected a number, got ${JSON.stringify(text)}`);
      return value;
    }
    case 'boolean':
      if (/^(1|true|yes|on)$/i.test(text)) return true;
      if (/^(0|false|no|off)$/i.test(text)) return false;
      return fail(name, `expected true or false, got ${JSON.stringify(text)}`);
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        return fail(name, 'expected JSON');
      }
  }
}

/**
 * Config = defaults ← JSON file (HELPLINE_CONFIG or `file`) ← environment variables. A bad value
 * throws a ValidationError naming the environment variable (or the file key) it came from.
 */
export async function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  file = env.HELPLINE_CONFIG,
): Promise<ServerConfig> {
  let fromFile: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      return fail('HELPLINE_CONFIG', `cannot read ${file} (${(error as Error).message})`);
    }
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail('HELPLINE_CONFIG', `${file} is not valid JSON`);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  const sourceOf = new Map<string, string>();
  for (const [name, { key, kind }] of Object.entries(ENV_VARS)) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    fromEnv[key] = readEnvValue(name, kind, text);
    sourceOf.set(key, name);
  }
  try {
    return parseWith(ServerConfig, { ...fromFile, ...fromEnv }, 'Invalid server configuration', 'invalid_option');
  } catch (error) {
    if (error instanceof ValidationError && error.field) {
      const top = error.field.split('.')[0] ?? '';
      const source = sourceOf.get(top) ?? (file ? `${file} → ${top}` : top);
      // "rateLimit.visitor.capacity: …" from HELPLINE_RATE_LIMIT reads "visitor.capacity: …".
      const issues = error.issues.map((issue) =>
        issue.startsWith(`${top}.`)
          ? issue.slice(top.length + 1)
          : issue.startsWith(`${top}: `)
            ? issue.slice(top.length + 2)
            : issue,
      );
      fail(source, issues.join('; '));
    }
    throw error;
  }
}

/** Validates a programmatic config (startServer), naming the bad key. */
export function resolveConfig(input: unknown): ServerConfig {
  return parseWith(ServerConfig, input ?? {}, 'Invalid server configuration', 'invalid_option');
}
