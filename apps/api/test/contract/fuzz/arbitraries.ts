import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.ts';

// Values for a JSON schema: mostly valid (so that a request gets past validation and reaches the
// handler and the database), with hostile values mixed in at every level — wrong types, control
// characters and NUL, huge strings, deep nesting, bad UUIDs and dates.

/** Real values per field or parameter name (ids of rows that exist), so that handlers get to work. */
export type Examples = Record<string, readonly unknown[]>;

const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f'];

const oddStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  '\u0001\u0002\u001b[31m\u007f',
  '\t\n\r',
  '\ud800',
  '\udfff\ud800',
  '\uffff\ufffe',
  '\u202egnp.exe',
  '%00',
  '%zz',
  '%ff%fe%ed%a0%80',
  '../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE meldingen; --',
  '\\',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '-1',
  '0x10',
  '99999999999999999999999999',
  '2026-02-30T25:61:61Z',
  '2026-13-45',
  '0000-00-00T00:00:00Z',
  '2026-03-29T02:30:00+01:00',
  '275760-09-13T00:00:00.001Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-fffffffffffg',
  '{{uuid}}',
  'null',
  'true',
  '[]',
  '{}',
  'SOE-2026-000001',
  '8919691890bffff',
  'zzzzzzzzzzzzzzz',
  '2026-W53',
  '2026-W00',
  '180,90,-180,-90',
  'NaN,NaN,NaN,NaN',
  'open,gemeld,,',
];

const deep = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};

const hugeString = fc
  .tuple(fc.integer({ min: 5_000, max: 300_000 }), fc.constantFrom('x', 'é', '\u0000', '😀'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...oddStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  {
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
    weight: 2,
  },
  { arbitrary: fc.integer({ min: 2, max: 3_000 }).map((d) => deep(d, 'array')), weight: 1 },
  { arbitrary: fc.integer({ min: 2, max: 3_000 }).map((d) => deep(d, 'object')), weight: 1 },
  {
    arbitrary: fc.constantFrom({}, [], [null], { __proto__: null }, { constructor: { prototype: {} } }),
    weight: 1,
  },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), weight: 1 },
);

/** A string as `valid` would give it, with one control character put somewhere inside. */
const withControlCharacter = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, fc.constantFrom(...CONTROL_CHARACTERS), fc.nat()).map(([s, c, at]) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    return s.slice(0, i) + c + s.slice(i);
  });

const typesOf = (schema: JsonSchema): string[] => {
  const t = schema.type;
  if (Array.isArray(t)) return t as string[];
  return typeof t === 'string' ? [t] : [];
};

/** Whether an example has the schema's type (and is one of its enum values): a name can mean several fields. */
function fits(example: unknown, schema: JsonSchema): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(example);
  const types = typesOf(schema);
  if (types.length === 0) return !('anyOf' in schema || 'oneOf' in schema);
  const kind = Array.isArray(example) ? 'array' : example === null ? 'null' : typeof example;
  return types.some((t) => t === kind || ((t === 'integer' || t === 'number') && kind === 'number'));
}

export interface ArbitraryOptions {
  examples: Examples;
  /** Chance in percent that a value (at any level) is replaced by a hostile one. */
  hostility: number;
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = Math.min((schema.maxLength as number | undefined) ?? 80, 200);
  let generated: fc.Arbitrary<string>;
  if (schema.format === 'uuid') generated = fc.uuid();
  else if (schema.format === 'date-time') {
    generated = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2025-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  } else if (schema.format === 'email') generated = fc.emailAddress();
  else if (typeof schema.pattern === 'string') {
    generated = fc.stringMatching(new RegExp(schema.pattern), { size: 'small' });
  } else generated = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  return generated;
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = (schema.minimum as number | undefined) ?? -1_000_000;
  const max = (schema.maximum as number | undefined) ?? 1_000_000;
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function validObject(schema: JsonSchema, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, prop] of Object.entries(properties)) shape[key] = valueFor(prop, key, options, depth + 1);
  const record = fc.record(shape, { requiredKeys: required.filter((k) => k in shape) });
  const extra = schema.additionalProperties;
  if (typeof extra === 'object' && extra !== null && Object.keys(properties).length === 0) {
    return fc.dictionary(
      fc.oneof(fc.string({ maxLength: 20 }), hostileString),
      valueFor(extra as JsonSchema, '', options, depth + 1),
      { maxKeys: 5 },
    );
  }
  // Now and then an unknown key: strict objects must refuse it with a 400.
  const unknownKey = fc.oneof(
    { arbitrary: fc.constant(null), weight: 100 - options.hostility },
    { arbitrary: fc.tuple(hostileString, hostileValue), weight: options.hostility },
  );
  return fc.tuple(record, unknownKey).map(([r, more]) => {
    if (!more) return r;
    return { ...(r as object), [more[0].slice(0, 100)]: more[1] };
  });
}

function validValue(
  schema: JsonSchema,
  name: string,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const known = (options.examples[name] ?? []).filter((example) => fits(example, schema));
  if (known.length > 0) {
    const generated = validValue(schema, '', options, depth);
    return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 9 }, { arbitrary: generated, weight: 1 });
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => valueFor(s, name, options, depth)));
  }
  const types = typesOf(schema);
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => valueFor({ ...schema, type }, name, options, depth)));
  }
  switch (types[0]) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      return fc.array(valueFor(items, name, options, depth + 1), {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 5, 5),
      });
    }
    case 'object':
      return validObject(schema, options, depth);
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

/** How many values a schema is made of: an operation with more inputs gets more requests. */
export function leafCount(schema: unknown): number {
  if (typeof schema !== 'object' || schema === null) return 0;
  const s = schema as JsonSchema;
  if (s.properties && typeof s.properties === 'object') {
    return Object.values(s.properties as Record<string, unknown>).reduce<number>(
      (n, p) => n + leafCount(p),
      0,
    );
  }
  if (s.items) return leafCount(s.items);
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (alternatives) return Math.max(1, ...alternatives.map(leafCount));
  return 1;
}

/** Valid most of the time; a hostile value (or a valid string with a control character) otherwise. */
export function valueFor(
  schema: JsonSchema,
  name: string,
  options: ArbitraryOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validValue(schema, name, options, depth);
  const stringy = typesOf(schema).includes('string') && !Array.isArray(schema.enum);
  const hostile: fc.Arbitrary<unknown> = stringy
    ? fc.oneof(hostileValue, withControlCharacter(valid as fc.Arbitrary<string>))
    : hostileValue;
  return fc.oneof(
    { arbitrary: valid, weight: 100 - options.hostility },
    { arbitrary: hostile, weight: options.hostility },
  );
}
