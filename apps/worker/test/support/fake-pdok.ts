import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for PDOK Locatieserver v3.1 reverse, answering in PDOK's format: the address nearest to
 * the point from a fixed list. It can answer 503, or be down altogether (connection refused) and come
 * back on the same port.
 */
export interface FakePdokAddress {
  lat: number;
  lng: number;
  straatnaam: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  postcode: string;
  woonplaatsnaam: string;
}

export const soestAddresses: FakePdokAddress[] = [
  {
    lat: 52.17331,
    lng: 5.29172,
    straatnaam: 'Steenhoffstraat',
    huisnummer: 46,
    huisletter: 'a',
    postcode: '3764BM',
    woonplaatsnaam: 'Soest',
  },
  {
    lat: 52.1745,
    lng: 5.2988,
    straatnaam: 'Van Weedestraat',
    huisnummer: 1,
    postcode: '3761CA',
    woonplaatsnaam: 'Soest',
  },
];

const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111_000, (a.lng - b.lng) * 68_000);

export class FakePdok {
  mode: 'ok' | 'unavailable' = 'ok';
  readonly requests: URL[] = [];
  private server: Server | undefined;
  private port = 0;

  static async start(): Promise<FakePdok> {
    const pdok = new FakePdok();
    await pdok.listen();
    return pdok;
  }

  /** The base URL as PDOK_LOCATIESERVER_URL would hold it. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/bzk/locatieserver/search/v3_1`;
  }

  reverseRequests(): URL[] {
    return this.requests.filter((u) => u.pathname.endsWith('/reverse'));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://pdok.test');
    this.requests.push(url);
    if (this.mode === 'unavailable') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    if (!url.pathname.endsWith('/v3_1/reverse')) {
      res.writeHead(404).end();
      return;
    }
    const point = { lat: Number(url.searchParams.get('lat')), lng: Number(url.searchParams.get('lon')) };
    const fl = (url.searchParams.get('fl') ?? '').split(/[ ,]+/).filter(Boolean);
    const docs = soestAddresses
      .map((a) => ({ a, afstand: Math.round(metres(a, point) * 10) / 10 }))
      .sort((x, y) => x.afstand - y.afstand)
      .slice(0, Number(url.searchParams.get('rows') ?? 10))
      .map(({ a, afstand }) => {
        const doc: Record<string, unknown> = {
          type: 'adres',
          weergavenaam: `${a.straatnaam} ${a.huisnummer}${a.huisletter ?? ''}, ${a.postcode} ${a.woonplaatsnaam}`,
          id: `adr-${a.postcode}-${a.huisnummer}`,
          straatnaam: a.straatnaam,
          huisnummer: a.huisnummer,
          postcode: a.postcode,
          woonplaatsnaam: a.woonplaatsnaam,
          afstand,
          score: 1,
          ...(a.huisletter ? { huisletter: a.huisletter } : {}),
          ...(a.huisnummertoevoeging ? { huisnummertoevoeging: a.huisnummertoevoeging } : {}),
        };
        // As Solr does: only the fields asked for (fl), when asked.
        return fl.length ? Object.fromEntries(Object.entries(doc).filter(([k]) => fl.includes(k))) : doc;
      });
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        response: { numFound: docs.length, start: 0, maxScore: 1, numFoundExact: true, docs },
      }),
    );
  }

  /** Listens (again) on the same port. */
  async listen(): Promise<void> {
    const server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: nothing listens on the port (connection refused) until listen() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
