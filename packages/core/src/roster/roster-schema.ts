// The data of a team's roster as it is stored and sent: teams with their expected hours, shift
// patterns in local wall-clock time, overrides per local date, and the concrete shift instances
// generated from them. Types derive from these schemas.
import { z } from 'zod';
import { rosterMessages as m } from '../texts/roster-nl.ts';
import { plainTimePattern } from '../time/wall-clock.ts';

export const idSchema = z.string({ error: m.idInvalid }).trim().min(1, { error: m.idInvalid }).max(100);
export const plainDateSchema = z.iso.date({ error: m.dateInvalid });
export const plainTimeSchema = z
  .string({ error: m.timeInvalid })
  .regex(plainTimePattern, { error: m.timeInvalid });
export const isoWeekdaySchema = z.number({ error: m.weekdayInvalid }).int().min(1).max(7);
export const weekdaysSchema = z
  .array(isoWeekdaySchema, { error: m.weekdaysRequired })
  .min(1, { error: m.weekdaysRequired })
  .refine((days) => new Set(days).size === days.length, { error: m.weekdaysDuplicate });
const reasonSchema = z
  .string({ error: m.reasonRequired })
  .trim()
  .min(1, { error: m.reasonRequired })
  .max(500);
const labelSchema = z.string({ error: m.labelRequired }).trim().min(1, { error: m.labelRequired }).max(60);

export const teamKinds = ['boa', 'politie', 'other'] as const;
export const teamKindSchema = z.enum(teamKinds, { error: m.teamKindInvalid });
export type TeamKind = z.infer<typeof teamKindSchema>;

/** Hours a team is expected to cover: a window per set of weekdays (end ≤ start ends the next day). */
export const coverageWindowSchema = z.strictObject({
  weekdays: weekdaysSchema,
  start: plainTimeSchema,
  end: plainTimeSchema,
});
export const expectedCoverageSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('always') }), // 24/7
    z.strictObject({ kind: z.literal('windows'), windows: z.array(coverageWindowSchema) }),
  ],
  { error: m.coverageInvalid },
);
export type CoverageWindow = z.infer<typeof coverageWindowSchema>;
export type ExpectedCoverage = z.infer<typeof expectedCoverageSchema>;

export const rosterTeamSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(100),
  kind: teamKindSchema,
  active: z.boolean(),
  coverage: expectedCoverageSchema,
});
export type RosterTeam = z.infer<typeof rosterTeamSchema>;

export const shiftPatternSchema = z
  .strictObject({
    id: idSchema,
    teamId: idSchema,
    label: labelSchema,
    weekdays: weekdaysSchema,
    /** Local start; an end at or before it ends the next day. */
    start: plainTimeSchema,
    end: plainTimeSchema,
    /** First and last local date (inclusive) on which a shift of this pattern starts. */
    validFrom: plainDateSchema,
    validUntil: plainDateSchema.nullable(),
    memberIds: z.array(idSchema),
    leadId: idSchema.nullable(),
  })
  .refine((p) => p.validUntil === null || p.validUntil >= p.validFrom, {
    error: m.validUntilBeforeFrom,
    path: ['validUntil'],
  })
  .refine((p) => p.leadId === null || p.memberIds.includes(p.leadId), {
    error: m.leadNotMember,
    path: ['leadId'],
  });
export type ShiftPattern = z.infer<typeof shiftPatternSchema>;

const overrideBase = { id: idSchema, teamId: idSchema, date: plainDateSchema, reason: reasonSchema };

/** On `date`, `memberId` hands the shift of pattern `patternId` to `replacementId` (a lead hands on the lead). */
export const swapOverrideSchema = z.strictObject({
  ...overrideBase,
  kind: z.literal('swap'),
  patternId: idSchema,
  memberId: idSchema,
  replacementId: idSchema,
});
/** `memberId` does not work the shift of `patternId` starting on `date` (null: none of that day's shifts). */
export const absenceOverrideSchema = z.strictObject({
  ...overrideBase,
  kind: z.literal('absent'),
  cause: z.enum(['ziek', 'afwezig']),
  patternId: idSchema.nullable(),
  memberId: idSchema,
});
/** A shift outside the patterns, e.g. for an event. */
export const extraShiftOverrideSchema = z
  .strictObject({
    ...overrideBase,
    kind: z.literal('extra'),
    label: labelSchema,
    start: plainTimeSchema,
    end: plainTimeSchema,
    memberIds: z.array(idSchema).min(1, { error: m.membersRequired }),
    leadId: idSchema.nullable(),
  })
  .refine((o) => o.leadId === null || o.memberIds.includes(o.leadId), {
    error: m.leadNotMember,
    path: ['leadId'],
  });
export const rosterOverrideSchema = z.discriminatedUnion('kind', [
  swapOverrideSchema,
  absenceOverrideSchema,
  extraShiftOverrideSchema,
]);
export type SwapOverride = z.infer<typeof swapOverrideSchema>;
export type AbsenceOverride = z.infer<typeof absenceOverrideSchema>;
export type ExtraShiftOverride = z.infer<typeof extraShiftOverrideSchema>;
export type RosterOverride = z.infer<typeof rosterOverrideSchema>;

/** Where an instance came from: a pattern on a date, an extra shift, or an imported calendar event. */
export const shiftSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pattern'), patternId: idSchema }),
  z.strictObject({ kind: z.literal('extra'), overrideId: idSchema }),
  z.strictObject({ kind: z.literal('ics'), uid: z.string().min(1), recurrenceId: z.string().nullable() }),
]);
export type ShiftSource = z.infer<typeof shiftSourceSchema>;

/** A concrete shift: local date and times as planned, and the instants [startsAt, endsAt) they mean. */
export const shiftInstanceSchema = z.strictObject({
  id: idSchema,
  teamId: idSchema,
  label: labelSchema,
  source: shiftSourceSchema,
  localDate: plainDateSchema,
  localStart: plainTimeSchema,
  localEnd: plainTimeSchema,
  startsAt: z.date(),
  endsAt: z.date(),
  memberIds: z.array(idSchema),
  leadId: idSchema.nullable(),
  /** The overrides that changed this instance, in the order they were applied. */
  overrideIds: z.array(idSchema),
});
export type ShiftInstance = z.infer<typeof shiftInstanceSchema>;

/** What the on-duty functions read: the generated (and imported) shift instances of one or more teams. */
export interface Roster {
  readonly instances: readonly ShiftInstance[];
}
