import { meldingStatuses, priorities, text } from '@buurtsignaal/core';
import { z } from 'zod';
import { isoWeekPattern } from './iso-week.ts';

// The contract of docs/staff-api.md, "Weekly overview". No field may ever carry melder contact data.

const idLabel = z.object({ id: z.string(), label: z.string() });
const wijk = z.object({ code: z.string(), naam: z.string() }).nullable();
const team = z.object({ id: z.string(), name: z.string() }).nullable();

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
    pastDeadline: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          id: z.uuid(),
          reference: z.string(),
          category: idLabel,
          team,
          priority: z.enum(priorities).nullable(),
          deadlineAt: z.iso.datetime(),
          daysLate: z.number().int(),
        }),
      ),
    }),
    reopened: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          id: z.uuid(),
          reference: z.string(),
          category: idLabel,
          wijk,
          team,
          reopenedAt: z.iso.datetime(),
          by: z.enum(['melder', 'staff']),
          status: z.object({ code: z.enum(meldingStatuses), label: z.string() }),
        }),
      ),
    }),
    satisfaction: z.object({
      ja: z.number().int(),
      nee: z.number().int(),
      explanations: z.array(
        z.object({ reference: z.string(), explanation: z.string(), answeredAt: z.iso.datetime() }),
      ),
    }),
    notable: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        category: idLabel,
        wijk,
        reason: z.string(),
        flaggedAt: z.iso.datetime(),
        flaggedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      }),
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
