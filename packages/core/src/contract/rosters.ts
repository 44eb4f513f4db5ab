import { z } from 'zod';
import {
  absenceOverrideSchema,
  expectedCoverageSchema,
  extraShiftOverrideSchema,
  plainDateSchema,
  plainTimeSchema,
  swapOverrideSchema,
  teamKindSchema,
  weekdaysSchema,
} from '../roster/roster-schema.ts';
import { text } from '../text-schema.ts';
import { rosterMessages as m } from '../texts/roster-nl.ts';
import { instant, personRefSchema, teamRefSchema } from './wire.ts';

// The contract of the roster routes: teams with their expected hours and members, the week view of a
// team's shifts (local date and times, Europe/Amsterdam), patterns, overrides, "mijn diensten",
// coverage gaps, the .ics import report and the private calendar feeds.

const staffIdSchema = z.uuid({ error: m.idInvalid });
export const teamIdParamsSchema = z.object({ id: text().min(1).max(100) });

export const teamMemberSchema = personRefSchema.extend({ role: z.string() });

export const teamViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: teamKindSchema,
    coverage: expectedCoverageSchema,
    active: z.boolean(),
    fallbackTeam: teamRefSchema.nullable(),
    /** Dispatch mails every officer told, also those whose phone gets Web Push. */
    notifyEmailAlways: z.boolean(),
    members: z.array(teamMemberSchema),
    /** "Nu in dienst": who works a shift of this team at this moment. */
    onDutyNow: z.array(personRefSchema),
  })
  .meta({ id: 'RosterTeam' });
export const teamListSchema = z.object({ teams: z.array(teamViewSchema) }).meta({ id: 'RosterTeamList' });

export const teamPatchBodySchema = z
  .strictObject({
    kind: teamKindSchema.optional(),
    coverage: expectedCoverageSchema.optional(),
    active: z.boolean().optional(),
    fallbackTeamId: text().min(1).max(100).nullable().optional(),
    notifyEmailAlways: z.boolean().optional(),
    /** Today's members (staff user ids); replaces the list. */
    memberIds: z.array(staffIdSchema).max(200).optional(),
  })
  .meta({ id: 'RosterTeamPatch' });

/** A shift as the week view shows it: local date and wall-clock times, and the instants they mean. */
export const shiftViewSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    label: z.string(),
    source: z.enum(['pattern', 'extra', 'ics']),
    patternId: z.string().nullable(),
    localDate: plainDateSchema,
    localStart: plainTimeSchema,
    localEnd: plainTimeSchema,
    startsAt: instant,
    endsAt: instant,
    members: z.array(personRefSchema),
    lead: personRefSchema.nullable(),
    overrideIds: z.array(z.string()),
  })
  .meta({ id: 'Shift' });

export const patternBodySchema = z
  .strictObject({
    label: text({ trim: true }).min(1, { error: m.labelRequired }).max(60, { error: m.labelRequired }),
    weekdays: weekdaysSchema,
    start: plainTimeSchema,
    end: plainTimeSchema,
    /** First local date; an edit takes effect from this date (default today). */
    validFrom: plainDateSchema.optional(),
    validUntil: plainDateSchema.nullable().optional(),
    memberIds: z.array(staffIdSchema).max(100),
    leadId: staffIdSchema.nullable().optional(),
  })
  .meta({ id: 'ShiftPatternBody' });

export const patternViewSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    label: z.string(),
    weekdays: z.array(z.number().int()),
    start: plainTimeSchema,
    end: plainTimeSchema,
    validFrom: plainDateSchema,
    validUntil: plainDateSchema.nullable(),
    members: z.array(personRefSchema),
    lead: personRefSchema.nullable(),
    replacesId: z.string().nullable(),
  })
  .meta({ id: 'ShiftPattern' });
export const patternListSchema = z.object({ patterns: z.array(patternViewSchema) });
export const patternParamsSchema = teamIdParamsSchema.extend({ patternId: text().min(1).max(100) });

const withoutIds = { id: true, teamId: true } as const;
export const overrideBodySchema = z
  .discriminatedUnion('kind', [
    swapOverrideSchema.omit(withoutIds),
    absenceOverrideSchema.omit(withoutIds),
    // The lead-among-members check of the full schema runs when the override is stored.
    z.strictObject(extraShiftOverrideSchema.shape).omit(withoutIds),
  ])
  .meta({ id: 'RosterOverrideBody' });

export const overrideViewSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    date: plainDateSchema,
    kind: z.enum(['swap', 'absent', 'extra']),
    reason: z.string(),
    /** Dutch summary: "Ziek: Jan de Boer", "Ruil: A → B", "Extra dienst 20:00–02:00". */
    summary: z.string(),
  })
  .meta({ id: 'RosterOverride' });
export const overrideParamsSchema = teamIdParamsSchema.extend({ overrideId: text().min(1).max(100) });
export const overrideIssueSchema = z.object({
  overrideId: z.string(),
  date: z.string(),
  message: z.string(),
});
export const overrideCreatedSchema = z
  .object({ id: z.string(), issues: z.array(overrideIssueSchema) })
  .meta({ id: 'RosterOverrideCreated' });

export const rosterQuerySchema = z.object({ from: plainDateSchema, to: plainDateSchema });
export const rosterViewSchema = z
  .object({
    team: teamRefSchema,
    from: plainDateSchema,
    to: plainDateSchema,
    shifts: z.array(shiftViewSchema),
    overrides: z.array(overrideViewSchema),
    /** Overrides that could not be applied (no such shift on that date, member not on it). */
    issues: z.array(overrideIssueSchema),
  })
  .meta({ id: 'Roster' });

export const myShiftsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(62).default(14) });
export const myShiftsSchema = z
  .object({ shifts: z.array(shiftViewSchema.extend({ team: teamRefSchema })) })
  .meta({ id: 'MyShifts' });

export const coverageQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(42).default(14) });
export const coverageGapSchema = z
  .object({
    startsAt: instant,
    endsAt: instant,
    startDate: plainDateSchema,
    startTime: plainTimeSchema,
    endDate: plainDateSchema,
    endTime: plainTimeSchema,
    minutes: z.number().int(),
  })
  .meta({ id: 'CoverageGap' });
export const coverageViewSchema = z
  .object({
    team: teamRefSchema,
    from: instant,
    until: instant,
    days: z.number().int(),
    gaps: z.array(coverageGapSchema),
    totalMinutes: z.number().int(),
  })
  .meta({ id: 'Coverage' });

export const icsImportReplySchema = z
  .object({
    events: z.number().int(),
    imported: z.number().int(),
    stored: z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
    problems: z.array(
      z.object({
        code: z.string(),
        uid: z.string().nullable(),
        summary: z.string().nullable(),
        message: z.string(),
      }),
    ),
    unknownAttendees: z.array(
      z.object({ email: z.string(), events: z.array(z.string()), message: z.string() }),
    ),
  })
  .meta({ id: 'IcsImportReport' });

export const calendarFeedCreatedSchema = z
  .object({
    id: z.uuid(),
    /** Shown once; only its hash is stored. */
    token: z.string(),
    url: z.string(),
  })
  .meta({ id: 'CalendarFeedCreated' });
export const calendarFeedListSchema = z
  .object({ feeds: z.array(z.object({ id: z.uuid(), createdAt: instant })) })
  .meta({ id: 'CalendarFeedList' });
export const feedParamsSchema = z.object({ feedId: z.uuid() });

export type TeamView = z.output<typeof teamViewSchema>;
export type ShiftView = z.output<typeof shiftViewSchema>;
export type PatternBody = z.output<typeof patternBodySchema>;
export type PatternView = z.output<typeof patternViewSchema>;
export type OverrideBody = z.output<typeof overrideBodySchema>;
export type OverrideView = z.output<typeof overrideViewSchema>;
export type RosterView = z.output<typeof rosterViewSchema>;
export type CoverageGapView = z.output<typeof coverageGapSchema>;
export type CoverageView = z.output<typeof coverageViewSchema>;
export type IcsImportReply = z.output<typeof icsImportReplySchema>;
export type TeamPatchBody = z.output<typeof teamPatchBodySchema>;
