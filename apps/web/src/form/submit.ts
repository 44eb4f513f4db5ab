import { apiUrl } from '../runtime-config.ts';
import { formTexts } from '../texts/index.ts';
import {
  errorResponseSchema,
  type IntakeResponse,
  intakeResponseSchema,
  type ResponseErrorCode,
  safeParseReply,
  type Wire,
} from './core.ts';
import type { DraftPhoto } from './draft.ts';

/** The API's error body, or one made up here (UNKNOWN, INVALID_RESPONSE) when there was no usable one. */
export type ApiErrorBody = Omit<Wire<typeof errorResponseSchema>, 'code'> & {
  code: ResponseErrorCode | 'UNKNOWN' | 'INVALID_RESPONSE';
};

// A refusal read leniently: a proxy's or an older API's body still gives its message when it has one.
const errorBodySchema = errorResponseSchema.partial();

export type SendProgress = { kind: 'sending' } | { kind: 'retrying'; seconds: number } | { kind: 'offline' };

export type SendResult = { ok: true; body: IntakeResponse } | { ok: false; error: ApiErrorBody };

const MAX_BACKOFF_MS = 30_000;
const IN_FLIGHT_WAIT_MS = 1_500;

export const backoffMs = (attempt: number): number => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);

const isOffline = (): boolean => typeof navigator !== 'undefined' && navigator.onLine === false;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves on the `online` event (or abort). */
function waitForOnline(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    window.addEventListener('online', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

function requestInit(melding: object, photos: DraftPhoto[], idempotencyKey: string): RequestInit {
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey, accept: 'application/json' };
  if (photos.length === 0) {
    headers['content-type'] = 'application/json';
    return { method: 'POST', headers, body: JSON.stringify(melding) };
  }
  const form = new FormData();
  form.append('melding', JSON.stringify(melding));
  photos.forEach((p, i) => {
    form.append('photos', p.blob, `foto-${i + 1}.jpg`);
  });
  return { method: 'POST', headers, body: form };
}

async function errorBodyOf(res: Response): Promise<ApiErrorBody> {
  try {
    const parsed = errorBodySchema.safeParse(await res.json());
    const body = parsed.success ? parsed.data : {};
    if (typeof body.message === 'string') {
      return {
        statusCode: res.status,
        code: body.code ?? 'UNKNOWN',
        error: body.error ?? '',
        message: body.message,
        ...(body.details ? { details: body.details } : {}),
      };
    }
  } catch {
    // fall through: not our JSON (a proxy's page)
  }
  return { statusCode: res.status, code: 'UNKNOWN', error: res.statusText, message: '' };
}

/**
 * Sends the melding until the API gives a definite answer: a 201, or a 4xx that the resident must act
 * on. Network failures and 5xx are retried with the same Idempotency-Key (1 s, 2 s, 4 s … 30 s), so
 * the melding is stored at most once however often it is sent. Offline, it waits for `online`.
 */
export async function sendMelding(
  melding: object,
  photos: DraftPhoto[],
  idempotencyKey: string,
  onProgress: (p: SendProgress) => void,
  signal: AbortSignal,
): Promise<SendResult | undefined> {
  let attempt = 0;
  while (!signal.aborted) {
    if (isOffline()) {
      onProgress({ kind: 'offline' });
      await waitForOnline(signal);
      continue;
    }
    onProgress({ kind: 'sending' });
    let res: Response;
    try {
      res = await fetch(apiUrl('/api/v1/meldingen'), {
        ...requestInit(melding, photos, idempotencyKey),
        signal,
      });
    } catch {
      if (signal.aborted) return undefined;
      if (isOffline()) continue;
      const wait = backoffMs(attempt++);
      onProgress({ kind: 'retrying', seconds: Math.round(wait / 1000) });
      await sleep(wait, signal);
      continue;
    }
    if (res.status === 201 || res.status === 200) {
      const body = safeParseReply(intakeResponseSchema, await res.json().catch(() => null));
      if (body) return { ok: true, body };
      // Stored, but the answer is not one this page knows (a half-deployed API): say so, do not resend.
      return {
        ok: false,
        error: {
          statusCode: res.status,
          code: 'INVALID_RESPONSE',
          error: '',
          message: formTexts.submit.invalidResponse,
        },
      };
    }
    const error = await errorBodyOf(res);
    if (res.status === 409 && error.code === 'IDEMPOTENCY_IN_FLIGHT') {
      onProgress({ kind: 'retrying', seconds: Math.round(IN_FLIGHT_WAIT_MS / 1000) });
      await sleep(IN_FLIGHT_WAIT_MS, signal);
      continue;
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) {
      // Too many meldingen from this address, or the database is away (503 — also when it is not known
      // whether the melding was stored: the same key settles that): wait as asked (bounded), then retry.
      const retryAfter = Number(res.headers.get('retry-after'));
      const wait =
        (res.status === 429 || res.status === 503) && retryAfter > 0
          ? Math.min(MAX_BACKOFF_MS * 4, retryAfter * 1000)
          : backoffMs(attempt++);
      onProgress({ kind: 'retrying', seconds: Math.round(wait / 1000) });
      await sleep(wait, signal);
      continue;
    }
    return { ok: false, error };
  }
  return undefined;
}
