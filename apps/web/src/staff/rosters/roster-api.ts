import {
  areaImportReportSchema,
  areaListSchema,
  calendarFeedCreatedSchema,
  calendarFeedListSchema,
  coverageViewSchema,
  icsImportReplySchema,
  myShiftsSchema,
  type overrideBodySchema,
  overrideCreatedSchema,
  type patternBodySchema,
  patternListSchema,
  patternViewSchema,
  rosterViewSchema,
  teamListSchema,
  type teamPatchBodySchema,
  teamViewSchema,
  type Wire,
} from '@buurtsignaal/core/contract';
import { qs, staffRequest } from '../api.ts';

// The roster, calendar-feed and area routes as the console uses them (docs/staff-api.md, issue 10).
// Every reply is parsed with the contract's schema; `Wire<…>` is the body as it travels.

export type Team = Wire<typeof teamListSchema>['teams'][number];
export type TeamPatch = Wire<typeof teamPatchBodySchema>;
export type RosterWeek = Wire<typeof rosterViewSchema>;
export type Shift = RosterWeek['shifts'][number];
export type Override = RosterWeek['overrides'][number];
export type Pattern = Wire<typeof patternViewSchema>;
export type PatternInput = Wire<typeof patternBodySchema>;
export type OverrideInput = Wire<typeof overrideBodySchema>;
export type Coverage = Wire<typeof coverageViewSchema>;
export type CoverageGap = Coverage['gaps'][number];
export type MyShift = Wire<typeof myShiftsSchema>['shifts'][number];
export type IcsReport = Wire<typeof icsImportReplySchema>;
export type FeedCreated = Wire<typeof calendarFeedCreatedSchema>;
export type AreaList = Wire<typeof areaListSchema>;
export type AreaReport = Wire<typeof areaImportReportSchema>;

const team = (id: string, rest = '') => `/teams/${encodeURIComponent(id)}${rest}`;

/** One file as multipart/form-data, field "file" (what the upload routes read). */
const fileForm = (file: File): FormData => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

export const rosterApi = {
  teams: () => staffRequest('GET', '/teams', teamListSchema),
  updateTeam: (id: string, patch: TeamPatch) => staffRequest('PATCH', team(id), teamViewSchema, patch),
  roster: (id: string, from: string, to: string) =>
    staffRequest('GET', team(id, `/roster${qs({ from, to })}`), rosterViewSchema),
  coverage: (id: string, days = 14) =>
    staffRequest('GET', team(id, `/coverage${qs({ days })}`), coverageViewSchema),
  patterns: (id: string) => staffRequest('GET', team(id, '/roster/patterns'), patternListSchema),
  createPattern: (id: string, input: PatternInput) =>
    staffRequest('POST', team(id, '/roster/patterns'), patternViewSchema, input),
  replacePattern: (id: string, patternId: string, input: PatternInput) =>
    staffRequest(
      'PUT',
      team(id, `/roster/patterns/${encodeURIComponent(patternId)}`),
      patternViewSchema,
      input,
    ),
  endPattern: (id: string, patternId: string) =>
    staffRequest('DELETE', team(id, `/roster/patterns/${encodeURIComponent(patternId)}`), null),
  addOverride: (id: string, input: OverrideInput) =>
    staffRequest('POST', team(id, '/roster/overrides'), overrideCreatedSchema, input),
  cancelOverride: (id: string, overrideId: string) =>
    staffRequest('DELETE', team(id, `/roster/overrides/${encodeURIComponent(overrideId)}`), null),
  importIcs: (id: string, file: File) =>
    staffRequest('POST', team(id, '/roster/import'), icsImportReplySchema, fileForm(file)),

  myShifts: (days = 28) => staffRequest('GET', `/me/shifts${qs({ days })}`, myShiftsSchema),
  myFeeds: () => staffRequest('GET', '/me/calendar-feed', calendarFeedListSchema),
  createMyFeed: () => staffRequest('POST', '/me/calendar-feed', calendarFeedCreatedSchema, {}),
  revokeMyFeed: (feedId: string) =>
    staffRequest('DELETE', `/me/calendar-feed/${encodeURIComponent(feedId)}`, null),
  teamFeeds: (id: string) => staffRequest('GET', team(id, '/calendar-feed'), calendarFeedListSchema),
  createTeamFeed: (id: string) =>
    staffRequest('POST', team(id, '/calendar-feed'), calendarFeedCreatedSchema, {}),
  revokeTeamFeed: (id: string, feedId: string) =>
    staffRequest('DELETE', team(id, `/calendar-feed/${encodeURIComponent(feedId)}`), null),

  areas: () => staffRequest('GET', '/areas', areaListSchema),
  importAreas: (gemeente: string, file: File) =>
    staffRequest('POST', `/admin/areas${qs({ gemeente })}`, areaImportReportSchema, fileForm(file)),
};

/** Query keys of these pages; a change invalidates the `rosterKeys.team(id)` prefix. */
export const rosterKeys = {
  teams: ['roster-teams'] as const,
  team: (id: string) => ['roster-team', id] as const,
  week: (id: string, from: string) => ['roster-team', id, 'week', from] as const,
  coverage: (id: string) => ['roster-team', id, 'coverage'] as const,
  patterns: (id: string) => ['roster-team', id, 'patterns'] as const,
  teamFeeds: (id: string) => ['roster-team', id, 'feeds'] as const,
  myShifts: ['my-shifts'] as const,
  myFeeds: ['my-feeds'] as const,
  areas: ['areas'] as const,
};
