import { text } from '@buurtsignaal/core';
import {
  activeHotspotsResponseSchema,
  cellProfileQuerySchema,
  cellProfileSchema,
  hotspotMapSchema,
  hotspotNotificationsResponseSchema,
  hotspotQuerySchema,
  hotspotRuleBodySchema,
  hotspotRuleSchema,
  hotspotRulesResponseSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import { activeHotspotView, notificationView } from '../../hotspots/hotspot-rules.ts';
import type { HotspotService } from '../../hotspots/hotspot-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { hotspotTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['hotspots'];

/** The hotspot map, cell profiles, hotspot rules and active hotspots (docs/staff-api.md, "Hotspots"). */
export interface HotspotsRoutesOptions {
  hotspots: HotspotService;
}

const hotspotsRoutes: FastifyPluginAsyncZod<HotspotsRoutesOptions> = async (app, { hotspots }) => {
  app.get(
    '/hotspots',
    {
      schema: {
        summary: 'Meldingen per H3-cel in een kaartvenster',
        description:
          'Cellen die het venster overlappen, met hun volledige aantal en hun omtrek als GeoJSON. Bij ' +
          '`res=10` ook de losse meldingen die de gebruiker mag zien.',
        tags,
        querystring: hotspotQuerySchema,
        response: { 200: hotspotMapSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = await hotspots.map(staffOf(request), request.query);
      return reply.header('cache-control', 'private, no-store').send(body);
    },
  );

  app.get(
    '/hotspots/active',
    {
      schema: {
        summary: 'Cellen die nu aan een actieve hotspotregel voldoen',
        tags,
        response: { 200: activeHotspotsResponseSchema, ...errors },
      },
    },
    async (_request, reply) => {
      const items = (await hotspots.active()).map(activeHotspotView);
      return reply.header('cache-control', 'private, no-store').send({ items });
    },
  );

  app.get(
    '/hotspots/notifications',
    {
      schema: {
        summary: 'Meldingen van nieuwe hotspots aan de teams',
        description: 'Boa en politie zien die van hun eigen teams, de coördinator alle.',
        tags,
        response: { 200: hotspotNotificationsResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const rows = await hotspots.notifications(staffOf(request));
      return reply.header('cache-control', 'private, no-store').send({ items: rows.map(notificationView) });
    },
  );

  app.get(
    '/hotspots/:cell',
    {
      schema: {
        summary: 'Het profiel van één cel',
        description:
          'Aantallen per categorie, weekdag × uur (Europe/Amsterdam), trend per ISO-week en de meldingen ' +
          'die de gebruiker mag zien.',
        tags,
        params: z.object({ cell: text().max(20) }),
        querystring: cellProfileQuerySchema,
        response: { 200: cellProfileSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = await hotspots.cellProfile(staffOf(request), request.params.cell, request.query);
      return reply.header('cache-control', 'private, no-store').send(body);
    },
  );

  app.get(
    '/hotspot-rules',
    {
      schema: {
        summary: 'Hotspotregels',
        tags,
        response: { 200: hotspotRulesResponseSchema, ...errors },
      },
    },
    async () => ({ items: await hotspots.rules() }),
  );

  app.post(
    '/hotspot-rules',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Een hotspotregel toevoegen',
        tags,
        headers: csrfHeaderSchema,
        body: hotspotRuleBodySchema,
        response: { 201: hotspotRuleSchema, ...errors },
      },
    },
    async (request, reply) => {
      const rule = await hotspots.createRule(request.body, staffOf(request).id);
      await app.staffAudit(request, {
        action: 'hotspot_rule.create',
        result: 'ok',
        details: { hotspotRuleId: rule.id },
      });
      return reply.code(201).send(rule);
    },
  );

  app.put(
    '/hotspot-rules/:id',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Een hotspotregel wijzigen of (de)activeren',
        tags,
        headers: csrfHeaderSchema,
        params: z.object({ id: z.uuid() }),
        body: hotspotRuleBodySchema,
        response: { 200: hotspotRuleSchema, ...errors },
      },
    },
    async (request) => {
      const rule = await hotspots.updateRule(request.params.id, request.body);
      if (!rule) throw new ApiError(404, 'HOTSPOT_RULE_NOT_FOUND', hotspotTexts.ruleNotFound);
      await app.staffAudit(request, {
        action: 'hotspot_rule.update',
        result: 'ok',
        details: { hotspotRuleId: rule.id, active: rule.active },
      });
      return rule;
    },
  );
};

export default hotspotsRoutes;
