import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import sharp from 'sharp';

/**
 * The services outside this machine that the resident's browser talks to, answered locally in their
 * own formats: PDOK Locatieserver v3.1 (suggest, lookup, reverse) under /pdok and map tiles under
 * /tiles/{z}/{x}/{y}.png. Every request is recorded, so that a test can prove the form used them.
 */

export interface FakeAddress {
  id: string;
  weergavenaam: string;
  lat: number;
  lng: number;
  gemeentenaam: string;
}

export const fakeAddresses: FakeAddress[] = [
  {
    id: 'adr-soest-1',
    weergavenaam: 'Steenhoffstraat 46, 3764BM Soest',
    lat: 52.1733,
    lng: 5.2917,
    gemeentenaam: 'Soest',
  },
  {
    id: 'adr-soest-2',
    weergavenaam: 'Steenhoffstraat 10, 3764BH Soest',
    lat: 52.1741,
    lng: 5.2931,
    gemeentenaam: 'Soest',
  },
  {
    id: 'adr-soest-3',
    weergavenaam: 'Van Weedestraat 1, 3761CA Soest',
    lat: 52.1745,
    lng: 5.2988,
    gemeentenaam: 'Soest',
  },
  {
    id: 'adr-soesterberg-1',
    weergavenaam: 'Rademakerstraat 2, 3769BD Soesterberg',
    lat: 52.1185,
    lng: 5.2868,
    gemeentenaam: 'Soest',
  },
  // Outside the municipality: the form must refuse it.
  {
    id: 'adr-amersfoort-1',
    weergavenaam: 'Stationsplein 1, 3818LE Amersfoort',
    lat: 52.1535,
    lng: 5.3735,
    gemeentenaam: 'Amersfoort',
  },
];

export interface RecordedRequest {
  path: string;
  query: Record<string, string | string[]>;
  /** The Referer the browser sent, if any (status links must never leak through it). */
  referer: string | undefined;
}

/** How a fake service answers: as the real one, with 503, or never (the request hangs). */
export type ExternalMode = 'ok' | 'unavailable' | 'hang';

export interface FakeExternals {
  url: string;
  /** Lets PDOK and/or the tile server fail until set back to 'ok' (a test sets and resets it). */
  setMode(mode: { pdok?: ExternalMode; tiles?: ExternalMode }): void;
  pdokUrl: string;
  tileUrl: string;
  requests: RecordedRequest[];
  pdokRequests(kind: 'suggest' | 'lookup' | 'reverse'): RecordedRequest[];
  close(): Promise<void>;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

const distance = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111_000, (a.lng - b.lng) * 68_000);

function pdok(url: URL): unknown {
  const kind = url.pathname.replace(/^\/pdok\/?/, '');
  if (kind === 'suggest') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase().trim();
    // Honour a `gemeentenaam:<naam>` filter query as PDOK does.
    const gemeente = url.searchParams
      .getAll('fq')
      .map((fq) => /^gemeentenaam:(.+)$/.exec(fq)?.[1])
      .find((g) => g !== undefined);
    const docs = fakeAddresses
      .filter((a) => q.length > 0 && a.weergavenaam.toLowerCase().includes(q))
      .filter((a) => gemeente === undefined || a.gemeentenaam === gemeente)
      .map((a, i) => ({ type: 'adres', weergavenaam: a.weergavenaam, id: a.id, score: 10 - i }));
    return { response: { numFound: docs.length, start: 0, maxScore: 10, docs }, highlighting: {} };
  }
  if (kind === 'lookup') {
    const a = fakeAddresses.find((x) => x.id === url.searchParams.get('id'));
    const docs = a
      ? [
          {
            id: a.id,
            type: 'adres',
            weergavenaam: a.weergavenaam,
            centroide_ll: `POINT(${a.lng} ${a.lat})`,
            gemeentenaam: a.gemeentenaam,
          },
        ]
      : [];
    return { response: { numFound: docs.length, start: 0, maxScore: 1, docs } };
  }
  if (kind === 'reverse') {
    const at = { lat: Number(url.searchParams.get('lat')), lng: Number(url.searchParams.get('lon')) };
    const nearest = [...fakeAddresses].sort((a, b) => distance(a, at) - distance(b, at))[0];
    // The parts of the address as PDOK gives them (the worker asks for them with `fl`).
    const parts = /^(.+?) (\d+)([a-zA-Z]?), (\d{4}[A-Z]{2}) (.+)$/.exec(nearest?.weergavenaam ?? '');
    const docs = nearest
      ? [
          {
            type: 'adres',
            weergavenaam: nearest.weergavenaam,
            id: nearest.id,
            afstand: Math.round(distance(nearest, at)),
            ...(parts
              ? {
                  straatnaam: parts[1],
                  huisnummer: Number(parts[2]),
                  ...(parts[3] ? { huisletter: parts[3] } : {}),
                  postcode: parts[4],
                  woonplaatsnaam: parts[5],
                }
              : {}),
          },
        ]
      : [];
    return { response: { numFound: docs.length, start: 0, maxScore: 1, docs } };
  }
  return undefined;
}

export async function startFakeExternals(): Promise<FakeExternals> {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#e8eee4' } })
    .png()
    .toBuffer();
  const requests: RecordedRequest[] = [];
  const modes: { pdok: ExternalMode; tiles: ExternalMode } = { pdok: 'ok', tiles: 'ok' };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({ path: url.pathname, query: queryOf(url), referer: req.headers.referer });
    // The browser calls these from the web app's origin.
    res.setHeader('access-control-allow-origin', '*');
    const mode = url.pathname.startsWith('/tiles/') ? modes.tiles : modes.pdok;
    if (mode === 'hang') return; // never answered; close() cuts the connection
    if (mode === 'unavailable') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    if (url.pathname.startsWith('/tiles/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' }).end(tile);
      return;
    }
    const body = url.pathname.startsWith('/pdok/') ? pdok(url) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('fake externals have no port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    pdokUrl: `${url}/pdok`,
    tileUrl: `${url}/tiles/{z}/{x}/{y}.png`,
    setMode(mode) {
      Object.assign(modes, mode);
    },
    requests,
    pdokRequests: (kind) => requests.filter((r) => r.path === `/pdok/${kind}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
