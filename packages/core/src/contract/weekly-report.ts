import { z } from 'zod';
import { priorities } from '../categories.ts';
import { meldingStatuses } from '../status-machine.ts';
import { text } from '../text-schema.ts';
import { isoWeekPattern } from '../time/iso-week.ts';
import { coverageGapSchema } from './rosters.ts';
import { labelledSchema, teamRefSchema, wijkRefSchema } from './wire.ts';

/** An ISO 8601 week, e.g. 2026-W48 (the pattern lives with the week arithmetic). */
export { isoWeekPattern };

// The contract of docs/staff-api.md, "Weekly overview". No field may ever carry melder contact data.

const idLabel = labelledSchema;
const wijk = wijkRefSchema.nullable();
const team = teamRefSchema.nullable();

/** The fields every melding listed in the overview starts with. */
const listedMelding = { id: z.uuid(), reference: z.string(), category: idLabel };

/** A list of which the overview shows the first items, with the number of all that match. */
const countedList = <Item extends z.ZodType>(item: Item) =>
  z.object({ total: z.number().int(), items: z.array(item) });

export const weeklyQuerySchema = z.object({
  week: text()
    .regex(isoWeekPattern, 'Een ISO-week als 2026-W48.')
    .optional()
    .describe('ISO-week, bv. 2026-W48; zonder: de vorige (volledige) week.'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const weeklyMeldingenQuerySchema = weeklyQuerySchema.pick({ week: true });

export const trendSchema = z.object({
  count: z.number().int(),
  previousAverage: z.number(),
  change: z.number(),
  changePercent: z.number().nullable(),
});
export type Trend = z.output<typeof trendSchema>;

export const weeklyReportSchema = z
  .object({
    week: z.string(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    generatedAt: z.iso.datetime(),
    minCount: z.number().int(),
    totals: trendSchema,
    perCategory: z.array(trendSchema.extend({ category: idLabel })),
    perWijk: z.array(trendSchema.extend({ wijk })),
    pastDeadline: countedList(
      z.object({
        ...listedMelding,
        team,
        priority: z.enum(priorities).nullable(),
        deadlineAt: z.iso.datetime(),
        daysLate: z.number().int(),
      }),
    ),
    reopened: countedList(
      z.object({
        ...listedMelding,
        wijk,
        team,
        reopenedAt: z.iso.datetime(),
        by: z.enum(['melder', 'staff']),
        status: z.object({ code: z.enum(meldingStatuses), label: z.string() }),
      }),
    ),
    satisfaction: z.object({
      ja: z.number().int(),
      nee: z.number().int(),
      explanations: z.array(
        z.object({ reference: z.string(), explanation: z.string(), answeredAt: z.iso.datetime() }),
      ),
    }),
    notable: z.array(
      z.object({
        ...listedMelding,
        wijk,
        reason: z.string(),
        flaggedAt: z.iso.datetime(),
        flaggedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      }),
    ),
    /** Per active team with expected hours: the hours of the week in which nobody of it was on duty. */
    coverageGaps: z.array(
      z.object({ team: teamRefSchema, totalMinutes: z.number().int(), gaps: z.array(coverageGapSchema) }),
    ),
    hotspots: z.array(
      z.object({
        cell: z.string(),
        resolution: z.number().int(),
        wijk,
        category: idLabel.nullable(),
        since: z.iso.datetime(),
        count: z.number().int(),
        profile: z.object({ weekdayHour: z.array(z.array(z.number().int())) }),
      }),
    ),
  })
  .meta({ id: 'WeeklyReport' });

export type WeeklyReport = z.output<typeof weeklyReportSchema>;

// ---- Notable meldingen (docs/staff-api.md, "Notable meldingen") ----

export const notableBodySchema = z.object({ reason: text({ multiline: true, trim: true }).min(1).max(500) });

export const notableResponseSchema = z
  .object({
    notable: z.object({
      at: z.iso.datetime(),
      by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      reason: z.string(),
    }),
  })
  .meta({ id: 'NotableFlag' });
