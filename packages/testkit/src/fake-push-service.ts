import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A push service of the test's own (the role FCM or Mozilla's autopush play for a browser). It hands out
// subscriptions whose private keys it keeps, as a browser does; for each notice it checks the VAPID
// authorisation (RFC 8292: an ES256 JWT for the endpoint's origin, signed by the key in `k=`) and
// decrypts the aes128gcm body (RFC 8188 + RFC 8291). Nothing leaves this machine.

export interface FakeSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  endpoint: string;
  /** The decrypted payload, as text. */
  text: string;
  headers: Record<string, string | undefined>;
  /** The VAPID JWT's claims, the public key it was checked against, and the JWT itself. */
  vapid: { aud: string; sub: string; exp: number; publicKey: string; token: string };
}

interface Device {
  id: string;
  ecdh: ECDH;
  auth: Buffer;
  /** An answer other than 201 (410: the browser unsubscribed), for `times` requests (undefined: all). */
  answer?: { status: number; times: number | undefined };
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

/** RFC 8291 §3.4 and RFC 8188 §2: the one-record aes128gcm body a push service relays. */
export function decryptAes128gcm(body: Buffer, ua: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('aes128gcm: the last record has no 0x02 delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: `vapid t=<jwt>, k=<key>`; throws with the reason when the header does not hold. */
export function verifyVapid(
  header: string | undefined,
  endpoint: string,
  nowMs: number,
): ReceivedPush['vapid'] {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!m?.[1] || !m[2]) throw new Error(`no VAPID authorization: ${header ?? '(none)'}`);
  const [head, claims, signature] = m[1].split('.') as [string, string, string];
  const key = Buffer.from(m[2], 'base64url');
  if (key.length !== 65 || key[0] !== 4) throw new Error('k= is not an uncompressed P-256 key');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(key.subarray(1, 33)), y: b64url(key.subarray(33)) },
    format: 'jwk',
  });
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
  if (header_.alg !== 'ES256') throw new Error(`JWT alg ${header_.alg}, not ES256`);
  const signed = Buffer.from(`${head}.${claims}`);
  const ok = verify(
    'sha256',
    signed,
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('VAPID JWT signature does not verify');
  const c = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
    aud?: string;
    sub?: string;
    exp?: number;
  };
  if (c.aud !== new URL(endpoint).origin)
    throw new Error(`JWT aud ${c.aud}, not ${new URL(endpoint).origin}`);
  if (typeof c.exp !== 'number' || c.exp * 1000 <= nowMs) throw new Error('JWT expired or without exp');
  if (c.exp * 1000 > nowMs + 24 * 3600_000) throw new Error('JWT exp more than 24 hours ahead');
  if (!c.sub) throw new Error('JWT without sub');
  return { aud: c.aud, sub: c.sub, exp: c.exp, publicKey: m[2], token: m[1] };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class FakePushService {
  /** Every notice accepted (201), in the order received. */
  readonly received: ReceivedPush[] = [];
  /** Every request refused, with why (a bad signature, a body that does not decrypt, a 410). */
  readonly refused: { endpoint: string; status: number; why: string }[] = [];
  private readonly devices = new Map<string, Device>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly onReceived: ((push: ReceivedPush) => void) | undefined,
  ) {}

  /** `onReceived`: told of each accepted notice as it arrives (a benchmark times it). */
  static async start(options: { onReceived?: (push: ReceivedPush) => void } = {}): Promise<FakePushService> {
    let service: FakePushService | undefined;
    const server = createServer((req, res) => {
      void service?.handle(req).then(
        ({ status, why }) => res.writeHead(status, { 'content-type': 'text/plain' }).end(why ?? ''),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    service = new FakePushService(server, `http://127.0.0.1:${port}`, options.onReceived);
    return service;
  }

  /** A new device's subscription (what `pushManager.subscribe()` gives a browser). */
  subscribe(): FakeSubscription {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const device: Device = { id: randomUUID(), ecdh, auth: randomBytes(16) };
    this.devices.set(device.id, device);
    return {
      endpoint: `${this.url}/push/${device.id}`,
      keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(device.auth) },
    };
  }

  /** This endpoint answers `status` (410 Gone: the browser unsubscribed), the next `times` requests or all. */
  answer(endpoint: string, status: number, times?: number): void {
    const device = this.devices.get(endpoint.split('/').pop() ?? '');
    if (!device) throw new Error(`not a subscription of this push service: ${endpoint}`);
    device.answer = { status, times };
  }

  receivedBy(endpoint: string): ReceivedPush[] {
    return this.received.filter((r) => r.endpoint === endpoint);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; why?: string }> {
    const body = await readBody(req);
    const endpoint = `${this.url}${req.url ?? ''}`;
    const device = this.devices.get((req.url ?? '').replace(/^\/push\//, ''));
    const refuse = (status: number, why: string) => {
      this.refused.push({ endpoint, status, why });
      return { status, why };
    };
    if (req.method !== 'POST' || !device) return refuse(404, 'no such subscription');
    if (device.answer && device.answer.times !== 0) {
      if (device.answer.times !== undefined) device.answer.times--;
      return refuse(device.answer.status, 'told to');
    }
    let vapid: ReceivedPush['vapid'];
    try {
      vapid = verifyVapid(req.headers.authorization, endpoint, Date.now());
    } catch (err) {
      return refuse(403, String(err));
    }
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'not aes128gcm');
    if (!req.headers.ttl) return refuse(400, 'no TTL header');
    let text: string;
    try {
      text = decryptAes128gcm(body, device.ecdh, device.auth);
    } catch (err) {
      return refuse(400, `does not decrypt: ${String(err)}`);
    }
    const headers = Object.fromEntries(
      ['ttl', 'urgency', 'topic', 'content-encoding'].map((h) => [h, req.headers[h] as string | undefined]),
    );
    const push = { endpoint, text, headers, vapid };
    this.received.push(push);
    this.onReceived?.(push);
    return { status: 201 };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
