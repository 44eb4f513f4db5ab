import { isMeldingStatus, type MeldingStatus, meldingStatuses, statusRules } from '@buurtsignaal/core';
import { queueQuerySchema, queueResponseSchema } from '@buurtsignaal/core/contract';
import { streetFromAddress } from '@buurtsignaal/mail';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, type ErrorCode } from '../../errors.ts';
import { meldingHeadView } from '../../handling/melding-detail.ts';
import { assigneeView } from '../../handling/melding-view.ts';
import type { StaffMeldingService } from '../../handling/staff-melding-service.ts';
import { denyAccess, staffOf } from '../../staff/staff-guard.ts';
import { handlingTexts } from '../../texts/index.ts';
import { errorResponses } from './staff-schemas.ts';

const openStatuses = meldingStatuses.filter((s) => statusRules[s].open);

function badQuery(code: ErrorCode, field: string, message: string): ApiError {
  return new ApiError(400, code, message, [{ field, message }]);
}

/** `open` (every status that still needs work) or a comma-separated list of codes. */
function parseStatuses(value: string | undefined): MeldingStatus[] {
  if (value === undefined || value.trim() === '' || value === 'open') return openStatuses;
  const codes = [...new Set(value.split(',').map((s) => s.trim()))];
  const unknown = codes.find((c) => !isMeldingStatus(c));
  if (unknown !== undefined) throw badQuery('VALIDATION_ERROR', 'status', `Onbekende status: "${unknown}".`);
  return codes as MeldingStatus[];
}

export interface QueueRoutesOptions {
  meldingen: StaffMeldingService;
}

const queueRoutes: FastifyPluginAsyncZod<QueueRoutesOptions> = async (app, { meldingen }) => {
  app.get(
    '/queue',
    {
      schema: {
        summary: 'De wachtrij van een team',
        description:
          'Open meldingen (of de gekozen statussen): spoed, dan hoog, dan de rest; daarbinnen de ' +
          'dichtstbijzijnde afhandeltermijn, dan de oudste. `nuGaande`: de melder zei dat het nu gebeurt. Boa en politie ' +
          'geven `team` op (een van hun teams); de coördinator ziet zonder `team` alle meldingen.',
        tags: ['afhandeling'],
        querystring: queueQuerySchema,
        response: {
          200: queueResponseSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const query = request.query;
      const seesAll = staff.role === 'coordinator' || staff.role === 'admin';
      if (!seesAll) {
        if (query.team === undefined) throw badQuery('TEAM_REQUIRED', 'team', handlingTexts.teamRequired);
        if (!staff.teamIds.includes(query.team)) {
          await denyAccess(request, 'queue.view', { details: { team: query.team } });
        }
      }
      const from = query.from === undefined ? undefined : new Date(query.from);
      const to = query.to === undefined ? undefined : new Date(query.to);
      if (from && to && from.getTime() >= to.getTime()) {
        throw badQuery('VALIDATION_ERROR', 'from', handlingTexts.periodInvalid);
      }
      const { rows, total, groupOf } = await meldingen.queue({
        teamId: query.team,
        statuses: parseStatuses(query.status),
        category: query.category,
        wijkCode: query.wijk,
        from,
        to,
        page: query.page,
        pageSize: query.pageSize,
      });
      const items = rows.map((r) => ({
        ...meldingHeadView(r),
        street: streetFromAddress(r.addressText) ?? r.approximateStreet ?? null,
        streetApproximate: !streetFromAddress(r.addressText) && r.approximateStreet !== null,
        createdAt: r.createdAt,
        deadlineAt: r.deadlineAt,
        nuGaande: r.nuGaande,
        reopenCount: r.reopenCount,
        assignedTo: assigneeView(r.assignedUserId, r.assignedUserName),
        photoCount: r.photoCount,
        ...groupOf(r.id),
      }));
      return reply
        .header('cache-control', 'no-store')
        .send({ items, page: query.page, pageSize: query.pageSize, total });
    },
  );
};

export default queueRoutes;
