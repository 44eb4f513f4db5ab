import { stuckJobListSchema, stuckJobRetrySchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StuckJobService } from '../../admin/stuck-job-service.ts';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403);

/**
 * "Vastgelopen taken" (docs/staff-api.md): work the worker's reconciliation gave up on, or whose job
 * failed for good, and the admin's retry. Admins only.
 */
export interface AdminStuckRoutesOptions {
  stuckJobs: StuckJobService;
}

const adminStuckRoutes: FastifyPluginAsyncZod<AdminStuckRoutesOptions> = async (app, { stuckJobs }) => {
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
      const items = await stuckJobs.list();
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
      let job: Awaited<ReturnType<StuckJobService['retry']>>;
      try {
        job = await stuckJobs.retry(id, staff.id);
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
