import { meldingDetailSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import type { StaffMeldingService } from '../../handling/staff-melding-service.ts';
import type { PhotoStore } from '../../photos/photo-store.ts';
import { handlingTexts } from '../../texts/index.ts';
import { guardMelding, meldingDetailFor } from './melding-access.ts';
import { errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);

/** A melding as staff see it, and its photos. */
export interface MeldingenRoutesOptions {
  meldingen: StaffMeldingService;
  /** Where the photos of meldingen are. */
  photoStore: PhotoStore;
}

const meldingenRoutes: FastifyPluginAsyncZod<MeldingenRoutesOptions> = async (
  app,
  { meldingen, photoStore },
) => {
  app.get(
    '/meldingen/:id',
    {
      schema: {
        summary: 'Een melding, voor medewerkers',
        description:
          'Met foto’s, tijdlijn (statuswijzigingen, interne notities, antwoorden van de melder), ' +
          'e-mailbezorging en de mogelijke statuswijzigingen. Contactgegevens van de melder alleen voor ' +
          'wie ze mag zien; elke inzage wordt gelogd.',
        tags: ['afhandeling'],
        params: z.object({ id: z.uuid() }),
        response: { 200: meldingDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await guardMelding(request, meldingen, id, 'melding.view');
      await app.staffAudit(request, { action: 'melding.view', result: 'ok', meldingId: id });
      return reply.header('cache-control', 'no-store').send(await meldingDetailFor(request, meldingen, id));
    },
  );

  app.get(
    '/meldingen/:id/photos/:photoId',
    {
      schema: {
        summary: 'Een foto van een melding (JPEG)',
        tags: ['afhandeling'],
        params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        response: { 200: z.instanceof(Buffer).describe('image/jpeg'), ...errors },
      },
    },
    async (request, reply) => {
      const { id, photoId } = request.params;
      const { melding } = await guardMelding(request, meldingen, id, 'melding.photo.view');
      const photo = await meldingen.photo(id, photoId);
      const bytes = photo ? await photoStore.get(photo.storageKey) : null;
      if (!photo || !bytes) throw new ApiError(404, 'PHOTO_NOT_FOUND', handlingTexts.photoNotFound);
      await app.staffAudit(request, {
        action: 'melding.photo.view',
        result: 'ok',
        meldingId: id,
        details: { photoId },
      });
      // Photos are re-encoded JPEGs at intake; nosniff and a fixed type keep a browser from guessing.
      return reply
        .header('content-type', 'image/jpeg')
        .header('content-disposition', `inline; filename="${melding.reference}-${photo.position + 1}.jpg"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
};

export default meldingenRoutes;
