import { z } from 'zod';
import { plainDateSchema, plainTimeSchema } from '../roster/roster-schema.ts';
import { text } from '../text-schema.ts';
import { isoWeekPattern } from '../time/iso-week.ts';
import { instant, personRefSchema, teamRefSchema } from './wire.ts';

// The contract of the roster advice (issue 13): per team and coming week the patrol windows and roster
// proposals with their evidence, the coordinator's decisions, the evaluation of windows that ran, and
// the patrol tasks that officers on duty see and tick off ("bezocht"). Places and times only.

export const adviceWeekSchema = z
  .string({ error: 'Geef een week op als JJJJ-Www, bijvoorbeeld 2026-W50.' })
  .regex(isoWeekPattern, { error: 'Geef een week op als JJJJ-Www, bijvoorbeeld 2026-W50.' });

export const rosterAdviceQuerySchema = z.object({
  team: text().min(1).max(100),
  week: adviceWeekSchema,
});

export const advicePlaceSchema = z.object({
  cell: z.string(),
  /** The wijk the cell lies in, or "vak …" outside the known wijken. */
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** Resident meldingen in the cell over the history weeks, and in this proposal's hours. */
  count: z.number().int(),
  windowCount: z.number().int(),
  category: z.string(),
  /** 7 × 24, Monday first, Amsterdam hours. */
  matrix: z.array(z.array(z.number().int())),
  /** Per history week, oldest first. */
  weeklyCounts: z.array(z.number().int()),
  trend: z.enum(['stijgend', 'dalend', 'gelijk']),
  /** "weinig meldingen — onzeker" where counts are small; null otherwise. */
  caution: z.string().nullable(),
});

export const adviceDecisionSchema = z.object({
  decision: z.enum(['accepted', 'rejected']),
  decidedAt: instant,
  decidedBy: personRefSchema.nullable(),
  reason: z.string().nullable(),
});

export const patrolVisitSchema = z.object({
  cell: z.string(),
  place: z.string(),
  at: instant,
  /** Amsterdam wall clock, 'HH:MM'. */
  localTime: z.string(),
  minutes: z.number().int(),
});

export const patrolWindowViewSchema = z.object({
  id: z.string(),
  shift: z.object({
    id: z.string(),
    label: z.string(),
    localDate: z.string(),
    localStart: z.string(),
    localEnd: z.string(),
  }),
  localFrom: z.string(),
  localTo: z.string(),
  summary: z.string(),
  places: z.array(advicePlaceSchema),
  visits: z.array(patrolVisitSchema),
  decision: adviceDecisionSchema.nullable(),
});

export const rosterProposalViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['extend', 'extra']),
  weekdays: z.array(z.number().int()),
  dates: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  coveredUntil: z.string().nullable(),
  /** "woensdag en vrijdag 22:00–23:00, Kjoeps: 12 meldingen jeugdoverlast in 8 weken, …". */
  summary: z.string(),
  suggestedMembers: z.array(personRefSchema),
  places: z.array(advicePlaceSchema),
  decision: adviceDecisionSchema.nullable(),
});

const ratesSchema = z.object({
  cells: z.number().int(),
  before: z.number(),
  during: z.number(),
  after: z.number().nullable(),
});

export const adviceEvaluationSchema = z.object({
  proposalId: z.string(),
  week: z.string(),
  localDate: z.string(),
  localFrom: z.string(),
  localTo: z.string(),
  places: z.array(z.object({ cell: z.string(), name: z.string() })),
  category: z.string(),
  treated: ratesSchema,
  comparison: ratesSchema.nullable(),
  neighbours: ratesSchema.nullable(),
  difference: z.number().nullable(),
  differenceAfter: z.number().nullable(),
  displacement: z.number().nullable(),
  uncertain: z.boolean(),
  total: z.number().int(),
  /** The numbers in plain Dutch, ending with the caution that a change is no proof of a cause. */
  lines: z.array(z.string()),
});

export const rosterAdviceViewSchema = z
  .object({
    team: teamRefSchema,
    week: z.string(),
    historyWeeks: z.number().int(),
    /** REPORT_MIN_COUNT: cells with fewer meldingen are never proposed on their own. */
    minCount: z.number().int(),
    patrolWindows: z.array(patrolWindowViewSchema),
    rosterProposals: z.array(rosterProposalViewSchema),
    /** Accepted patrol windows of the 13 weeks before, that ran. */
    evaluated: z.array(adviceEvaluationSchema),
  })
  .meta({ id: 'RosterAdvice' });

export const adviceDecisionBodySchema = z.object({
  team: text().min(1).max(100),
  week: adviceWeekSchema,
  proposalId: text().min(1).max(100),
  decision: z.enum(['accepted', 'rejected']),
  reason: text().max(500).optional(),
  /** What the coordinator changed before accepting. */
  edit: z
    .object({
      /** Patrol window: the places kept (a subset of the proposal's). */
      cells: z.array(z.string().min(1).max(20)).min(1).optional(),
      /** Roster proposal: who works the shift, and its hours. */
      memberIds: z.array(z.uuid()).min(1).optional(),
      start: plainTimeSchema.optional(),
      end: plainTimeSchema.optional(),
      dates: z.array(plainDateSchema).min(1).optional(),
    })
    .optional(),
});

export const adviceDecisionResultSchema = z.object({
  proposalId: z.string(),
  decision: z.enum(['accepted', 'rejected']),
  tasks: z.number().int(),
  overrideIds: z.array(z.string()),
});

export const patrolTaskViewSchema = z.object({
  id: z.uuid(),
  team: teamRefSchema,
  place: z.string(),
  cell: z.string(),
  lat: z.number(),
  lng: z.number(),
  plannedAt: instant,
  localTime: z.string(),
  minutes: z.number().int(),
  visitedAt: instant.nullable(),
});
export const patrolTaskListSchema = z
  .object({ tasks: z.array(patrolTaskViewSchema) })
  .meta({ id: 'PatrolTasks' });
export const patrolTaskParamsSchema = z.object({ id: z.uuid() });

export type RosterAdviceView = z.output<typeof rosterAdviceViewSchema>;
export type AdvicePlace = z.output<typeof advicePlaceSchema>;
export type AdviceDecisionBody = z.output<typeof adviceDecisionBodySchema>;
export type AdviceEvaluationView = z.output<typeof adviceEvaluationSchema>;
export type PatrolTaskView = z.output<typeof patrolTaskViewSchema>;
