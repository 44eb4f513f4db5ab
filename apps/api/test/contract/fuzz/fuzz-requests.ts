import fc from 'fast-check';
import { MELDING_FIELD } from '../../../src/intake/multipart-intake.ts';
import { type ArbitraryOptions, hostileString, hostileValue, valueFor } from './arbitraries.ts';
import type { Operation } from './openapi-operations.ts';

/** One request of the fuzz run, still without the session it will be sent with. */
export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** 'session': the CSRF token of the session it is sent with; otherwise this value. */
  csrf: 'session' | string;
  /** Replaces the session cookie when set (a forged or broken cookie). */
  cookie?: string;
  payload?: string | Buffer;
}

const asParam = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser would send it). */
const encode = (s: string): string =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

/** A path parameter: percent-encoded mostly; now and then as it is (raw `%`, `/`, `?`). */
const pathValue = (arb: fc.Arbitrary<unknown>) =>
  fc.tuple(arb, fc.nat(9)).map(([v, n]) => (n === 0 ? asParam(v).slice(0, 200) : encode(asParam(v))));

const brokenJson = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"x"',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"__proto__":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
];

const otherTypes = [
  'text/xml',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/jsonx',
  '',
];

const jsonBody = (arb: fc.Arbitrary<unknown>) =>
  fc.oneof(
    {
      arbitrary: arb.map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? 'null' })),
      weight: 12,
    },
    {
      arbitrary: fc.constantFrom(...brokenJson).map((body) => ({ type: 'application/json', body })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...otherTypes), hostileString)
        .map(([type, body]) => ({ type, body })),
      weight: 1,
    },
  );

interface PartSpec {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer;
}

function multipartBody(boundary: string, parts: readonly PartSpec[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const type = p.type === undefined ? '' : `\r\nContent-Type: ${p.type}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      p.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A multipart body as the intake reads it (the melding as JSON in one field, photos as files), or broken. */
const multipart = (arb: fc.Arbitrary<unknown>, photos: readonly Buffer[]) =>
  fc
    .record({
      melding: fc.oneof(
        { arbitrary: arb.map((v) => JSON.stringify(v) ?? 'null'), weight: 8 },
        { arbitrary: hostileString, weight: 2 },
      ),
      meldingAsFile: fc.boolean(),
      skipMelding: fc.nat(12).map((n) => n === 0),
      files: fc.array(
        fc.oneof(
          fc.constantFrom(...photos),
          fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)),
          fc.constant(Buffer.alloc(0)),
        ),
        { maxLength: 5 },
      ),
      fileNames: fc.constantFrom('foto.jpg', '', '../../x.jpg', 'a\u0000b.jpg', 'é"\r\n.png'),
      broken: fc.constantFrom(
        'none',
        'none',
        'none',
        'none',
        'no-boundary',
        'truncate',
        'wrong-boundary',
        'long-boundary',
        'empty-boundary',
        'garbage',
      ),
      cutAt: fc.nat(),
    })
    .map((m) => {
      const boundary = 'fuzzboundary1234567890';
      const parts: PartSpec[] = [];
      if (!m.skipMelding) {
        parts.push(
          m.meldingAsFile
            ? {
                name: MELDING_FIELD,
                filename: 'melding.json',
                type: 'application/json',
                data: Buffer.from(m.melding),
              }
            : { name: MELDING_FIELD, data: Buffer.from(m.melding) },
        );
      }
      m.files.forEach((data, i) => {
        parts.push({ name: 'photos', filename: `${i}-${m.fileNames}`, type: 'image/jpeg', data });
      });
      let body = multipartBody(boundary, parts);
      let type = `multipart/form-data; boundary=${boundary}`;
      switch (m.broken) {
        case 'no-boundary':
          type = 'multipart/form-data';
          break;
        case 'truncate':
          body = body.subarray(0, m.cutAt % Math.max(1, body.length));
          break;
        case 'wrong-boundary':
          type = 'multipart/form-data; boundary=another';
          break;
        case 'long-boundary':
          type = `multipart/form-data; boundary=${'b'.repeat(300)}`;
          break;
        case 'empty-boundary':
          type = 'multipart/form-data; boundary=';
          break;
        case 'garbage':
          body = Buffer.from(`--${boundary}\r\nnonsense\r\n\r\n\u0000\u0000--${boundary}`);
          break;
      }
      return { type, body };
    });

export interface RequestOptions extends ArbitraryOptions {
  /** Valid photos (and photo-like bytes) for multipart bodies. */
  photos: readonly Buffer[];
}

/** Requests for one operation: its parameters and body generated from its schemas. */
export function requestsFor(op: Operation, options: RequestOptions): fc.Arbitrary<FuzzRequest> {
  const path = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'path')
      .map((p) => [p.name, pathValue(valueFor(p.schema, p.name, options))]),
  );
  const query = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'query')
      .map((p) => {
        const value = valueFor(p.schema, p.name, options).map(asParam);
        const repeated = fc.array(value, { minLength: 2, maxLength: 3 });
        const arb = fc.oneof({ arbitrary: value, weight: 9 }, { arbitrary: repeated, weight: 1 });
        return [p.name, p.required ? arb : fc.option(arb, { nil: undefined, freq: 2 })]; // absent 1 in 2
      }),
  );
  const headers = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'header' && p.name !== 'x-csrf-token')
      .map((p) => [
        p.name,
        fc.option(valueFor(p.schema, p.name, options).map(asParam), { nil: undefined, freq: 3 }),
      ]), // absent 1 in 3
  );
  const bodyKinds: fc.Arbitrary<{ type: string; body: string | Buffer } | undefined>[] = [];
  const json = op.bodies['application/json'];
  if (json) bodyKinds.push(jsonBody(valueFor(json, '', options)));
  const form = op.bodies['multipart/form-data'];
  if (form) bodyKinds.push(multipart(valueFor(form, '', options), options.photos));
  if (bodyKinds.length === 0) {
    bodyKinds.push(fc.constant(undefined), fc.constant(undefined), fc.constant(undefined));
    bodyKinds.push(hostileValue.map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? '' })));
  }
  return fc
    .record({
      path: fc.record(path),
      query: fc.record(query),
      headers: fc.record(headers),
      body: fc.oneof(...bodyKinds),
      csrf: fc.oneof(
        { arbitrary: fc.constant('session' as const), weight: 100 - options.hostility },
        { arbitrary: hostileString, weight: options.hostility },
      ),
      cookie: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 200 - options.hostility },
        { arbitrary: hostileString, weight: options.hostility },
      ),
    })
    .map((r) => {
      const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => String(r.path[name]));
      const cleanQuery = Object.fromEntries(
        Object.entries(r.query).filter(([, v]) => v !== undefined),
      ) as Record<string, string | string[]>;
      const headerValues = Object.fromEntries(
        Object.entries(r.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      if (r.body) headerValues['content-type'] = r.body.type;
      return {
        method: op.method,
        url,
        query: cleanQuery,
        headers: headerValues,
        csrf: r.csrf,
        ...(r.cookie === undefined ? {} : { cookie: r.cookie }),
        ...(r.body ? { payload: r.body.body } : {}),
      };
    });
}

/** A request as text that can be sent again (long values shortened, with their length). */
export function describeRequest(request: FuzzRequest, auth: string): string {
  const shorten = (s: string) =>
    s.length > 300 ? `${JSON.stringify(s.slice(0, 300))}…(${s.length} chars)` : JSON.stringify(s);
  const payload =
    request.payload === undefined
      ? ''
      : Buffer.isBuffer(request.payload)
        ? ` payload(base64)=${shorten(request.payload.toString('base64'))}`
        : ` payload=${shorten(request.payload)}`;
  return (
    `[${auth}] ${request.method} ${request.url} query=${shorten(JSON.stringify(request.query))} ` +
    `headers=${shorten(JSON.stringify(request.headers))} csrf=${shorten(request.csrf)}` +
    `${request.cookie === undefined ? '' : ` cookie=${shorten(request.cookie)}`}${payload}`
  );
}
