import { describe, expect, it } from 'vitest';
import {
  createPdokClient,
  type FetchLike,
  isAbort,
  latestOnly,
  lookupUrl,
  parseWktPoint,
  reverseUrl,
  suggestUrl,
  withTimeout,
} from './pdok-client.ts';

const BASE = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

/** A stand-in for PDOK (outside our system): records the URLs and answers with the given bodies. */
function fakePdok(...bodies: unknown[]) {
  const urls: string[] = [];
  const fetchFn: FetchLike = async (url) => {
    urls.push(url);
    const body = bodies.shift();
    return body instanceof Error
      ? Promise.reject(body)
      : { ok: body !== 500, status: body === 500 ? 500 : 200, json: async () => body };
  };
  return { urls, fetchFn };
}

const params = (url: string) => new URL(url, 'http://x').searchParams;

describe('parseWktPoint', () => {
  it('reads PDOK centroide_ll as lon lat', () => {
    expect(parseWktPoint('POINT(5.2917 52.1733)')).toEqual({ lat: 52.1733, lng: 5.2917 });
  });
  it('accepts spacing, case, negative numbers and exponents', () => {
    expect(parseWktPoint(' point ( -0.5   51.5e0 ) ')).toEqual({ lat: 51.5, lng: -0.5 });
  });
  it('refuses anything that is not a valid point', () => {
    for (const bad of [
      undefined,
      42,
      '',
      'POINT(5.29)',
      'POINT(5 52 3)',
      'LINESTRING(1 2, 3 4)',
      'POINT(200 52)',
    ]) {
      expect(parseWktPoint(bad)).toBeNull();
    }
  });
});

describe('URLs', () => {
  it('suggest asks for at most 7 addresses or streets in Soest', () => {
    const url = suggestUrl(`${BASE}/`, ' Steenhoffstraat 46 ');
    expect(url.startsWith(`${BASE}/suggest?`)).toBe(true);
    const p = params(url);
    expect(p.get('q')).toBe('Steenhoffstraat 46');
    expect(p.getAll('fq')).toEqual(['gemeentenaam:Soest', 'type:(adres OR weg)']);
    expect(p.get('rows')).toBe('7');
  });
  it('encodes the query text, so & and # cannot break the URL', () => {
    expect(params(suggestUrl(BASE, 'a&b#c')).get('q')).toBe('a&b#c');
  });
  it('lookup asks for the fields it uses', () => {
    const url = lookupUrl('/pdok', 'adr-1234');
    expect(url.startsWith('/pdok/lookup?')).toBe(true);
    expect(params(url).get('id')).toBe('adr-1234');
    expect(params(url).get('fl')).toBe('id,weergavenaam,centroide_ll,type');
  });
  it('reverse asks for the one nearest address, coordinates rounded', () => {
    const p = params(reverseUrl(BASE, 52.173312345678, 5.29171234567));
    expect(Object.fromEntries(p)).toEqual({ lat: '52.173312', lon: '5.291712', rows: '1', type: 'adres' });
  });
});

describe('createPdokClient', () => {
  it('suggest maps docs to suggestions and skips incomplete ones', async () => {
    const { urls, fetchFn } = fakePdok({
      response: {
        docs: [{ id: 'a1', type: 'adres', weergavenaam: 'Steenhoffstraat 46, 3764BN Soest' }, { id: 'x' }],
      },
    });
    const found = await createPdokClient(BASE, fetchFn).suggest('steenh');
    expect(found).toEqual([{ id: 'a1', type: 'adres', label: 'Steenhoffstraat 46, 3764BN Soest' }]);
    expect(urls).toEqual([suggestUrl(BASE, 'steenh')]);
  });
  it('lookup returns the point and address, or null without a usable point', async () => {
    const { fetchFn } = fakePdok(
      {
        response: {
          docs: [{ id: 'a1', weergavenaam: 'Kerkebuurt 1, Soest', centroide_ll: 'POINT(5.2917 52.1733)' }],
        },
      },
      { response: { docs: [{ id: 'a1', weergavenaam: 'Kerkebuurt 1, Soest' }] } },
      { response: { docs: [] } },
    );
    const client = createPdokClient(BASE, fetchFn);
    expect(await client.lookup('a1')).toEqual({ lat: 52.1733, lng: 5.2917, address: 'Kerkebuurt 1, Soest' });
    expect(await client.lookup('a1')).toBeNull();
    expect(await client.lookup('a1')).toBeNull();
  });
  it('reverse returns the nearest address with its distance', async () => {
    const { fetchFn } = fakePdok(
      { response: { docs: [{ weergavenaam: 'Kerkebuurt 1, Soest', afstand: 12.5 }] } },
      { response: { docs: [] } },
    );
    const client = createPdokClient(BASE, fetchFn);
    expect(await client.reverse(52.17, 5.29)).toEqual({ address: 'Kerkebuurt 1, Soest', distance: 12.5 });
    expect(await client.reverse(52.17, 5.29)).toBeNull();
  });
  it('rejects on an HTTP error, a malformed body or a network failure', async () => {
    const { fetchFn } = fakePdok(500, { unexpected: true }, new TypeError('Failed to fetch'));
    const client = createPdokClient(BASE, fetchFn);
    await expect(client.suggest('kerk')).rejects.toThrow('HTTP 500');
    await expect(client.suggest('kerk')).rejects.toThrow('without docs');
    await expect(client.suggest('kerk')).rejects.toThrow('Failed to fetch');
  });
});

describe('latestOnly', () => {
  it('aborts the previous signal when the next is taken, and on cancel', () => {
    const requests = latestOnly();
    const first = requests.next();
    const second = requests.next();
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    requests.cancel();
    expect(second.aborted).toBe(true);
  });
});

describe('withTimeout', () => {
  // A fetch that answers only when aborted, as a hanging PDOK does.
  const hanging: FetchLike = (_url, init) =>
    new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });

  it('gives up on a PDOK that does not answer, with an error that is not an abort', async () => {
    const signal = new AbortController().signal;
    const client = createPdokClient(BASE, withTimeout(hanging, 20));
    const err = await client.suggest('Steenhoff', signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(isAbort(err, signal)).toBe(false);
  });

  it('still passes the caller’s abort on', async () => {
    const controller = new AbortController();
    const pending = withTimeout(hanging, 60_000)('x', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(isAbort(await pending, controller.signal)).toBe(true);
  });
});
