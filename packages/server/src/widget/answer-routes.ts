import { AnalyticsEvent, MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH } from '@helpline/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { recordAnalytics } from '../analytics/record.js';
import type { AppDeps } from '../app/deps.js';
import { readJson } from '../http/read-body.js';
import { answerQuestion } from '../kb/answers.js';
import { redactTyped } from '../privacy/typed-text.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

const Question = z.object({
  question: z.string().check(z.trim(), z.minLength(MIN_QUESTION_LENGTH), z.maxLength(MAX_QUESTION_LENGTH)),
  path: z.optional(z.string().check(z.maxLength(2000))),
});

/** POST /v1/answers (instant answers) and POST /v1/analytics (self-service events). */
export function answerRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  const auth = widgetAuth(deps, { session: true });
  app.post('/answers', auth, async (c) => {
    const input = await readJson(c, Question, 'Question');
    return c.json(
      await answerQuestion(
        deps.db,
        c.get('workspace').id,
        c.get('visitor').id,
        redactTyped(input.question),
        input.path,
      ),
    );
  });
  app.post('/analytics', auth, async (c) => {
    const event = await readJson(c, AnalyticsEvent, 'Analytics event');
    const stored = event.query === undefined ? event : { ...event, query: redactTyped(event.query) };
    await recordAnalytics(deps.db, c.get('workspace').id, c.get('visitor').id, stored);
    return c.body(null, 204);
  });
  return app;
}
