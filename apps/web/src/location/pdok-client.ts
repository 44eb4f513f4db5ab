/**
 * A small client for PDOK Locatieserver v3.1 (suggest, lookup, reverse). The base URL comes from the
 * runtime config, and fetch is a parameter so that tests pass their own and no global is patched.
 */

import { z } from 'zod';

export interface FetchResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<FetchResponseLike>;

export interface AddressSuggestion {
  id: string;
  type: string;
  label: string;
}
export interface PointWithAddress {
  lat: number;
  lng: number;
  address: string;
}
export interface NearestAddress {
  address: string;
  /** Distance in metres from the asked point, when PDOK gives it. */
  distance?: number;
}

export const SUGGEST_ROWS = 7;
const MUNICIPALITY = 'Soest';

const query = (params: [string, string][]): string =>
  params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

const trimBase = (base: string): string => base.replace(/\/+$/, '');

export function suggestUrl(base: string, text: string): string {
  return `${trimBase(base)}/suggest?${query([
    ['q', text.trim()],
    ['fq', `gemeentenaam:${MUNICIPALITY}`],
    ['fq', 'type:(adres OR weg)'],
    ['rows', String(SUGGEST_ROWS)],
  ])}`;
}

export function lookupUrl(base: string, id: string): string {
  return `${trimBase(base)}/lookup?${query([
    ['id', id],
    ['fl', 'id,weergavenaam,centroide_ll,type'],
  ])}`;
}

/** Coordinates are rounded to 6 decimals (~0.1 m): more says nothing and only spoils caching. */
export function reverseUrl(base: string, lat: number, lng: number): string {
  return `${trimBase(base)}/reverse?${query([
    ['lat', String(Number(lat.toFixed(6)))],
    ['lon', String(Number(lng.toFixed(6)))],
    ['rows', '1'],
    ['type', 'adres'],
  ])}`;
}

const WKT_POINT =
  /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)\s*$/i;

/** Parses a WKT point as PDOK writes it in `centroide_ll`: `POINT(lon lat)` — longitude first. */
export function parseWktPoint(wkt: unknown): { lat: number; lng: number } | null {
  if (typeof wkt !== 'string') return null;
  const match = WKT_POINT.exec(wkt);
  if (!match) return null;
  const lng = Number(match[1]);
  const lat = Number(match[2]);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return null;
  }
  return { lat, lng };
}

export class PdokError extends Error {
  override name = 'PdokError';
}

type Doc = Record<string, unknown>;

// The Locatieserver's answer, as far as we read it: a list of documents whose fields are checked one by
// one where they are used (PDOK adds fields freely).
const pdokReplySchema = z.object({ response: z.object({ docs: z.array(z.unknown()) }) });

function docsOf(body: unknown): Doc[] {
  const parsed = pdokReplySchema.safeParse(body);
  if (!parsed.success) throw new PdokError('PDOK: response without docs');
  return parsed.data.response.docs.filter((d): d is Doc => typeof d === 'object' && d !== null);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export interface PdokClient {
  suggest(text: string, signal?: AbortSignal): Promise<AddressSuggestion[]>;
  lookup(id: string, signal?: AbortSignal): Promise<PointWithAddress | null>;
  reverse(lat: number, lng: number, signal?: AbortSignal): Promise<NearestAddress | null>;
}

export function createPdokClient(base: string, fetchFn: FetchLike): PdokClient {
  async function get(url: string, signal: AbortSignal | undefined): Promise<Doc[]> {
    const res = await fetchFn(url, signal ? { signal } : {});
    if (!res.ok) throw new PdokError(`PDOK: HTTP ${res.status}`);
    return docsOf(await res.json());
  }

  return {
    async suggest(text, signal) {
      const docs = await get(suggestUrl(base, text), signal);
      return docs.flatMap((d) => {
        const id = str(d.id);
        const label = str(d.weergavenaam);
        return id && label ? [{ id, label, type: str(d.type) ?? '' }] : [];
      });
    },
    async lookup(id, signal) {
      const [doc] = await get(lookupUrl(base, id), signal);
      const point = parseWktPoint(doc?.centroide_ll);
      const address = str(doc?.weergavenaam);
      return point && address ? { ...point, address } : null;
    },
    async reverse(lat, lng, signal) {
      const [doc] = await get(reverseUrl(base, lat, lng), signal);
      const address = str(doc?.weergavenaam);
      if (!address) return null;
      const distance = doc?.afstand;
      return typeof distance === 'number' ? { address, distance } : { address };
    },
  };
}

export const PDOK_TIMEOUT_MS = 8000;

/**
 * A fetch that gives up after `ms`: a PDOK that does not answer (blocked host, bad connection) must
 * end in a message, not in a search that spins for ever. Aborts of the caller still abort.
 */
export function withTimeout(fetchFn: FetchLike, ms = PDOK_TIMEOUT_MS): FetchLike {
  return async (url, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    const onAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) onAbort();
    outer?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new PdokError('PDOK: no answer in time')), ms);
    try {
      return await fetchFn(url, { signal: controller.signal });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  };
}

/**
 * Hands out one AbortSignal at a time: asking for the next aborts the previous, so an answer to a
 * stale request (the resident typed on, or moved the pin again) is never applied.
 */
export function latestOnly(): { next(): AbortSignal; cancel(): void } {
  let current: AbortController | undefined;
  return {
    next() {
      current?.abort();
      current = new AbortController();
      return current.signal;
    },
    cancel() {
      current?.abort();
      current = undefined;
    },
  };
}

/** True for the rejection of an aborted fetch (DOMException "AbortError") or our own abort. */
export const isAbort = (err: unknown, signal?: AbortSignal): boolean =>
  signal?.aborted === true || (err instanceof Error && err.name === 'AbortError');
