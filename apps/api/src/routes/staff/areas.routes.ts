import { areaImportQuerySchema, areaImportReportSchema, areaListSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AreasService } from '../../areas/areas-service.ts';
import { ApiError } from '../../errors.ts';
import { readUploadedFile, utf8Text } from '../../rosters/uploaded-file.ts';
import { requireRole } from '../../staff/staff-guard.ts';
import { areaTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 413);

export interface AreasRoutesOptions {
  areas: AreasService;
}

/** Wijken and buurten: the list, and the admin's upload of a CBS Wijk- en Buurtkaart. */
const areasRoutes: FastifyPluginAsyncZod<AreasRoutesOptions> = async (app, { areas }) => {
  app.get(
    '/areas',
    {
      schema: {
        summary: 'Wijken en buurten (de voorbeeldwijken tot een CBS-kaart is ingelezen)',
        tags: ['gebieden'],
        response: { 200: areaListSchema, ...errors },
      },
    },
    async () => areas.list(),
  );

  app.post(
    '/admin/areas',
    {
      preHandler: requireRole('admin'),
      schema: {
        summary: 'Wijken en buurten inlezen uit de Wijk- en Buurtkaart van het CBS (GeoJSON, multipart)',
        description:
          'Eigenschappen WK_CODE/WK_NAAM, BU_CODE/BU_NAAM en GM_CODE; alleen de gekozen gemeente wordt ' +
          'bewaard en vervangt haar eerdere wijken en buurten.',
        tags: ['gebieden'],
        consumes: ['multipart/form-data'],
        headers: csrfHeaderSchema,
        querystring: areaImportQuerySchema,
        response: { 200: areaImportReportSchema, ...errors },
      },
    },
    async (request) => {
      const missing = { code: 'AREA_FILE_INVALID' as const, message: areaTexts.fileRequired };
      const text = utf8Text(await readUploadedFile(request, missing));
      if (text === undefined)
        throw new ApiError(400, 'AREA_FILE_INVALID', areaTexts.notJson, [
          { field: 'file', message: areaTexts.notJson },
        ]);
      const report = await areas.import(text, request.query.gemeente);
      await app.staffAudit(request, {
        action: 'areas.import',
        result: 'ok',
        details: {
          gemeenteCode: report.gemeenteCode,
          wijken: report.wijken,
          buurten: report.buurten,
          skipped: report.skippedOtherGemeente,
          removed: report.removed,
        },
      });
      return report;
    },
  );
};

export default areasRoutes;
