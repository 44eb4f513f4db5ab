import { stuckJobListSchema, stuckJobRetrySchema } from '@buurtsignaal/core/contract';
import { listStuckJobs, lockStuckJob, requestStuckJobRetry, type StuckJobRow } from '@buurtsignaal/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { stuckJobTexts } from '../../staff/staff-texts-nl.ts';
import type { StaffRoutesOptions } from './staff.routes.ts';
import { csrfHeaderSchema } from './staff-schemas.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
};

/** What the worker's relay needs to send the work on (`job.retry`): ids only. */
function retryPayload(job: StuckJobRow): Record<string, unknown> {
  const base = { stuckJobId: job.id, meldingId: job.meldingId, statusEventId: job.statusEventId };
  if (job.kind === 'routing') return { ...base, kind: 'routing' };
  return { ...base, kind: 'notification', template: job.template, notificationKey: job.notificationKey };
}

/**
 * "Vastgelopen taken" (docs/staff-api.md): work the worker's reconciliation gave up on, or whose job
 * failed for good, and the admin's retry. Admins only.
 */
const adminStuckRoutes: FastifyPluginAsyncZod<StaffRoutesOptions> = async (
  app,
  { db, now, outboxNotifier },
) => {
  app.get(
    '/admin/stuck',
    {
      preHandler: requireRole('admin'),
      schema: {
        summary: 'Vastgelopen taken: meldingen die niet zijn ingedeeld en berichten zonder afloop',
        tags: ['beheer'],
        response: { 200: stuckJobListSchema, ...errors },
      },
    },
    async (_request, reply) => {
      const items = (await listStuckJobs(db)).map((j) => ({
        id: j.id,
        kind: j.kind,
        what: stuckJobTexts.what(j.kind, j.template),
        melding: { id: j.meldingId, reference: j.reference },
        since: j.dueSince.toISOString(),
        stuckAt: j.stuckAt?.toISOString() ?? null,
        attempts: j.attempts,
        lastError: j.lastError,
      }));
      return reply.header('cache-control', 'no-store').send({ items });
    },
  );

  app.post(
    '/admin/stuck/:id/retry',
    {
      preHandler: requireRole('admin'),
      schema: {
        summary: 'Een vastgelopen taak opnieuw laten uitvoeren',
        description:
          'De worker voert de taak opnieuw uit (idempotent: wat al gedaan is, gebeurt niet nog eens). ' +
          'Een taak die niet (meer) vastzit is 409 STUCK_JOB_NOT_STUCK.',
        tags: ['beheer'],
        headers: csrfHeaderSchema,
        params: z.object({ id: z.uuid() }),
        response: { 202: stuckJobRetrySchema, 404: errorResponseSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { id } = request.params;
      const at = now();
      // The row and the outbox row in one transaction: the retry happens exactly when it is recorded.
      let job: StuckJobRow;
      try {
        job = await db.transaction(async (tx) => {
          const row = await lockStuckJob(tx, id);
          if (!row) throw new ApiError(404, 'STUCK_JOB_NOT_FOUND', stuckJobTexts.notFound);
          if (row.state !== 'stuck') throw new ApiError(409, 'STUCK_JOB_NOT_STUCK', stuckJobTexts.notStuck);
          await requestStuckJobRetry(tx, row, { at, byUserId: staff.id, payload: retryPayload(row) });
          return row;
        });
      } catch (err) {
        // After the rollback, on the outer connection (PGlite has one).
        if (err instanceof ApiError) {
          await app.staffAudit(request, {
            action: 'stuck_job.retry',
            result: 'error',
            details: { stuckJobId: id, code: err.code },
          });
        }
        throw err;
      }
      outboxNotifier.poke();
      await app.staffAudit(request, {
        action: 'stuck_job.retry',
        result: 'ok',
        meldingId: job.meldingId,
        details: { stuckJobId: job.id, kind: job.kind, attempts: job.attempts },
      });
      return reply.code(202).send({ id: job.id, state: 'retrying' as const });
    },
  );
};

export default adminStuckRoutes;
