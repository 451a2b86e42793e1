import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { BusinessHours, FormField } from '@helpline/core';
import { createAgent } from '../agents/agent-store.js';
import { hashPassword, randomPassword, verifyPassword } from '../auth/password.js';
import type { Database, Queryable } from '../db/database.js';
import { importKnowledgeBase } from '../kb/import.js';
import type { Workspace } from '../workspace/settings.js';
import { createWorkspace, workspaceByKey } from '../workspace/workspace-store.js';

export const DEMO_PUBLIC_KEY = 'demo-public-key';
export const DEMO_AGENT_EMAIL = 'agent@demo.helpline.dev';
const SEED_LOCK = 0x48_4c_53;

const DEMO_FIELDS: FormField[] = [
  {
    id: 'affected_area',
    label: 'Affected area',
    type: 'select',
    required: true,
    options: [
      { value: 'invoices', label: 'Invoices' },
      { value: 'payments', label: 'Payments' },
      { value: 'integrations', label: 'Integrations' },
      { value: 'other', label: 'Other' },
    ],
  },
  {
    id: 'invoice_number',
    label: 'Invoice number',
    type: 'text',
    required: false,
    maxLength: 40,
    placeholder: 'INV-0042',
    categories: ['billing_access'],
  },
];

export interface DemoSeedOptions {
  kbDir: string;
  agentPassword?: string | undefined;
  secret?: string | undefined;
  businessHours?: BusinessHours | undefined;
}

export interface DemoSeedResult {
  workspace: Workspace;
  /** Set only when this start created the agent with a random password: print it once. */
  generatedAgentPassword?: string;
  /** Set only when this start created the workspace with a random secret. */
  generatedSecret?: string;
  importedArticles: number;
  /** KB files that could not be imported, with the reason. */
  skippedArticles: { file: string; reason: string }[];
}

/**
 * The demo tenant, idempotent and in one transaction: created on first start, reconciled with config afterwards
 * (HELPLINE_DEMO_SECRET / HELPLINE_AGENT_PASSWORD win over what is stored), KB files re-imported
 * only when newer than the stored article.
 */
export function seedDemoWorkspace(db: Database, options: DemoSeedOptions): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    // Instances starting together on one PostgreSQL seed one after the other.
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    return seed(tx, options);
  });
}

async function seed(db: Queryable, options: DemoSeedOptions): Promise<DemoSeedResult> {
  let workspace = await workspaceByKey(db, DEMO_PUBLIC_KEY);
  let generatedSecret: string | undefined;
  if (!workspace) {
    const secret = options.secret ?? randomBytes(32).toString('hex');
    if (!options.secret) generatedSecret = secret;
    workspace = await createWorkspace(db, {
      name: 'Acme Ledger (demo)',
      publicKey: DEMO_PUBLIC_KEY,
      secret,
      settings: {
        allowUnverified: true,
        ticketFields: DEMO_FIELDS,
        ...(options.businessHours ? { businessHours: options.businessHours } : {}),
      },
    });
  } else if (options.secret && options.secret !== workspace.secret) {
    await db.query('update workspaces set secret = $2 where id = $1', [workspace.id, options.secret]);
    workspace = { ...workspace, secret: options.secret };
  }

  let generatedAgentPassword: string | undefined;
  const [agent] = await db.query<{ id: string; password_hash: string }>(
    'select id, password_hash from agents where lower(email) = $1',
    [DEMO_AGENT_EMAIL],
  );
  if (!agent) {
    const password = options.agentPassword ?? randomPassword();
    if (!options.agentPassword) generatedAgentPassword = password;
    await createAgent(db, {
      workspaceId: workspace.id,
      email: DEMO_AGENT_EMAIL,
      name: 'Sam from Acme Support',
      password,
    });
  } else if (options.agentPassword && !(await verifyPassword(options.agentPassword, agent.password_hash))) {
    await db.query('update agents set password_hash = $2 where id = $1', [
      agent.id,
      await hashPassword(options.agentPassword),
    ]);
  }

  const kb = existsSync(options.kbDir)
    ? await importKnowledgeBase(db, workspace.id, options.kbDir)
    : { imported: 0, skipped: [] };
  return {
    workspace,
    importedArticles: kb.imported,
    skippedArticles: kb.skipped,
    ...(generatedAgentPassword ? { generatedAgentPassword } : {}),
    ...(generatedSecret ? { generatedSecret } : {}),
  };
}
