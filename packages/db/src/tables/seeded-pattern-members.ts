import { soestShiftPatterns } from '@buurtsignaal/core';
import type { DbOrTx } from '../client.ts';
import { listTeamMembers } from '../queries/roster/team-members.ts';
import { fillEmptyPatternMembers } from './shift-patterns-repository.ts';

// Soest's seeded patterns start without members on a fresh installation (the accounts come later:
// demo accounts right after the seed, or `user:create`). Each seeded pattern still left empty gets the
// team's staff whose role is the team's kind, before instances are generated — so the embedded
// default shows the boa and the police on duty from its first start. A pattern a coordinator gave
// members (or emptied on purpose and replaced) is never touched: only the seeded ids, only while empty.

/** Must equal seed.ts SEED_PATTERNS_FROM (only ids and members are used here). */
const SEED_FROM = '2026-01-01';
const roleOfTeam: Record<string, string> = { 'boa-team': 'boa', 'politie-basisteam': 'politie' };

/** The members the seed gives the team's patterns: its staff of the team's kind, oldest account first. */
export async function seedMembersOf(db: DbOrTx, teamId: string): Promise<string[]> {
  const role = roleOfTeam[teamId];
  return (await listTeamMembers(db, teamId)).filter((m) => m.role === role).map((m) => m.id);
}

export async function fillSeededPatternMembers(db: DbOrTx, at: Date): Promise<void> {
  const boa = await seedMembersOf(db, 'boa-team');
  const politie = await seedMembersOf(db, 'politie-basisteam');
  if (boa.length === 0 && politie.length === 0) return;
  for (const p of soestShiftPatterns({ boa, politie, validFrom: SEED_FROM })) {
    if (p.memberIds.length > 0)
      await fillEmptyPatternMembers(db, p.id, { memberIds: p.memberIds, leadId: p.leadId, at });
  }
}
