import { z } from 'zod';

// The contract of the area routes: the wijken and buurten the API knows (the sample of core until a
// CBS Wijk- en Buurtkaart is imported) and the report of an import.

export const areaKinds = ['wijk', 'buurt'] as const;

export const areaViewSchema = z
  .object({
    code: z.string(),
    naam: z.string(),
    kind: z.enum(areaKinds),
    gemeenteCode: z.string(),
    /** sample: core's approximate boundaries (the default); imported: from a CBS file. */
    source: z.enum(['sample', 'imported']),
  })
  .meta({ id: 'Area' });
export const areaListSchema = z
  .object({ source: z.enum(['sample', 'imported']), areas: z.array(areaViewSchema) })
  .meta({ id: 'AreaList' });

export const areaImportReportSchema = z
  .object({
    gemeenteCode: z.string(),
    wijken: z.number().int(),
    buurten: z.number().int(),
    /** Features of other gemeenten in the file, left out. */
    skippedOtherGemeente: z.number().int(),
    /** Areas of this gemeente that an earlier import had and this file has not: removed. */
    removed: z.number().int(),
    /** Features that could not be used (no code, no polygon), with the reason in Dutch. */
    problems: z.array(
      z.object({ index: z.number().int(), code: z.string().nullable(), message: z.string() }),
    ),
  })
  .meta({ id: 'AreaImportReport' });

export const areaImportQuerySchema = z.object({
  gemeente: z
    .string()
    .regex(/^GM\d{4}$/, 'Geef een CBS-gemeentecode op, bijvoorbeeld GM0342.')
    .describe('CBS-gemeentecode, bv. GM0342 (Soest).'),
});

export type AreaView = z.output<typeof areaViewSchema>;
export type AreaImportReport = z.output<typeof areaImportReportSchema>;
