import { findMelderContact, findStaffMeldingSummary } from '@buurtsignaal/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { canAccessMelding, canSeeMelderContact } from '../../staff/access-policy.ts';
import { denyAccess, staffOf } from '../../staff/staff-guard.ts';
import { staffErrorTexts } from '../../staff/staff-texts-nl.ts';
import type { StaffRoutesOptions } from './staff.routes.ts';

const staffMeldingSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    category: z.string(),
    subcategory: z.string().nullable(),
    status: z.string(),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.date(),
    /** Only for who may see it (canSeeMelderContact); null: an anonymous melding. Every view is audited. */
    melder: z
      .object({
        email: z.string().nullable(),
        phone: z.string().nullable(),
        wantsFeedback: z.boolean(),
        anonymised: z.boolean(),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'StaffMelding' });

// The handling workflow extends this with photos, the timeline and the actions.
const meldingenRoutes: FastifyPluginAsyncZod<StaffRoutesOptions> = async (app, { db }) => {
  app.get(
    '/meldingen/:id',
    {
      schema: {
        summary: 'Een melding, voor medewerkers',
        tags: ['medewerkers'],
        params: z.object({ id: z.uuid() }),
        response: {
          200: staffMeldingSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const melding = await findStaffMeldingSummary(db, request.params.id);
      if (!melding) throw new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);
      if (!canAccessMelding(staff, melding)) {
        await denyAccess(request, 'melding.view', { meldingId: melding.id });
      }
      await app.staffAudit(request, { action: 'melding.view', result: 'ok', meldingId: melding.id });
      const { teamId, teamName, ...rest } = melding;
      const body: z.input<typeof staffMeldingSchema> = {
        ...rest,
        team: teamId ? { id: teamId, name: teamName ?? teamId } : null,
      };
      if (canSeeMelderContact(staff, melding)) {
        const contact = await findMelderContact(db, melding.id);
        body.melder = contact ?? null;
        if (contact && !contact.anonymised) {
          await app.staffAudit(request, {
            action: 'melder_contact.view',
            result: 'ok',
            meldingId: melding.id,
          });
        }
      }
      return reply.header('cache-control', 'no-store').send(body);
    },
  );
};

export default meldingenRoutes;
