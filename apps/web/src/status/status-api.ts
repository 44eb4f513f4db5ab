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
  /**
   * Whether the satisfaction question (KTO) is open. Not sent by the API yet: the question stays hidden
   * until a later issue adds it to the schema.
   */
  feedbackOpen?: boolean;
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

/**
 * A light check of the response, so that a proxy's HTML page or a half-deployed API shows the retry
 * message instead of a broken page. Keeps only the known fields.
 */
export function parseMelderStatus(body: unknown): MelderStatus | null {
  if (!isRecord(body)) return null;
  const { reference, category, subcategory, createdAt, status, timeline, feedbackOpen } = body;
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
    ...(feedbackOpen === true ? { feedbackOpen: true } : {}),
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
  /** Only when not solved. */
  explanation?: string;
}

export type FeedbackResult = 'sent' | 'not-available' | 'error';

/**
 * POST /api/v1/status/:token/feedback.
 *
 * AWAITING THE API: this endpoint does not exist yet, and the body shape above is a proposal for the
 * issue that adds it. Until then the API answers 404, which the question shows as "not possible online
 * yet": nothing here pretends the answer was stored.
 */
export async function postFeedback(token: string, answer: FeedbackAnswer): Promise<FeedbackResult> {
  try {
    const res = await fetch(apiUrl(`${statusPath(token)}/feedback`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(answer),
    });
    if (res.status === 404) return 'not-available';
    return res.ok ? 'sent' : 'error';
  } catch {
    return 'error';
  }
}
