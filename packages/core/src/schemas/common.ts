import * as z from 'zod/mini';

/** Identifiers are opaque strings chosen by the backend. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));

/** Timestamps travel as ISO 8601 strings with an offset (`2026-11-29T10:00:00.000Z`). */
export const Timestamp = z.iso.datetime({ offset: true });

/** Free-form, JSON-safe values for custom fields and attributes. */
export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const CustomFields = z.record(z.string().check(z.minLength(1), z.maxLength(100)), FieldValue);
export type CustomFields = z.infer<typeof CustomFields>;

/** Client-made key that lets a backend store a write once however often it is retried. */
export const IdempotencyKey = z.string().check(z.minLength(8), z.maxLength(100));
