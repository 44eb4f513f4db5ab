import {
  addDaysTo,
  DEFAULT_HORIZON_DAYS,
  generateShiftInstances,
  localDateOf,
  type OverrideIssue,
  regenerateFuture,
  type ShiftInstance,
} from '@buurtsignaal/core';
import type { Db } from '../client.ts';
import { listRosterOverrides } from './roster-overrides-repository.ts';
import {
  listTeamInstancesFrom,
  type StoredRegeneration,
  storeRegeneration,
} from './shift-instances-repository.ts';
import { listShiftPatterns, type StoredShiftPattern } from './shift-patterns-repository.ts';
import { listTeams } from './teams-repository.ts';

// Generate-and-store: the shift instances of the coming weeks from the stored patterns and overrides
// (core generateShiftInstances + regenerateFuture). The worker runs it periodically, the API after an
// edit of a pattern or an override. Idempotent: a second run with nothing changed writes nothing, and a
// shift that began before `now` is never rewritten.

export interface GenerationResult extends StoredRegeneration {
  teamId: string;
  /** Overrides that could not apply (no shift on that date, member not on it): shown, not dropped. */
  issues: OverrideIssue[];
}

export interface GenerateOptions {
  now: Date;
  /** Local days ahead, from today (Europe/Amsterdam); default six weeks. */
  days?: number;
  /** Only this team (after an edit); default every team. */
  teamId?: string;
}

/**
 * An edit from a date on which the replaced version's shift has already begun: that day keeps the
 * shift that began, and the new version starts with the next one (no second shift that day).
 */
function withoutDoubledEdits(
  generated: readonly ShiftInstance[],
  existing: readonly ShiftInstance[],
  patterns: readonly StoredShiftPattern[],
  cutoff: Date,
): ShiftInstance[] {
  const replaces = new Map(patterns.flatMap((p) => (p.replacesId ? [[p.id, p.replacesId] as const] : [])));
  if (replaces.size === 0) return [...generated];
  const began = new Set(
    existing
      .filter((s) => s.startsAt < cutoff && s.source.kind === 'pattern')
      .map((s) => `${s.source.kind === 'pattern' ? s.source.patternId : ''}|${s.localDate}`),
  );
  return generated.filter((s) => {
    const replaced = s.source.kind === 'pattern' ? replaces.get(s.source.patternId) : undefined;
    return replaced === undefined || !began.has(`${replaced}|${s.localDate}`);
  });
}

async function generateForTeam(db: Db, teamId: string, opts: GenerateOptions): Promise<GenerationResult> {
  const today = localDateOf(opts.now);
  const days = opts.days ?? DEFAULT_HORIZON_DAYS;
  // A night shift that started yesterday may still run: read from the day before.
  const fromDate = addDaysTo(today, -1);
  return db.transaction(async (tx) => {
    // One after the other: a transaction is one connection.
    const patterns = await listShiftPatterns(tx, { teamId, from: fromDate });
    const overrides = await listRosterOverrides(tx, { teamId, fromDate });
    const generated = generateShiftInstances({ patterns, overrides, from: fromDate, days: days + 1 });
    const existing = await listTeamInstancesFrom(tx, teamId, new Date(opts.now.getTime() - 2 * 86_400_000));
    const instances = withoutDoubledEdits(generated.instances, existing, patterns, opts.now);
    const regeneration = regenerateFuture({ teamId, existing, generated: instances, cutoff: opts.now });
    const stored = await storeRegeneration(tx, regeneration, opts.now, opts.now);
    return { teamId, ...stored, issues: generated.issues };
  });
}

/** Generates and stores the instances of every team (or one), team by team. */
export async function generateShiftInstancesAhead(
  db: Db,
  opts: GenerateOptions,
): Promise<GenerationResult[]> {
  const teamIds = opts.teamId ? [opts.teamId] : (await listTeams(db)).map((t) => t.id);
  const results: GenerationResult[] = [];
  for (const teamId of teamIds) results.push(await generateForTeam(db, teamId, opts));
  return results;
}
