import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getTableName, isTable } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/schema.ts';

// One owning repository per table (src/tables/): it is the only place that writes the table. The
// queries (src/queries/) only read. The exception is the intake statement (tables/meldingen-intake.ts):
// one statement that stores a melding with its melder, attachments, first status event, outbox row and
// idempotency key, so that it is one transaction in one round trip. (The seeds in src/cli and seed.ts
// are dev tools and not checked.)

const src = join(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const tableOf = new Map<string, string>();
for (const [name, value] of Object.entries(schema)) {
  if (isTable(value)) tableOf.set(name, getTableName(value));
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The tables a source file writes: query-builder calls and raw INSERT/UPDATE/DELETE statements. */
function tablesWritten(text: string): Set<string> {
  const code = withoutComments(text);
  const written = new Set<string>();
  // `.insert(meldingen)`, and `const t = staffLoginThrottle; … .insert(t)`.
  const aliases = new Map([...code.matchAll(/const (\w+) = (\w+);/g)].map((m) => [m[1], m[2]]));
  for (const m of code.matchAll(/\.(?:insert|update|delete)\((\w+)\)/g)) {
    const ident = aliases.get(m[1] ?? '') ?? m[1] ?? '';
    const table = tableOf.get(ident);
    if (!table) throw new Error(`a write to ${ident}, which is not a schema table`);
    written.add(table);
  }
  for (const m of code.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM) (?:\$\{(\w+)\}|([a-z_]+))/gi)) {
    const table = m[1] ? tableOf.get(m[1]) : m[2];
    if (table && [...tableOf.values()].includes(table)) written.add(table);
  }
  return written;
}

const intake = 'tables/meldingen-intake.ts';
const intakeTables = ['attachments', 'idempotency_keys', 'melders', 'meldingen', 'outbox', 'status_events'];

describe('who writes which table', () => {
  const writers = new Map<string, string[]>();
  for (const path of files(src)) {
    const file = relative(src, path);
    if (file === 'schema.ts' || file === 'seed.ts' || file.startsWith('cli/')) continue;
    for (const table of tablesWritten(readFileSync(path, 'utf8'))) {
      writers.set(table, [...(writers.get(table) ?? []), file]);
    }
  }

  it('finds the writes (the scan works)', () => {
    expect(writers.get('meldingen')).toContain('tables/meldingen-repository.ts');
    expect(writers.get('stuck_jobs')).toEqual(['tables/stuck-jobs-repository.ts']);
  });

  it('has one repository in tables/ per written table, and the queries write nothing', () => {
    for (const [table, files] of writers) {
      const owners = files.filter((f) => !(f === intake && intakeTables.includes(table)));
      // melders and attachments: only the intake writes them.
      expect(owners.length, `${table}: ${owners.join(', ')}`).toBeLessThanOrEqual(1);
      for (const owner of owners) expect(owner, table).toMatch(/^tables\//);
    }
  });
});
