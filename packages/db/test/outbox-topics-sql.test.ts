import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { outboxTopicList } from '@buurtsignaal/core';
import { describe, expect, it } from 'vitest';

// Outbox topics are core's list (outboxTopics); SQL takes them as a parameter. A migration cannot
// import a constant: a topic it spells out (a trigger, a backfill) must be one of core's, word for word.

const root = join(import.meta.dirname, '../../..');
const topicLiteral = /'(melding\.[a-z_]+)'/g;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path, ext);
    return ext.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const literalsIn = (text: string) => [...text.matchAll(topicLiteral)].map((m) => m[1]);

/** The statements of a migration that touch the outbox (audit actions like 'melding.view' are no topics). */
const outboxStatements = (path: string) =>
  readFileSync(path, 'utf8')
    .split(/;|--> statement-breakpoint/)
    .filter((statement) => /outbox|topic/i.test(statement));

describe('outbox topics in SQL', () => {
  it("every topic a migration spells out is core's constant", () => {
    const migrations = files(join(root, 'packages/db/migrations'), /\.sql$/);
    expect(migrations.length).toBeGreaterThan(0);
    for (const path of migrations) {
      for (const statement of outboxStatements(path)) {
        for (const topic of literalsIn(statement)) expect(outboxTopicList, path).toContain(topic);
      }
    }
  });

  it('no source outside core spells a topic out: they take it from outboxTopics', () => {
    const sources = ['packages/db/src', 'packages/jobs/src', 'apps/api/src', 'apps/worker/src'].flatMap(
      (dir) => files(join(root, dir), /\.ts$/),
    );
    expect(sources.length).toBeGreaterThan(10);
    const found = sources.flatMap((path) =>
      literalsIn(readFileSync(path, 'utf8'))
        .filter((literal) => (outboxTopicList as readonly string[]).includes(literal ?? ''))
        .map((topic) => `${path}: ${topic}`),
    );
    expect(found).toEqual([]);
  });
});
