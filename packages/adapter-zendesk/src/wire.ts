import * as z from 'zod/mini';

// Shapes of the Zendesk answers this adapter reads, limited to the fields it uses (unknown fields are
// dropped). Documented at developer.zendesk.com: "Requests", "Attachments" (uploads), "Users" (me),
// Help Center "Articles" and "Search".

const ZId = z.number().check(z.int());
const ZTime = z.iso.datetime({ offset: true });

export const ZAttachment = z.object({
  id: ZId,
  file_name: z.string(),
  content_url: z.string(),
  content_type: z.string(),
  size: z.number(),
});
export type ZAttachment = z.infer<typeof ZAttachment>;

export const ZRequestStatus = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);

export const ZRequest = z.object({
  id: ZId,
  subject: z.nullable(z.string()),
  description: z.nullable(z.string()),
  status: ZRequestStatus,
  priority: z.nullable(z.optional(z.enum(['low', 'normal', 'high', 'urgent']))),
  custom_fields: z._default(
    z.array(z.object({ id: ZId, value: z.nullable(z.union([z.string(), z.number(), z.boolean()])) })),
    [],
  ),
  created_at: ZTime,
  updated_at: ZTime,
});
export type ZRequest = z.infer<typeof ZRequest>;

export const ZRequestEnvelope = z.object({ request: ZRequest });
export const ZRequestList = z.object({ requests: z.array(ZRequest), next_page: z.nullable(z.optional(z.string())) });

export const ZComment = z.object({
  id: ZId,
  body: z.string(),
  author_id: ZId,
  public: z._default(z.boolean(), true),
  attachments: z._default(z.array(ZAttachment), []),
  created_at: ZTime,
});
export type ZComment = z.infer<typeof ZComment>;

export const ZCommentList = z.object({
  comments: z.array(ZComment),
  users: z._default(z.array(z.object({ id: ZId, name: z.string(), agent: z._default(z.boolean(), false) })), []),
});
export type ZCommentList = z.infer<typeof ZCommentList>;

export const ZUpload = z.object({
  upload: z.object({ token: z.string().check(z.minLength(1)), attachment: ZAttachment }),
});

export const ZMe = z.object({
  user: z.object({ id: z.nullable(ZId), name: z.string(), email: z.nullable(z.optional(z.string())) }),
});

const ZArticle = z.object({
  id: ZId,
  title: z.string().check(z.minLength(1)),
  body: z.nullable(z.string()),
  html_url: z.string(),
  updated_at: z.optional(ZTime),
  section_id: z.nullable(z.optional(ZId)),
});

export const ZArticleEnvelope = z.object({ article: ZArticle });
export const ZSearch = z.object({
  results: z.array(z.extend(ZArticle, { snippet: z._default(z.string(), '') })),
});
export type ZSearchResult = z.infer<typeof ZSearch>['results'][number];
