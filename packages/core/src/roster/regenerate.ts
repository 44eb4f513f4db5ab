// A pattern (or an imported calendar) changes: the future is generated again, the past stays as it
// was. Like the on-call tools, an edit changes only what has not begun yet.
import { localDateOf, localTimeOf } from '../time/wall-clock.ts';
import { byStart } from './generate.ts';
import type { ShiftInstance } from './roster-schema.ts';

/** Which instances a regeneration replaces: the ones from patterns and extra shifts, or the imported ones. */
export type RegenerationScope = 'planned' | 'imported';

export interface RegenerateInput {
  teamId: string;
  /** The team's stored instances (other teams' instances are passed through untouched). */
  existing: readonly ShiftInstance[];
  /** The complete new set for the team, e.g. generateShiftInstances(...).instances from the cut-off's date on. */
  generated: readonly ShiftInstance[];
  /** Instances that started before this instant are kept exactly as they are. */
  cutoff: Date;
  scope?: RegenerationScope;
}

export interface Regeneration {
  /** Everything after the regeneration, sorted by start. */
  instances: ShiftInstance[];
  /** What a store has to do: insert `added`, replace `updated` (same id), delete `removed`. */
  added: ShiftInstance[];
  updated: ShiftInstance[];
  removed: ShiftInstance[];
  /**
   * Running shifts whose crew changes now (someone reported sick during it, a swap): each ends at the
   * cut-off as it was worked, and its rest starts then as a continuation in `added`. A store sets only
   * the end of these (they began before the cut-off; what was worked stays as it was).
   */
  cut: ShiftInstance[];
}

/** The id of the rest of a running shift from `at` on: `<shift id>@<instant>`. */
export const continuationId = (baseId: string, at: Date): string => `${baseId}@${at.toISOString()}`;

/** The shift a continuation continues (its own id for a shift that is no continuation). */
export const baseShiftId = (id: string): string => id.split('@')[0] ?? id;

const sameCrew = (a: ShiftInstance, b: ShiftInstance) =>
  a.leadId === b.leadId &&
  a.memberIds.length === b.memberIds.length &&
  a.memberIds.every((m, i) => m === b.memberIds[i]);

/** Same content, whatever the key order of the objects (a store may build them differently). */
function sameInstance(a: ShiftInstance, b: ShiftInstance): boolean {
  const canonical = (s: ShiftInstance) =>
    JSON.stringify([
      s.id,
      s.teamId,
      s.label,
      s.source.kind,
      'patternId' in s.source ? s.source.patternId : null,
      'overrideId' in s.source ? s.source.overrideId : null,
      'uid' in s.source ? s.source.uid : null,
      'recurrenceId' in s.source ? s.source.recurrenceId : null,
      s.localDate,
      s.localStart,
      s.localEnd,
      s.startsAt.getTime(),
      s.endsAt.getTime(),
      s.memberIds,
      s.leadId,
      s.overrideIds,
    ]);
  return canonical(a) === canonical(b);
}

const inScope = (s: ShiftInstance, scope: RegenerationScope) =>
  scope === 'imported' ? s.source.kind === 'ics' : s.source.kind !== 'ics';

/**
 * Replaces the team's in-scope instances that start at or after `cutoff` by the generated ones that
 * start at or after it. Instances that began before the cut-off (also one running now) are never
 * rewritten, and a generated instance with the id of such a kept one is dropped: one shift per pattern
 * and start date, and the one that began stays. Generate at least as far ahead as the stored ones reach:
 * a stored future instance that is not generated again is removed.
 */
export function regenerateFuture(input: RegenerateInput): Regeneration {
  const scope = input.scope ?? 'planned';
  const cut = input.cutoff.getTime();
  const touched = (s: ShiftInstance) => s.teamId === input.teamId && inScope(s, scope);
  const untouched = input.existing.filter((s) => !touched(s) || s.startsAt.getTime() < cut);
  const keptIds = new Set(untouched.map((s) => s.id));
  const oldFuture = new Map(
    input.existing.filter((s) => touched(s) && s.startsAt.getTime() >= cut).map((s) => [s.id, s]),
  );
  const next = input.generated.filter((s) => touched(s) && s.startsAt.getTime() >= cut && !keptIds.has(s.id));
  const nextIds = new Set(next.map((s) => s.id));
  const added = next.filter((s) => !oldFuture.has(s.id));
  const updated = next.filter((s) => {
    const old = oldFuture.get(s.id);
    return old !== undefined && !sameInstance(old, s);
  });
  const removed = [...oldFuture.values()].filter((s) => !nextIds.has(s.id));
  const split = splitRunning(input, touched);
  const cutIds = new Map(split.cut.map((s) => [s.id, s]));
  const kept = untouched.map((s) => cutIds.get(s.id) ?? s);
  return {
    instances: [...kept, ...next, ...split.rest].sort(byStart),
    added: [...added, ...split.rest],
    updated,
    removed,
    cut: split.cut,
  };
}

/**
 * A shift running at the cut-off whose generated version (same shift, same times) has another crew —
 * an absence or swap for today entered during it — is split there: the part worked stays with its
 * crew, the rest goes on with the new one. Without this, whoever went home sick would stay "in dienst".
 */
function splitRunning(
  input: RegenerateInput,
  touched: (s: ShiftInstance) => boolean,
): { cut: ShiftInstance[]; rest: ShiftInstance[] } {
  const at = input.cutoff;
  const generated = new Map(input.generated.map((s) => [s.id, s]));
  const cut: ShiftInstance[] = [];
  const rest: ShiftInstance[] = [];
  for (const running of input.existing) {
    if (!touched(running) || running.startsAt >= at || running.endsAt <= at) continue;
    const next = generated.get(baseShiftId(running.id));
    if (!next || next.endsAt.getTime() !== running.endsAt.getTime() || sameCrew(running, next)) continue;
    cut.push({ ...running, endsAt: at, localEnd: localTimeOf(at) });
    rest.push({
      ...next,
      id: continuationId(baseShiftId(running.id), at),
      localDate: localDateOf(at),
      localStart: localTimeOf(at),
      startsAt: at,
    });
  }
  return { cut, rest };
}
