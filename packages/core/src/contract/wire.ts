import { z } from 'zod';

// Building blocks of the wire shapes. A response schema is written once, here, for both sides: the API
// uses it as its route schema (Fastify serialises by *encoding* with it), the web app parses what comes
// back with it. Types on the web are the wire form (`z.input`), on the API what a handler returns
// (`z.output`).

/**
 * A point in time: a `Date` in the API, an ISO 8601 string (as `Date#toISOString` writes it) on the wire
 * and in the web app.
 */
export const instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

export const labelledSchema = z.object({ id: z.string(), label: z.string() });
export const teamRefSchema = z.object({ id: z.string(), name: z.string() });
export const wijkRefSchema = z.object({ code: z.string(), naam: z.string() });
export const personRefSchema = z.object({ id: z.string(), name: z.string() });
/** `{ id }` of what a POST created. */
export const createdSchema = z.object({ id: z.uuid() });

/** A body as it travels: what the web app sends and receives. */
export type Wire<S extends z.ZodType> = z.input<S>;

/**
 * A reply body as the web app uses it: checked against the shared schema and given back in its wire
 * form, without fields the schema does not know. Throws a ZodError when the body does not fit.
 */
export function parseReply<S extends z.ZodType>(schema: S, body: unknown): z.input<S> {
  return z.encode(schema, schema.parse(body));
}

/** As `parseReply`, without throwing: null when the body does not fit. */
export function safeParseReply<S extends z.ZodType>(schema: S, body: unknown): z.input<S> | null {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return null;
  const encoded = z.safeEncode(schema, parsed.data);
  return encoded.success ? encoded.data : null;
}
