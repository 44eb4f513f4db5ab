import { z } from 'zod';

/**
 * What the web app needs to know about this installation (GET /api/v1/config), read at run time so
 * that one build serves every municipality and every test setup.
 */
export const webConfigSchema = z
  .object({
    municipality: z.object({ name: z.string(), code: z.string() }),
    pdok: z.object({
      /** PDOK Locatieserver v3.1 base, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1 (suggest, lookup, reverse). */
      locatieserverUrl: z.string(),
    }),
    map: z.object({
      /** XYZ tile URL template, e.g. PDOK BRT-Achtergrondkaart in EPSG:3857. */
      tileUrl: z.string(),
      attribution: z.string(),
      /** Where the map opens: [lat, lng] and zoom. */
      center: z.tuple([z.number(), z.number()]),
      zoom: z.number().int(),
      maxZoom: z.number().int(),
    }),
  })
  .meta({ id: 'WebConfig' });
