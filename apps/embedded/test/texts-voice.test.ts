import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One voice in every text a person reads, checked in one place: the text modules of the web app, the
// API, the mails and core. The resident is "u", the melding is "uw melding" or "de melding" — never
// "hem" or "haar" (both were in use) — and a mail greets without "Beste melder".

const root = fileURLToPath(new URL('../../..', import.meta.url));
const textModules = [
  'apps/web/src/texts',
  'apps/api/src/texts',
  'packages/mail/src/texts-nl.ts',
  'packages/core/src/texts-nl.ts',
  'packages/core/src/texts',
];

function files(path: string): string[] {
  const full = join(root, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(full, f));
}

/** The text a person reads: the string literals of a module, without its comments. */
function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\\n]|\\.)*)"/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

describe('one voice in all mails and pages', () => {
  const all = textModules.flatMap(files);

  it('reads every text module (the check cannot pass on nothing)', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    const words = all.flatMap((f) => literals(readFileSync(f, 'utf8')));
    expect(words.some((w) => w.includes('uw melding'))).toBe(true);
  });

  it('never calls a melding, a link or a text "hem" or "haar", and greets without "Beste melder"', () => {
    const found = all.flatMap((file) =>
      literals(readFileSync(file, 'utf8'))
        .filter((text) => /\b(hem|haar)\b/i.test(text) || /Beste melder/i.test(text))
        .map((text) => `${file.slice(root.length)}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});
