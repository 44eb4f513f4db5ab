import { checkTransition, isMeldingStatus, staffActor } from '@buurtsignaal/core';
import {
  meldingDetailSchema,
  noteBodySchema,
  noteCreatedSchema,
  previewBodySchema,
  previewResponseSchema,
  transitionBodySchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { type HandlingService, invalidTransition } from '../../handling/handling-service.ts';
import type { StaffMeldingService } from '../../handling/staff-melding-service.ts';
import { staffErrorTexts } from '../../texts/index.ts';
import { auditedAction, guardMelding, meldingDetailFor } from './melding-access.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const params = z.object({ id: z.uuid() });

/** Claim, status changes, internal notes and the mail preview (docs/staff-api.md, "Actions"). */
export interface HandlingRoutesOptions {
  handling: HandlingService;
  meldingen: StaffMeldingService;
}

const handlingRoutes: FastifyPluginAsyncZod<HandlingRoutesOptions> = async (app, { handling, meldingen }) => {
  app.post(
    '/meldingen/:id/claim',
    {
      schema: {
        summary: 'Een melding in behandeling nemen',
        description: 'Van twee gelijktijdige claims krijgt één 200 en de ander 409 ALREADY_CLAIMED.',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params,
        response: { 200: meldingDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff } = await guardMelding(request, meldingen, id, 'melding.claim');
      const { statusEventId } = await auditedAction(request, 'melding.claim', id, () =>
        handling.claim(staff, id),
      );
      await app.staffAudit(request, {
        action: 'melding.claim',
        result: 'ok',
        meldingId: id,
        details: { statusEventId },
      });
      return reply.header('cache-control', 'no-store').send(await meldingDetailFor(request, meldingen, id));
    },
  );

  app.post(
    '/meldingen/:id/transitions',
    {
      schema: {
        summary: 'De status van een melding wijzigen',
        description:
          'Via de statusmachine: een ongeldige wijziging is 409 INVALID_TRANSITION met de mogelijke ' +
          'statussen in `details` (veld `allowed`, komma-gescheiden).',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params,
        body: transitionBodySchema,
        response: { 200: meldingDetailSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff, melding } = await guardMelding(request, meldingen, id, 'melding.transition');
      const { statusEventId } = await auditedAction(request, 'melding.transition', id, () =>
        handling.transition(staff, id, request.body),
      );
      await app.staffAudit(request, {
        action: 'melding.transition',
        result: 'ok',
        meldingId: id,
        details: { from: melding.status, to: request.body.to, statusEventId },
      });
      return reply.header('cache-control', 'no-store').send(await meldingDetailFor(request, meldingen, id));
    },
  );

  app.post(
    '/meldingen/:id/notes',
    {
      schema: {
        summary: 'Een interne notitie toevoegen (nooit zichtbaar voor de melder)',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params,
        body: noteBodySchema,
        response: { 201: noteCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff } = await guardMelding(request, meldingen, id, 'melding.note');
      const note = await auditedAction(request, 'melding.note', id, () =>
        handling.addNote(staff, id, request.body.body),
      );
      await app.staffAudit(request, {
        action: 'melding.note',
        result: 'ok',
        meldingId: id,
        details: { noteId: note.id },
      });
      return reply.code(201).send(note);
    },
  );

  app.post(
    '/meldingen/:id/preview',
    {
      schema: {
        summary: 'De e-mail die de melder bij deze statuswijziging zou krijgen',
        description:
          'Slaat niets op. De links in de voorbeeldmail tonen de vorm van de persoonlijke statuslink, ' +
          'niet de link zelf.',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params,
        body: previewBodySchema,
        response: { 200: previewResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff, melding } = await guardMelding(request, meldingen, id, 'melding.preview');
      if (isMeldingStatus(melding.status)) {
        const check = checkTransition(melding.status, request.body.to);
        if (!check.ok && check.code === 'INVALID_TRANSITION') {
          throw invalidTransition(check.message, check.allowed);
        }
      }
      const preview = await meldingen.previewMail({
        meldingId: id,
        to: request.body.to,
        actor: staffActor(staff.id),
        publicMessage: request.body.publicMessage,
      });
      if (!preview) throw new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);
      return reply.header('cache-control', 'no-store').send(preview);
    },
  );
};

export default handlingRoutes;
