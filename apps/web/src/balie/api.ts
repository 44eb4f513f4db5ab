import { apiUrl } from '../runtime-config.ts';
import { bt } from './texts-nl.ts';

// The staff API as the console uses it (docs/staff-api.md). The session cookie is httpOnly; the CSRF
// token lives only in memory here and goes along as `x-csrf-token` on every state-changing request.

export type StaffRole = 'boa' | 'politie' | 'coordinator' | 'admin';

export interface StaffUser {
  id: string;
  name: string;
  role: StaffRole;
  teams: { id: string; name: string }[];
}

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
  totpEnrolmentRequired: boolean;
}

export interface Labelled {
  id: string;
  label: string;
}

export interface QueueItem {
  id: string;
  reference: string;
  category: Labelled;
  subcategory: Labelled | null;
  status: { code: string; label: string };
  priority: string | null;
  team: { id: string; name: string } | null;
  wijk: { code: string; naam: string } | null;
  street: string | null;
  createdAt: string;
  assignedTo: { id: string; name: string } | null;
  photoCount: number;
}

export interface QueueResponse {
  items: QueueItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TimelineEntry {
  kind: 'status' | 'note' | 'melder';
  at: string;
  actor: { kind: 'melder' | 'systeem' | 'staff'; name?: string };
  from?: string;
  to?: string;
  toLabel?: string;
  publicMessage?: string | null;
  internalNote?: string | null;
  forwardedTo?: string | null;
  reason?: string | null;
  /** kind 'melder': the melder's answer to "Is uw melding opgelost?". */
  solved?: boolean;
}

export interface EmailDelivery {
  id: string | number;
  template: string;
  status: 'sent' | 'retrying' | 'failed' | string;
  attempt: number;
  smtpResponse: string | null;
  error: string | null;
  createdAt: string;
}

export interface AllowedTransition {
  to: string;
  label: string;
  requiresPublicMessage: boolean;
  requiresReason: boolean;
  notifiesMelder: boolean;
}

export interface MeldingDetail {
  id: string;
  reference: string;
  category: Labelled;
  subcategory: Labelled | null;
  status: { code: string; label: string };
  priority: string | null;
  team: { id: string; name: string } | null;
  wijk: { code: string; naam: string } | null;
  address: string | null;
  location: { lat: number; lng: number; accuracy: number | null } | null;
  description: string;
  answers: { questionId: string; label: string; value: string }[];
  occurredAt: string | null;
  createdAt: string;
  assignedTo: { id: string; name: string } | null;
  duplicateOf: { id: string; reference: string } | null;
  reopenCount: number;
  photos: { id: string; url: string; width: number; height: number }[];
  timeline: TimelineEntry[];
  emailDeliveries: EmailDelivery[];
  allowedTransitions: AllowedTransition[];
  /** Not (yet) in the detail answer; when present: the notable flag (docs/staff-api.md, weekly overview). */
  notable?: { at: string; by: { id: string; name: string } | null; reason: string } | null;
  melder?: {
    email: string | null;
    phone: string | null;
    wantsFeedback: boolean;
    anonymised?: boolean;
  } | null;
}

export interface TransitionInput {
  to: string;
  publicMessage?: string;
  internalNote?: string;
  forwardedTo?: string;
  reason?: string;
  duplicateOf?: string;
}

export interface EmailPreview {
  subject: string;
  text: string;
  html: string;
  sentToMelder: boolean;
}

export interface StandardText {
  id: string;
  category: string | null;
  status: string;
  title: string;
  body: string;
  active: boolean;
}

export interface StaffUserListItem {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  teamIds: string[];
  totpEnrolled: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface ErrorDetail {
  field: string;
  message: string;
}

/** A refusal of the API (or no answer at all: status 0), with its Dutch message. */
export class StaffApiError extends Error {
  override name = 'StaffApiError';
  constructor(
    readonly status: number,
    readonly code: string,
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
  err instanceof StaffApiError ? err : new StaffApiError(0, 'NETWORK', bt.networkError);

let csrfToken: string | null = null;
let onUnauthenticated: ((code: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called with SESSION_EXPIRED or NOT_AUTHENTICATED when any request finds the session gone. */
export function setUnauthenticatedHandler(handler: ((code: string) => void) | null): void {
  onUnauthenticated = handler;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function staffRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: { skipSessionHandling?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(`/api/v1/staff${path}`), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new StaffApiError(0, 'NETWORK', bt.networkError);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.ok) return json as T;
  const err = (json ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] };
  const code = err.code ?? `HTTP_${res.status}`;
  const message = err.message ?? (res.status >= 500 ? bt.serverError : bt.forbidden);
  const error = new StaffApiError(res.status, code, message, Array.isArray(err.details) ? err.details : []);
  if (
    res.status === 401 &&
    !options.skipSessionHandling &&
    (code === 'SESSION_EXPIRED' || code === 'NOT_AUTHENTICATED')
  ) {
    onUnauthenticated?.(code);
  }
  throw error;
}

export const qs = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

export const staffApi = {
  login: (input: { email: string; password: string; totp?: string }) =>
    staffRequest<StaffSession>('POST', '/login', input, { skipSessionHandling: true }),
  me: () => staffRequest<StaffSession>('GET', '/me', undefined, { skipSessionHandling: true }),
  logout: () => staffRequest<void>('POST', '/logout', {}, { skipSessionHandling: true }),
  totpSetup: () => staffRequest<{ otpauthUri: string; secret: string }>('POST', '/totp/setup', {}),
  totpConfirm: (code: string) => staffRequest<void>('POST', '/totp/confirm', { code }),

  queue: (params: {
    team?: string;
    status?: string;
    category?: string;
    wijk?: string;
    page?: number;
    pageSize?: number;
  }) => staffRequest<QueueResponse>('GET', `/queue${qs(params)}`),
  melding: (id: string) => staffRequest<MeldingDetail>('GET', `/meldingen/${encodeURIComponent(id)}`),
  claim: (id: string) =>
    staffRequest<MeldingDetail>('POST', `/meldingen/${encodeURIComponent(id)}/claim`, {}),
  transition: (id: string, input: TransitionInput) =>
    staffRequest<MeldingDetail>('POST', `/meldingen/${encodeURIComponent(id)}/transitions`, input),
  note: (id: string, body: string) =>
    staffRequest<{ id: string }>('POST', `/meldingen/${encodeURIComponent(id)}/notes`, { body }),
  preview: (id: string, input: { to: string; publicMessage?: string; forwardedTo?: string }) =>
    staffRequest<EmailPreview>('POST', `/meldingen/${encodeURIComponent(id)}/preview`, input),

  standardTexts: (params: { status?: string; category?: string; all?: boolean }) =>
    staffRequest<{ items: StandardText[] }>(
      'GET',
      `/standard-texts${qs({ status: params.status, category: params.category, all: params.all ? 'true' : undefined })}`,
    ),
  createStandardText: (input: Omit<StandardText, 'id' | 'active'>) =>
    staffRequest<StandardText>('POST', '/standard-texts', input),
  updateStandardText: (id: string, input: Omit<StandardText, 'id'>) =>
    staffRequest<StandardText>('PUT', `/standard-texts/${encodeURIComponent(id)}`, input),

  users: () => staffRequest<{ users: StaffUserListItem[] }>('GET', '/users'),
  createUser: (input: {
    email: string;
    name: string;
    role: StaffRole;
    teamIds: string[];
    password: string;
  }) => staffRequest<{ id: string }>('POST', '/users', input),
};

export const isCoordinator = (user: StaffUser | null | undefined): boolean =>
  user?.role === 'coordinator' || user?.role === 'admin';
