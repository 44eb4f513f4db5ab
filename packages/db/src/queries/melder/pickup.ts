import {
  decideRoute,
  expectPickup,
  getCategory,
  isPriority,
  type PickupExpectation,
  type PickupTeam,
  type Priority,
} from '@buurtsignaal/core';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { assignments, meldingen } from '../../schema.ts';
import { findLastStatusEventTo } from '../../tables/status-events-repository.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';
import { listCoordinatorIds, rosterFrom } from '../dispatch/dispatch-context.ts';
import { loadRoutingContext } from '../routing/routing-context.ts';
import { findRoutingInput } from '../routing/routing-facts.ts';

// What the melder is told about who picks the melding up and when (confirmation, "ontvangen" mail,
// status page): core expectPickup over the stored assignment — authoritative once routing stored it —
// or, before that, over a preview of the same routing decision (core decideRoute with the same rules,
// areas and rosters). Only team names leave here, never an officer's.

/** Statuses in which the melding waits for an officer, and in which an officer has it. */
const waiting = new Set(['gemeld', 'ingedeeld', 'heropend']);
const claimed = new Set(['in_behandeling', 'reactie_gevraagd']);

export interface MelderPickup {
  expectation: PickupExpectation;
  /** 'assignment': from the stored routing; 'preview': routing has not stored it yet. */
  source: 'assignment' | 'preview';
}

interface Routed {
  teamId: string;
  priority: Priority;
  /** Stored routing only: since when it waits, and whether escalation listed it as onbeantwoord. */
  waitingSince?: Date;
  unansweredAt?: Date | null;
}

async function storedRoute(db: DbOrTx, meldingId: string): Promise<Routed | undefined> {
  const [row] = await db
    .select({
      teamId: assignments.teamId,
      priority: assignments.priority,
      createdAt: assignments.createdAt,
      unansweredAt: assignments.unansweredAt,
    })
    .from(assignments)
    .where(eq(assignments.meldingId, meldingId))
    .orderBy(desc(assignments.createdAt), desc(assignments.id))
    .limit(1);
  return row
    ? {
        teamId: row.teamId,
        priority: isPriority(row.priority) ? row.priority : 'normaal',
        waitingSince: row.createdAt,
        unansweredAt: row.unansweredAt,
      }
    : undefined;
}

/** The routing decision as the worker will take it at `at`, for a melding it has not routed yet. */
async function previewRoute(
  db: DbOrTx,
  meldingId: string,
  at: Date,
  config: ConfigView,
): Promise<Routed | undefined> {
  const input = await findRoutingInput(db, meldingId);
  if (!input) return undefined;
  const loaded = await loadRoutingContext(db, { ...input, at, countsSelf: true }, config);
  const decision = decideRoute(input.facts, loaded.rules, loaded.context);
  return decision ? { teamId: decision.teamId, priority: decision.priority } : undefined;
}

async function teamsOf(
  config: ConfigView,
  teamId: string,
): Promise<{ team: PickupTeam; fallback: PickupTeam | null }> {
  const team = await config.team(teamId);
  if (!team) return { team: { id: teamId, name: teamId }, fallback: null };
  const fallback = team.fallbackTeamId ? await config.team(team.fallbackTeamId) : undefined;
  return {
    team: { id: team.id, name: team.name },
    fallback: fallback ? { id: fallback.id, name: fallback.name } : null,
  };
}

/**
 * Whether findMelderPickup would answer from a preview now: the melding waits for (or is with) an
 * officer, its category is known, and routing has stored no assignment yet. One small query, for a
 * caller that waits for routing before it tells the melder (the "ontvangen" mail).
 */
export async function awaitsRouting(db: DbOrTx, meldingId: string): Promise<boolean> {
  const [row] = await db
    .select({
      status: meldingen.status,
      category: meldingen.category,
      // The table named: in a one-table select drizzle leaves its columns unqualified (`id` would be a.id).
      routed: sql<boolean>`exists (select 1 from ${assignments} a where a.melding_id = ${meldingen}.id)`,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId));
  if (!row || row.routed || getCategory(row.category) === undefined) return false;
  return waiting.has(row.status) || claimed.has(row.status);
}

/**
 * Who picks the melding up and when, as seen at `now`; undefined when the melding is gone, its
 * category cannot be routed, or it is past being picked up (doorgestuurd, afgehandeld, geannuleerd).
 */
export async function findMelderPickup(
  db: DbOrTx,
  meldingId: string,
  now: Date,
  /** The configuration to read through (config-cache.ts); without: read fresh. */
  view?: ConfigView,
): Promise<MelderPickup | undefined> {
  const config = configOf(db, view);
  const [melding] = await db
    .select({ status: meldingen.status })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId));
  if (!melding || !(waiting.has(melding.status) || claimed.has(melding.status))) return undefined;
  const stored = await storedRoute(db, meldingId);
  const routed = stored ?? (await previewRoute(db, meldingId, now, config));
  if (!routed) return undefined;
  const { team, fallback } = await teamsOf(config, routed.teamId);
  // From when it began waiting, so that core can tell when its officers were first told.
  const since = waiting.has(melding.status) && routed.waitingSince ? routed.waitingSince : now;
  const rosterStart = since < now ? since : now;
  // Independent reads, side by side (on the intake's path: the confirmation waits for them).
  const [roster, coordinatorIds, claimedEvent] = await Promise.all([
    rosterFrom(
      db,
      [team.id, ...(fallback ? [fallback.id] : [])],
      rosterStart,
      8 + Math.ceil((now.getTime() - rosterStart.getTime()) / 86_400_000),
      config,
    ),
    listCoordinatorIds(db, config),
    claimed.has(melding.status) ? findLastStatusEventTo(db, meldingId, 'in_behandeling') : undefined,
  ]);
  const expectation = expectPickup({
    priority: routed.priority,
    team,
    fallback,
    roster,
    coordinatorIds,
    now,
    claimedAt: claimedEvent?.createdAt ?? null,
    waitingSince: waiting.has(melding.status) ? (routed.waitingSince ?? null) : null,
    unansweredAt: routed.unansweredAt ?? null,
  });
  return { expectation, source: stored ? 'assignment' : 'preview' };
}
