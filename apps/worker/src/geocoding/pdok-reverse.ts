import type { FoundAddress } from '@buurtsignaal/db/tables/melding-addresses-repository';
import { z } from 'zod';

/**
 * PDOK Locatieserver v3.1 reverse geocoding: the address nearest to a WGS84 point.
 * GET {base}/reverse?lat=..&lon=..&type=adres&rows=1&fl=.. answers Solr-style:
 * `{ response: { numFound, docs: [{ straatnaam, huisnummer, huisletter, huisnummertoevoeging,
 * postcode, woonplaatsnaam, afstand, ... }] } }`.
 */

// Only the fields we store; v3.1 refuses query parameters its OpenAPI description does not list.
const fields = [
  'straatnaam',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'postcode',
  'woonplaatsnaam',
  'afstand',
] as const;

const text = z.string().trim().min(1).optional().catch(undefined);
const docSchema = z.object({
  straatnaam: z.string().trim().min(1),
  huisnummer: z.coerce.number().int().positive().optional().catch(undefined),
  huisletter: text,
  huisnummertoevoeging: text,
  postcode: text,
  woonplaatsnaam: text,
  afstand: z.coerce.number().nonnegative().optional().catch(undefined),
});
const responseSchema = z.object({
  response: z.object({ numFound: z.number().int(), docs: z.array(z.unknown()) }),
});

/** PDOK did not answer usefully (down, slow, 5xx, 429): worth another try later. */
export class PdokUnavailable extends Error {
  override name = 'PdokUnavailable';
}

/** PDOK refused the request itself (4xx) or answered in another shape: trying again will not help. */
export class PdokRefused extends Error {
  override name = 'PdokRefused';
}

export interface ReverseOptions {
  /** PDOK Locatieserver v3.1 base, without a trailing slash (…/bzk/locatieserver/search/v3_1). */
  baseUrl: string;
  timeoutMs: number;
}

export function reverseUrl(baseUrl: string, lat: number, lng: number): string {
  const params = new URLSearchParams({
    lat: String(lat),
    lon: String(lng),
    type: 'adres',
    rows: '1',
    fl: fields.join(' '),
  });
  return `${baseUrl}/reverse?${params}`;
}

/** The nearest address, or null when PDOK knows none near the point. Throws PdokUnavailable/Refused. */
export async function pdokReverse(
  options: ReverseOptions,
  lat: number,
  lng: number,
): Promise<FoundAddress | null> {
  let res: Response;
  try {
    res = await fetch(reverseUrl(options.baseUrl, lat, lng), {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    // Connection refused, DNS, timeout: the cause's code only (no URL with the point in logs).
    const code = (err as { cause?: { code?: unknown } }).cause?.code ?? (err as Error).name;
    throw new PdokUnavailable(`PDOK reverse not reachable (${String(code)})`);
  }
  if (res.status >= 500 || res.status === 429 || res.status === 408) {
    await res.body?.cancel();
    throw new PdokUnavailable(`PDOK reverse answered ${res.status}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new PdokRefused(`PDOK reverse answered ${res.status}`);
  }
  const body = responseSchema.safeParse(await res.json().catch(() => undefined));
  if (!body.success) throw new PdokRefused('PDOK reverse answered in an unknown shape');
  const first = body.data.response.docs[0];
  if (first === undefined) return null;
  const doc = docSchema.safeParse(first);
  if (!doc.success) return null;
  const d = doc.data;
  return {
    street: d.straatnaam,
    houseNumber: d.huisnummer ?? null,
    houseLetter: d.huisletter ?? null,
    houseNumberAddition: d.huisnummertoevoeging ?? null,
    postcode: d.postcode ?? null,
    woonplaats: d.woonplaatsnaam ?? null,
    distanceM: d.afstand ?? null,
  };
}
