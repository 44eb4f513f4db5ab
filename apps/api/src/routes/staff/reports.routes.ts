import {
  weeklyMeldingenQuerySchema,
  weeklyQuerySchema,
  weeklyReportSchema,
} from '@buurtsignaal/core/contract';
import { formatIsoWeek, type IsoWeek, parseIsoWeek } from '@buurtsignaal/core/time';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import { weeklyReportCsv, weekMeldingenCsv } from '../../reports/weekly-csv.ts';
import type { WeeklyReportService } from '../../reports/weekly-report-service.ts';
import { requireRole } from '../../staff/staff-guard.ts';
import { reportTexts } from '../../texts/index.ts';
import { errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403);

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('text/csv; charset=utf-8')
    .send(body);
}

/**
 * The weekly overview for the veiligheidsoverleg (docs/staff-api.md, "Weekly overview"). Coordinator and
 * admin only: it spans every team; boa/politie get 403 (audited by requireRole).
 */
export interface ReportsRoutesOptions {
  reports: WeeklyReportService;
}

const reportsRoutes: FastifyPluginAsyncZod<ReportsRoutesOptions> = async (app, { reports }) => {
  /** The chosen week, or the last complete one. */
  function weekOf(value: string | undefined): IsoWeek {
    if (value === undefined) return reports.lastCompleteWeek();
    const week = parseIsoWeek(value);
    if (!week) {
      throw new ApiError(400, 'VALIDATION_ERROR', reportTexts.weekInvalid, [
        { field: 'week', message: reportTexts.weekInvalid },
      ]);
    }
    return week;
  }

  app.get(
    '/reports/weekly',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Het weekoverzicht voor het veiligheidsoverleg',
        description:
          'JSON met de echte aantallen, of met `format=csv` een CSV-bestand voor Excel (puntkomma, BOM) ' +
          'waarin aantallen onder REPORT_MIN_COUNT als "< k" staan. Geen contactgegevens.',
        tags: ['rapportage'],
        querystring: weeklyQuerySchema,
        response: { 200: z.union([weeklyReportSchema, z.string()]), ...errors },
      },
    },
    async (request, reply) => {
      const week = weekOf(request.query.week);
      const report = await reports.weekly(week);
      if (request.query.format === 'csv') {
        await app.staffAudit(request, {
          action: 'report.weekly.csv',
          result: 'ok',
          details: { week: report.week },
        });
        return sendCsv(reply, `weekoverzicht-${report.week}.csv`, weeklyReportCsv(report));
      }
      return reply.header('cache-control', 'no-store').send(report);
    },
  );

  app.get(
    '/reports/weekly/meldingen.csv',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'De meldingen van een week, één regel per melding (CSV)',
        description: 'Zonder contactgegevens, omschrijving of antwoorden.',
        tags: ['rapportage'],
        querystring: weeklyMeldingenQuerySchema,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const week = weekOf(request.query.week);
      const rows = await reports.meldingenOf(week);
      const name = formatIsoWeek(week);
      await app.staffAudit(request, {
        action: 'report.weekly.meldingen_csv',
        result: 'ok',
        details: { week: name, rows: rows.length },
      });
      return sendCsv(reply, `weekmeldingen-${name}.csv`, weekMeldingenCsv(rows, reports.minCount));
    },
  );
};

export default reportsRoutes;
