import {
  createdSchema,
  type createUserBodySchema,
  type errorDetailSchema,
  errorResponseSchema,
  type labelledSchema,
  type loginBodySchema,
  loginResponseSchema,
  meldingDetailSchema,
  noteCreatedSchema,
  parseReply,
  type previewBodySchema,
  previewResponseSchema,
  type queueItemSchema,
  queueResponseSchema,
  type ResponseErrorCode,
  sessionResponseSchema,
  type staffRoleSchema,
  type staffUserViewSchema,
  type standardTextBodySchema,
  standardTextSchema,
  standardTextsResponseSchema,
  type standardTextUpdateSchema,
  type timelineEntrySchema,
  totpSetupResponseSchema,
  type transitionBodySchema,
  type userListItemSchema,
  usersResponseSchema,
  type Wire,
} from '@buurtsignaal/core/contract';
import type { z } from 'zod';
import { apiUrl } from '../runtime-config.ts';
import { staffTexts } from '../texts/index.ts';

// The staff API as the console uses it (docs/staff-api.md). The session cookie is httpOnly; the CSRF
// token lives only in memory here and goes along as `x-csrf-token` on every state-changing request.

// Every type of a reply is derived from the contract (@buurtsignaal/core/contract), the schemas the API
// uses as its route schemas; every reply is parsed with them. `Wire<…>`: the body as it travels (dates
// as ISO strings).

export type StaffRole = Wire<typeof staffRoleSchema>;
export type StaffUser = Wire<typeof staffUserViewSchema>;
/** `failedLogins` only in the login's answer: failed logins since the previous successful one. */
export type StaffSession = Wire<typeof sessionResponseSchema> &
  Partial<Pick<Wire<typeof loginResponseSchema>, 'failedLogins'>>;
export type Labelled = Wire<typeof labelledSchema>;
export type QueueItem = Wire<typeof queueItemSchema>;
export type QueueResponse = Wire<typeof queueResponseSchema>;
export type MeldingDetail = Wire<typeof meldingDetailSchema>;
export type TimelineEntry = Wire<typeof timelineEntrySchema>;
export type EmailDelivery = MeldingDetail['emailDeliveries'][number];
export type AllowedTransition = MeldingDetail['allowedTransitions'][number];
export type TransitionInput = Wire<typeof transitionBodySchema>;
export type EmailPreview = Wire<typeof previewResponseSchema>;
export type StandardText = Wire<typeof standardTextSchema>;
export type StandardTextInput = Wire<typeof standardTextBodySchema>;
export type StandardTextUpdate = Wire<typeof standardTextUpdateSchema>;
export type StaffUserListItem = Wire<typeof userListItemSchema>;
export type CreateUserInput = Wire<typeof createUserBodySchema>;
export type ErrorDetail = Wire<typeof errorDetailSchema>;

/** A refusal of the API (or no answer at all: status 0), with its Dutch message. */
/** A code from the API's error body, or one of this client's own when there was no usable body. */
export type StaffErrorCode = ResponseErrorCode | 'NETWORK' | 'INVALID_RESPONSE' | `HTTP_${number}`;

export class StaffApiError extends Error {
  override name = 'StaffApiError';
  constructor(
    readonly status: number,
    readonly code: StaffErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** Field → message from the details. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.details.map((d) => [d.field, d.message]));
  }
}

/** Any failure as a StaffApiError: a thrown network error becomes status 0 with a Dutch message. */
export const asApiError = (err: unknown): StaffApiError =>
  err instanceof StaffApiError ? err : new StaffApiError(0, 'NETWORK', staffTexts.networkError);

let csrfToken: string | null = null;
let onUnauthenticated: ((code: StaffErrorCode) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called with SESSION_EXPIRED or NOT_AUTHENTICATED when any request finds the session gone. */
export function setUnauthenticatedHandler(handler: ((code: StaffErrorCode) => void) | null): void {
  onUnauthenticated = handler;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The error body, read leniently: a proxy's or an older API's refusal still gives its status.
const errorBodySchema = errorResponseSchema.partial();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface RequestOptions {
  skipSessionHandling?: boolean;
}

/**
 * One request to the staff API. `schema`: the contract's schema of the 2xx body, which the reply is
 * parsed with; null for an answer without body (204).
 */
export function staffRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
  options?: RequestOptions,
): Promise<Wire<S>>;
export function staffRequest(
  method: Method,
  path: string,
  schema: null,
  body?: unknown,
  options?: RequestOptions,
): Promise<void>;
export async function staffRequest(
  method: Method,
  path: string,
  schema: z.ZodType | null,
  body?: unknown,
  options: RequestOptions = {},
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (a file upload) sets its own multipart content type.
  const form = body instanceof FormData ? body : null;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(`/api/v1/staff${path}`), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: form ?? JSON.stringify(body) } : {}),
    });
  } catch {
    throw new StaffApiError(0, 'NETWORK', staffTexts.networkError);
  }
  const text = res.status === 204 ? '' : await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.ok) return schema === null ? undefined : replyOf(schema, res.status, json);
  const parsed = errorBodySchema.safeParse(json);
  const err = parsed.success ? parsed.data : {};
  const code = err.code ?? `HTTP_${res.status}`;
  const message = err.message ?? (res.status >= 500 ? staffTexts.serverError : staffTexts.forbidden);
  const error = new StaffApiError(res.status, code, message, err.details ?? []);
  if (
    res.status === 401 &&
    !options.skipSessionHandling &&
    (code === 'SESSION_EXPIRED' || code === 'NOT_AUTHENTICATED')
  ) {
    onUnauthenticated?.(code);
  }
  throw error;
}

/**
 * The body of a 2xx, parsed with the contract. A body that does not fit (an API of another version, a
 * proxy's page) is a StaffApiError INVALID_RESPONSE with a Dutch message, never a page that breaks
 * further on.
 */
function replyOf<S extends z.ZodType>(schema: S, status: number, json: unknown): Wire<S> {
  try {
    return parseReply(schema, json);
  } catch {
    throw new StaffApiError(status, 'INVALID_RESPONSE', staffTexts.invalidResponse);
  }
}

export const qs = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

const melding = (id: string, action = '') => `/meldingen/${encodeURIComponent(id)}${action}`;

export const staffApi = {
  login: (input: Wire<typeof loginBodySchema>) =>
    staffRequest('POST', '/login', loginResponseSchema, input, { skipSessionHandling: true }),
  me: () => staffRequest('GET', '/me', sessionResponseSchema, undefined, { skipSessionHandling: true }),
  logout: () => staffRequest('POST', '/logout', null, {}, { skipSessionHandling: true }),
  totpSetup: () => staffRequest('POST', '/totp/setup', totpSetupResponseSchema, {}),
  totpConfirm: (code: string) => staffRequest('POST', '/totp/confirm', null, { code }),

  queue: (params: {
    team?: string;
    status?: string;
    category?: string;
    wijk?: string;
    page?: number;
    pageSize?: number;
  }) => staffRequest('GET', `/queue${qs(params)}`, queueResponseSchema),
  melding: (id: string) => staffRequest('GET', melding(id), meldingDetailSchema),
  claim: (id: string) => staffRequest('POST', melding(id, '/claim'), meldingDetailSchema, {}),
  transition: (id: string, input: TransitionInput) =>
    staffRequest('POST', melding(id, '/transitions'), meldingDetailSchema, input),
  note: (id: string, body: string) =>
    staffRequest('POST', melding(id, '/notes'), noteCreatedSchema, { body }),
  preview: (id: string, input: Wire<typeof previewBodySchema>) =>
    staffRequest('POST', melding(id, '/preview'), previewResponseSchema, input),

  standardTexts: (params: { status?: string; category?: string; all?: boolean }) =>
    staffRequest(
      'GET',
      `/standard-texts${qs({ status: params.status, category: params.category, all: params.all ? 'true' : undefined })}`,
      standardTextsResponseSchema,
    ),
  createStandardText: (input: StandardTextInput) =>
    staffRequest('POST', '/standard-texts', standardTextSchema, input),
  updateStandardText: (id: string, input: StandardTextUpdate) =>
    staffRequest('PUT', `/standard-texts/${encodeURIComponent(id)}`, standardTextSchema, input),

  users: () => staffRequest('GET', '/users', usersResponseSchema),
  createUser: (input: CreateUserInput) => staffRequest('POST', '/users', createdSchema, input),
};

export const isAdmin = (user: StaffUser | null | undefined): boolean => user?.role === 'admin';

export const isCoordinator = (user: StaffUser | null | undefined): boolean =>
  user?.role === 'coordinator' || user?.role === 'admin';
