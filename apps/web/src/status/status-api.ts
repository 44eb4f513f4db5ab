import {
  errorResponseSchema,
  melderStatusSchema,
  safeParseReply,
  type Wire,
} from '@buurtsignaal/core/contract';
import { apiUrl } from '../runtime-config.ts';

// The melder's view of a melding, as the contract (@buurtsignaal/core/contract) says: the API's route
// schema. It holds no contact data, no internal notes and no location, and this page must not add any.

/**
 * The reply as this page reads it: the contract's schema, more forgiving in the two fields an older API
 * may lack (no question, no feedback), so that those show as "nothing to answer" rather than an error.
 */
const melderStatusReply = melderStatusSchema.extend({
  question: melderStatusSchema.shape.question.catch(null),
  feedbackOpen: melderStatusSchema.shape.feedbackOpen.catch(false),
});

export type MelderStatus = Wire<typeof melderStatusReply>;
export type TimelineEntry = MelderStatus['timeline'][number];
export type MelderQuestion = NonNullable<MelderStatus['question']>;

export type StatusResult = { kind: 'ok'; status: MelderStatus } | { kind: 'not-found' } | { kind: 'error' };

// The API's one error body, read leniently: only the message (and the first field) matter here.
const errorBodySchema = errorResponseSchema.partial();

/**
 * The check of the response, so that a proxy's HTML page or a half-deployed API shows the retry
 * message instead of a broken page. Keeps only the known fields.
 */
export function parseMelderStatus(body: unknown): MelderStatus | null {
  return safeParseReply(melderStatusReply, body);
}

const statusPath = (token: string): string => `/api/v1/status/${encodeURIComponent(token)}`;

/** GET /api/v1/status/:token. A 404 (unknown or malformed token) is an answer, not an error. */
export async function fetchMelderStatus(token: string, signal?: AbortSignal): Promise<StatusResult> {
  const res = await fetch(apiUrl(statusPath(token)), {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (res.status === 404) return { kind: 'not-found' };
  if (!res.ok) return { kind: 'error' };
  const status = parseMelderStatus(await res.json().catch(() => null));
  return status ? { kind: 'ok', status } : { kind: 'error' };
}

export interface FeedbackAnswer {
  solved: boolean;
  /** Required when not solved. */
  explanation?: string;
}

/**
 * What became of the melder's answer: stored (with the melding as it is now), refused by the API with a
 * message for the melder (e.g. already answered, too late; `field` when one field was wrong), or not
 * delivered at all (network, server trouble).
 */
export type MelderActionResult =
  | { kind: 'sent' }
  | { kind: 'refused'; message: string; field?: string }
  | { kind: 'error' };

async function postMelderAction(token: string, action: 'answer' | 'feedback', body: object) {
  try {
    const res = await fetch(apiUrl(`${statusPath(token)}/${action}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.ok) return { kind: 'sent' } as const;
    // 4xx carry a Dutch message for the resident (the API's one error body); 5xx and 429 are retried later.
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
      if (parsed.success && parsed.data.message !== undefined) {
        const detail = parsed.data.details?.[0];
        const message = detail ? detail.message : parsed.data.message;
        return { kind: 'refused', message, ...(detail?.field ? { field: detail.field } : {}) } as const;
      }
    }
    return { kind: 'error' } as const;
  } catch {
    return { kind: 'error' } as const;
  }
}

/** POST /api/v1/status/:token/feedback — "Is uw melding opgelost?". */
export function postFeedback(token: string, answer: FeedbackAnswer): Promise<MelderActionResult> {
  return postMelderAction(token, 'feedback', answer);
}

/** POST /api/v1/status/:token/answer — the melder's answer to the open question. */
export function postAnswer(token: string, answer: string): Promise<MelderActionResult> {
  return postMelderAction(token, 'answer', { answer });
}
