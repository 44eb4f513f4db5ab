import {
  defaultTeams,
  type ShiftPattern,
  soestRosterTeams,
  soestRoutingRules,
  soestShiftPatterns,
  starterHotspotRule,
  starterStandardTexts,
} from '@buurtsignaal/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { hotspotRules, standardTexts, teams } from './schema.ts';
import { insertRoutingRule } from './tables/routing-rules-repository.ts';
import { fillSeededPatternMembers, seedMembersOf } from './tables/seeded-pattern-members.ts';
import { insertShiftPatternIfAbsent } from './tables/shift-patterns-repository.ts';

/** The seeded patterns start on this local date (before any date the demo or the tests use). */
const SEED_PATTERNS_FROM = '2026-01-01';

async function seedTeams(db: DbOrTx, at: Date): Promise<void> {
  const rosterIds = new Set(soestRosterTeams.map((t) => t.id));
  const rows = [
    ...soestRosterTeams.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      coverage: t.coverage,
      active: t.active,
    })),
    ...defaultTeams.filter((t) => !rosterIds.has(t.id)).map((t) => ({ id: t.id, name: t.name })),
  ];
  // A team of an installation from before rosters (kind still 'other') gets Soest's kind and hours once;
  // after that the coordinator's settings stay.
  await db
    .insert(teams)
    .values(rows.map((r) => ({ ...r, createdAt: at, updatedAt: at })))
    .onConflictDoUpdate({
      target: teams.id,
      set: {
        kind: sql`excluded.kind`,
        coverage: sql`excluded.coverage`,
        updatedAt: sql`excluded.updated_at`,
      },
      where: sql`${teams.kind} = 'other' and excluded.kind <> 'other'`,
    });
}

async function seedPatterns(db: DbOrTx, at: Date): Promise<void> {
  const boa = await seedMembersOf(db, 'boa-team');
  const politie = await seedMembersOf(db, 'politie-basisteam');
  const patterns: ShiftPattern[] = soestShiftPatterns({ boa, politie, validFrom: SEED_PATTERNS_FROM });
  for (const p of patterns) await insertShiftPatternIfAbsent(db, p, at);
  // Accounts made after the first seed (demo accounts, user:create) join a seeded pattern left empty.
  await fillSeededPatternMembers(db, at);
}

/**
 * Reference data every installation needs, safe to run on every start: Soest's teams (kind, expected
 * hours), the boa-team's day and evening shift and the police's shifts around the clock, and Soest's
 * routing rules as version 1. Never overwrites what a coordinator changed. Shift instances are
 * generated from the patterns by the worker (generateShiftInstancesAhead), and by `db:seed`.
 */
export async function seedReferenceData(db: DbOrTx, at: Date = new Date()): Promise<void> {
  await seedTeams(db, at);
  // Rule and its first version together: a rule row without its version would never be tried.
  for (const rule of soestRoutingRules)
    await db.transaction((tx) => insertRoutingRule(tx, rule, { createdBy: null, at }));
  await seedPatterns(db, at);
}

/**
 * What a new installation starts with (core's starter content): standard texts per category and
 * outcome and one hotspot rule. Fixed ids, inserted only when absent: a coordinator's edit stays, and
 * one switched off stays off. Not part of the test template — tests start without them.
 */
export async function seedStarterContent(db: DbOrTx, at: Date = new Date()): Promise<void> {
  await db
    .insert(standardTexts)
    .values(starterStandardTexts.map((t) => ({ ...t, createdAt: at, updatedAt: at })))
    .onConflictDoNothing({ target: standardTexts.id });
  await db
    .insert(hotspotRules)
    .values({ ...starterHotspotRule, createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: hotspotRules.id });
}
