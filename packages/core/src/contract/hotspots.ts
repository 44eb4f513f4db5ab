import { z } from 'zod';
import { categoryIds } from '../categories.ts';
import { text } from '../text-schema.ts';
import { instant, labelledSchema, teamRefSchema, wijkRefSchema } from './wire.ts';

const isoDateTime = z.iso.datetime({ offset: true });
const status = z.enum(['all', 'open']).default('all');

/** Filters shared by the map and the cell profile (docs/staff-api.md, "Hotspots"). */
const periodFilters = {
  category: z.enum(categoryIds).optional(),
  subcategory: text().min(1).max(100).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  status,
};

export const hotspotQuerySchema = z.object({
  bbox: text().max(200).describe('minLng,minLat,maxLng,maxLat (WGS84, degrees)'),
  res: z.coerce.number().int().min(7).max(10),
  ...periodFilters,
  weekday: z.coerce.number().int().min(1).max(7).optional().describe('1 = maandag … 7 = zondag'),
  hour: z.coerce.number().int().min(0).max(23).optional(),
});
export type HotspotQuery = z.output<typeof hotspotQuerySchema>;

export const cellProfileQuerySchema = z.object(periodFilters);
export type CellProfileQuery = z.output<typeof cellProfileQuerySchema>;

const labelled = labelledSchema;
const wijk = wijkRefSchema.nullable();
const centre = z.object({ lat: z.number(), lng: z.number() });
const polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.array(z.number()))),
});
const period = z.object({ from: instant, to: instant });

export const cellSchema = z
  .object({ cell: z.string(), res: z.number().int(), count: z.number().int(), centre, boundary: polygon })
  .meta({ id: 'HotspotCell' });

export const meldingPointSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    lat: z.number(),
    lng: z.number(),
    category: labelled,
    subcategory: labelled.nullable(),
    status: z.object({ code: z.string(), label: z.string() }),
    happenedAt: instant,
  })
  .meta({ id: 'HotspotMeldingPoint' });

export const hotspotMapSchema = z
  .object({
    res: z.number().int(),
    period,
    total: z.number().int(),
    maxCount: z.number().int(),
    cells: z.array(cellSchema),
    meldingen: z.array(meldingPointSchema).nullable(),
    meldingenTruncated: z.boolean(),
  })
  .meta({ id: 'HotspotMap' });
export type HotspotMap = z.output<typeof hotspotMapSchema>;

export const cellProfileSchema = z
  .object({
    cell: z.string(),
    res: z.number().int(),
    centre,
    boundary: polygon,
    wijk,
    period,
    total: z.number().int(),
    byCategory: z.array(z.object({ category: labelled, count: z.number().int() })),
    matrix: z.array(z.array(z.number().int())).describe('matrix[weekday-1][hour], Europe/Amsterdam'),
    trend: z.array(z.object({ week: z.string(), start: z.string(), count: z.number().int() })),
    meldingen: z.array(meldingPointSchema).nullable(),
    meldingenTruncated: z.boolean(),
  })
  .meta({ id: 'HotspotCellProfile' });
export type CellProfile = z.output<typeof cellProfileSchema>;

export const hotspotRuleBodySchema = z.strictObject({
  name: text({ trim: true }).min(1).max(100),
  category: z.enum(categoryIds).nullable(),
  subcategory: text().min(1).max(100).nullable(),
  resolution: z.number().int().min(7).max(10),
  minCount: z.number().int().min(2).max(10_000),
  windowDays: z.number().int().min(1).max(365),
  active: z.boolean(),
});
export type HotspotRuleBody = z.output<typeof hotspotRuleBodySchema>;

export const hotspotRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    category: z.string().nullable(),
    subcategory: z.string().nullable(),
    resolution: z.number().int(),
    minCount: z.number().int(),
    windowDays: z.number().int(),
    active: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'HotspotRule' });

export const activeHotspotSchema = z
  .object({
    id: z.uuid(),
    cell: z.string(),
    res: z.number().int(),
    centre,
    boundary: polygon,
    wijk,
    since: instant,
    lastCount: z.number().int(),
    lastCheckedAt: instant,
    rule: z.object({
      id: z.uuid(),
      name: z.string(),
      category: z.string().nullable(),
      subcategory: z.string().nullable(),
      minCount: z.number().int(),
      windowDays: z.number().int(),
    }),
    notifiedAt: instant.nullable(),
    notifiedTeams: z.array(teamRefSchema),
  })
  .meta({ id: 'ActiveHotspot' });

export const hotspotNotificationSchema = z
  .object({
    id: z.uuid(),
    hotspotId: z.uuid(),
    team: teamRefSchema,
    cell: z.string(),
    res: z.number().int(),
    wijk,
    rule: z.object({ id: z.uuid(), name: z.string() }),
    lastCount: z.number().int(),
    since: instant,
    active: z.boolean(),
    createdAt: instant,
  })
  .meta({ id: 'HotspotNotification' });

export const activeHotspotsResponseSchema = z.object({ items: z.array(activeHotspotSchema) });
export const hotspotNotificationsResponseSchema = z.object({ items: z.array(hotspotNotificationSchema) });
export const hotspotRulesResponseSchema = z.object({ items: z.array(hotspotRuleSchema) });
