import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_HORIZON_DAYS, localDateOf, regenerateFuture } from '@buurtsignaal/core';
import type { IcsImportReply } from '@buurtsignaal/core/contract';
import { importRosterIcs, officerCalendarIcs, teamCalendarIcs } from '@buurtsignaal/core/roster-ics';
import type { Db } from '@buurtsignaal/db';
import { listMembersOfTeams } from '@buurtsignaal/db/queries/roster/team-membership';
import {
  findActiveCalendarFeed,
  insertCalendarFeedToken,
  listCalendarFeeds,
  revokeCalendarFeedToken,
} from '@buurtsignaal/db/tables/calendar-feed-tokens-repository';
import {
  listShiftInstances,
  listTeamInstancesFrom,
  storeRegeneration,
} from '@buurtsignaal/db/tables/shift-instances-repository';
import { findTeam, listTeams } from '@buurtsignaal/db/tables/teams-repository';
import { ApiError } from '../errors.ts';
import { rosterTexts as t } from '../texts/index.ts';
import { teamNotFound } from './roster-access.ts';

// iCalendar both ways: a team's roster imported from an .ics file (core importRosterIcs, attendees
// matched to the team's members by e-mail), and private, revocable feeds — an officer's own shifts or
// a team's roster — behind a random token of which only the sha256 is stored.

const DAY = 86_400_000;
/** A feed shows the shifts of the last four weeks and the generated ones ahead. */
const FEED_PAST_DAYS = 28;

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type FeedOwner = { staffUserId: string } | { teamId: string };

export interface CalendarServiceDeps {
  db: Db;
  now: () => Date;
  publicBaseUrl: string;
}

export function createCalendarService({ db, now, publicBaseUrl }: CalendarServiceDeps) {
  async function officersOf(teamId: string) {
    return (await listMembersOfTeams(db, [teamId])).map((m) => ({ id: m.id, email: m.email, name: m.name }));
  }

  return {
    /** Replaces the team's imported future shifts by those of the file; the past stays. */
    async importIcs(teamId: string, text: string): Promise<IcsImportReply> {
      if (!(await findTeam(db, teamId))) throw teamNotFound();
      const at = now();
      const { instances, report } = importRosterIcs({
        text,
        teamId,
        officers: await officersOf(teamId),
        from: localDateOf(at),
        days: DEFAULT_HORIZON_DAYS,
      });
      let stored = { added: 0, updated: 0, removed: 0 };
      // An unreadable file changes nothing (it would otherwise remove every imported shift).
      if (!report.problems.some((p) => p.code === 'UNPARSABLE')) {
        stored = await db.transaction(async (tx) => {
          const existing = await listTeamInstancesFrom(tx, teamId, new Date(at.getTime() - 2 * DAY));
          const change = regenerateFuture({
            teamId,
            existing,
            generated: instances,
            cutoff: at,
            scope: 'imported',
          });
          return storeRegeneration(tx, change, at, at);
        });
      }
      return { ...report, stored };
    },

    /** A new feed; the token is returned once. */
    async createFeed(owner: FeedOwner, createdBy: string) {
      if ('teamId' in owner && !(await findTeam(db, owner.teamId))) throw teamNotFound();
      const token = randomBytes(32).toString('base64url');
      const id = crypto.randomUUID();
      await insertCalendarFeedToken(db, { id, tokenHash: hashFeedToken(token), owner, createdBy, at: now() });
      return { id, token, url: `${publicBaseUrl}/api/v1/calendar/${token}.ics` };
    },

    async listFeeds(owner: FeedOwner) {
      const feeds = await listCalendarFeeds(db, owner);
      return feeds.filter((f) => f.revokedAt === null).map((f) => ({ id: f.id, createdAt: f.createdAt }));
    },

    /** Revokes one of the owner's feeds; 404 when it is not theirs or already revoked. */
    async revokeFeed(owner: FeedOwner, feedId: string): Promise<void> {
      const mine = (await listCalendarFeeds(db, owner)).some((f) => f.id === feedId && f.revokedAt === null);
      if (!mine || !(await revokeCalendarFeedToken(db, feedId, now())))
        throw new ApiError(404, 'NOT_FOUND', t.feedNotFound);
    },

    /** The calendar a token opens, or undefined for an unknown or revoked token. */
    async feed(token: string): Promise<string | undefined> {
      const found = await findActiveCalendarFeed(db, hashFeedToken(token));
      if (!found) return undefined;
      const at = now();
      const period = {
        from: new Date(at.getTime() - FEED_PAST_DAYS * DAY),
        until: new Date(at.getTime() + (DEFAULT_HORIZON_DAYS + 1) * DAY),
      };
      if (found.teamId) {
        const team = await findTeam(db, found.teamId);
        if (!team) return undefined;
        const shifts = await listShiftInstances(db, { teamIds: [team.id], ...period });
        return teamCalendarIcs({ team, shifts, officers: await officersOf(team.id), now: at });
      }
      if (!found.staffUserId) return undefined;
      const officerId = found.staffUserId;
      const shifts = (await listShiftInstances(db, period)).filter((s) => s.memberIds.includes(officerId));
      const teams = (await listTeams(db)).map((tm) => ({ id: tm.id, name: tm.name }));
      return officerCalendarIcs({ officerId, shifts, teams, now: at });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
