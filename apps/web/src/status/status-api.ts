import { apiUrl } from '../runtime-config.ts';

interface Labelled {
  id: string;
  label: string;
}

export interface TimelineEntry {
  /** ISO 8601 with offset. */
  at: string;
  /** The public label ("In behandeling"), not the internal code. */
  status: string;
  /** A public message from the gemeente to the melder; plain text, may contain line breaks. */
  message: string | null;
}

/**
 * The melder's view of a melding: mirrors `melderStatusSchema` in apps/api/src/status/status-service.ts
 * (web imports only `core`, so the shape is repeated here). It holds no contact data, no internal notes
 * and no location, and this page must not add any.
 */
export interface MelderStatus {
  reference: string;
  category: Labelled;
  subcategory?: Labelled;
  createdAt: string;
  status: { code: string; label: string };
  /** Newest first; public messages only. */
  timeline: TimelineEntry[];
  /** The question to the melder while the melding waits for their answer; `open`: may still be answered. */
  question: MelderQuestion | null;
  /** Whether "Is uw melding opgelost?" may be answered now (afgehandeld, not yet answered, in time). */
  feedbackOpen: boolean;
}

export interface MelderQuestion {
  text: string;
  /** ISO 8601 with offset. */
  askedAt: string;
  open: boolean;
}

export type StatusResult = { kind: 'ok'; status: MelderStatus } | { kind: 'not-found' } | { kind: 'error' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isLabelled = (value: unknown): value is Labelled =>
  isRecord(value) && typeof value.id === 'string' && typeof value.label === 'string';

const isTimelineEntry = (value: unknown): value is TimelineEntry =>
  isRecord(value) &&
  typeof value.at === 'string' &&
  typeof value.status === 'string' &&
  (value.message === null || typeof value.message === 'string');

function parseQuestion(value: unknown): MelderQuestion | null {
  if (!isRecord(value)) return null;
  const { text, askedAt, open } = value;
  if (typeof text !== 'string' || typeof askedAt !== 'string' || typeof open !== 'boolean') return null;
  return { text, askedAt, open };
}

/**
 * A light check of the response, so that a proxy's HTML page or a half-deployed API shows the retry
 * message instead of a broken page. Keeps only the known fields.
 */
export function parseMelderStatus(body: unknown): MelderStatus | null {
  if (!isRecord(body)) return null;
  const { reference, category, subcategory, createdAt, status, timeline, question, feedbackOpen } = body;
  if (typeof reference !== 'string' || !isLabelled(category) || typeof createdAt !== 'string') return null;
  if (!isRecord(status) || typeof status.code !== 'string' || typeof status.label !== 'string') return null;
  if (!Array.isArray(timeline) || !timeline.every(isTimelineEntry)) return null;
  return {
    reference,
    category: { id: category.id, label: category.label },
    ...(isLabelled(subcategory) ? { subcategory: { id: subcategory.id, label: subcategory.label } } : {}),
    createdAt,
    status: { code: status.code, label: status.label },
    timeline: timeline.map(({ at, status: label, message }) => ({ at, status: label, message })),
    question: parseQuestion(question),
    feedbackOpen: feedbackOpen === true,
  };
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
      const error: unknown = await res.json().catch(() => null);
      if (isRecord(error) && typeof error.message === 'string') {
        const detail = Array.isArray(error.details) ? error.details[0] : undefined;
        const field = isRecord(detail) && typeof detail.field === 'string' ? detail.field : undefined;
        const message =
          isRecord(detail) && typeof detail.message === 'string' ? detail.message : error.message;
        return { kind: 'refused', message, ...(field ? { field } : {}) } as const;
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
