import type { ShiftInstance } from '@buurtsignaal/core';
import { asc, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { areas, staffUsers } from '../../schema.ts';
import { rows } from '../../sql-rows.ts';
import { listCurrentRoutingRules, type StoredRoutingRule } from '../../tables/routing-rules-repository.ts';
import { listShiftInstances } from '../../tables/shift-instances-repository.ts';
import { listTeams, type TeamRow } from '../../tables/teams-repository.ts';

// The configuration every melding's way reads — teams, areas, the current routing rules, the staff
// accounts, the shift instances of the coming days — kept in memory by API and worker, so that routing,
// dispatch and the melder's pick-up sentence do not look it up again for each melding.
//
// Never stale: migration 0021 gives config_version a new number in every transaction that changes one
// of those tables, at its commit, together with the change. A view reads the number first (one small
// query) and serves only what was loaded under that same number; what it loads is at least as new as
// the number (read after it), so the next number always reloads. A transaction that itself changed
// configuration is 'dirty': its view reads everything fresh and keeps nothing (others must not see
// what it may still roll back). A view is for one unit of work (a job, a request): take a new one for
// the next, and none after writing configuration in the same transaction.

export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: string;
}

/** The configuration as of one version; each part is read on first use. */
export interface ConfigView {
  /** All teams, by name then id. */
  teams(): Promise<readonly TeamRow[]>;
  team(id: string): Promise<TeamRow | undefined>;
  /** Every rule with its current version, in the order they are tried. */
  routingRules(): Promise<readonly StoredRoutingRule[]>;
  /** Code → name of every imported area (empty: none imported, core's sample wijken apply). */
  areaNames(): Promise<ReadonlyMap<string, string>>;
  /** Accounts that are not disabled, by id. */
  activeStaff(): Promise<ReadonlyMap<string, StaffAccount>>;
  /** Active coordinators, oldest account first. */
  coordinatorIds(): Promise<readonly string[]>;
  /** As listShiftInstances: instances of these teams overlapping [from, until), sorted by start. */
  shiftInstances(filter: { teamIds: readonly string[]; from: Date; until: Date }): Promise<ShiftInstance[]>;
}

/** What was loaded under one version: only settled values (an unsettled load is not shared). */
interface Parts {
  teams?: TeamRow[];
  rules?: StoredRoutingRule[];
  areaNames?: Map<string, string>;
  staff?: { byId: Map<string, StaffAccount>; coordinatorIds: string[] };
  /** Instances of all teams overlapping [from, until). */
  instances?: { from: number; until: number; rows: ShiftInstance[] };
}

const DAY_MS = 86_400_000;
/** The window of shift instances read at once: a day back, ten ahead (dispatch looks eight ahead). */
const WINDOW_BEFORE_MS = DAY_MS;
const WINDOW_AFTER_MS = 10 * DAY_MS;

async function loadStaff(db: DbOrTx): Promise<NonNullable<Parts['staff']>> {
  const found = await db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .where(isNull(staffUsers.disabledAt))
    .orderBy(asc(staffUsers.createdAt), asc(staffUsers.id));
  return {
    byId: new Map(found.map((s) => [s.id, s])),
    coordinatorIds: found.filter((s) => s.role === 'coordinator').map((s) => s.id),
  };
}

async function loadAreaNames(db: DbOrTx): Promise<Map<string, string>> {
  const found = await db.select({ code: areas.code, naam: areas.naam }).from(areas);
  return new Map(found.map((a) => [a.code, a.naam]));
}

async function loadWindow(db: DbOrTx, from: number, until: number): Promise<NonNullable<Parts['instances']>> {
  const window = { from: from - WINDOW_BEFORE_MS, until: Math.max(until, from + WINDOW_AFTER_MS) };
  const found = await listShiftInstances(db, { from: new Date(window.from), until: new Date(window.until) });
  return { ...window, rows: found };
}

/**
 * A view over `shared` (the cache's parts of one version, or a view's own when fresh). A load runs on
 * this view's own `db` and is shared once it has settled: on PGlite (one connection) a view inside a
 * transaction must never wait for a query queued outside it.
 */
function viewOver(db: DbOrTx, shared: Parts): ConfigView {
  const pending: { [K in keyof Parts]?: Promise<NonNullable<Parts[K]>> } = {};
  function part<K extends keyof Parts>(
    key: K,
    load: () => Promise<NonNullable<Parts[K]>>,
  ): Promise<NonNullable<Parts[K]>> {
    const have = shared[key];
    if (have !== undefined) return Promise.resolve(have as NonNullable<Parts[K]>);
    const inFlight = pending[key];
    if (inFlight) return inFlight;
    const p = load().then((value) => {
      shared[key] = value;
      return value;
    });
    pending[key] = p as (typeof pending)[K];
    // A failed load is forgotten: the next call tries again.
    p.catch(() => {
      if (pending[key] === p) delete pending[key];
    });
    return p;
  }
  const teams = () => part('teams', () => listTeams(db));
  const staff = () => part('staff', () => loadStaff(db));
  return {
    teams,
    async team(id) {
      return (await teams()).find((t) => t.id === id);
    },
    routingRules: () => part('rules', () => listCurrentRoutingRules(db)),
    areaNames: () => part('areaNames', () => loadAreaNames(db)),
    activeStaff: async () => (await staff()).byId,
    coordinatorIds: async () => (await staff()).coordinatorIds,
    async shiftInstances(filter) {
      if (filter.teamIds.length === 0) return [];
      const from = filter.from.getTime();
      const until = filter.until.getTime();
      const held = shared.instances;
      const covers = held !== undefined && held.from <= from && until <= held.until;
      if (!covers) delete shared.instances;
      const window = await part('instances', () => loadWindow(db, from, until));
      const teamIds = new Set(filter.teamIds);
      // Another view may have moved the window meanwhile: read fresh rather than serve a gap.
      if (!(window.from <= from && until <= window.until)) {
        return (await loadWindow(db, from, until)).rows.filter(
          (s) => teamIds.has(s.teamId) && s.startsAt.getTime() < until && s.endsAt.getTime() > from,
        );
      }
      return window.rows.filter(
        (s) => teamIds.has(s.teamId) && s.startsAt.getTime() < until && s.endsAt.getTime() > from,
      );
    },
  };
}

export interface ConfigCache {
  /** A view for one unit of work on `db` (the database, or the transaction it runs in). */
  view(db: DbOrTx): Promise<ConfigView>;
  /** Versions loaded since start (for tests and metrics). */
  readonly loads: number;
}

/** A view that reads everything fresh (once per view): what callers without a cache get. */
export const freshConfig = (db: DbOrTx): ConfigView => viewOver(db, {});

/** One cache per process and database. */
export function createConfigCache(): ConfigCache {
  let held: { version: bigint; parts: Parts } | undefined;
  let loads = 0;
  return {
    get loads() {
      return loads;
    },
    async view(db) {
      const [state] = await rows<{ v: unknown; dirty: boolean }>(
        db,
        sql`SELECT v, coalesce(current_setting('buurtsignaal.config_dirty', true), '') = 'on' AS dirty
          FROM config_version`,
      );
      if (!state || state.dirty) return freshConfig(db);
      const version = BigInt(String(state.v));
      // A view that read an older number than the one held (its read raced a newer view's): fresh.
      if (held && version < held.version) return freshConfig(db);
      if (held?.version !== version) {
        held = { version, parts: {} };
        loads++;
      }
      return viewOver(db, held.parts);
    },
  };
}

/** The view to read through: the caller's, or a fresh one on `db`. */
export const configOf = (db: DbOrTx, view: ConfigView | undefined): ConfigView => view ?? freshConfig(db);
