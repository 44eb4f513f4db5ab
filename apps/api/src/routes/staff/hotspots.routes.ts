import { randomUUID } from 'node:crypto';
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
import {
  insertHotspotRule,
  listActiveHotspots,
  listHotspotNotifications,
  listHotspotRules,
  updateHotspotRule,
} from '@buurtsignaal/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { cellProfile, hotspotMap } from '../../hotspots/hotspot-map-service.ts';
import { activeHotspotView, checkRuleBody, notificationView } from '../../hotspots/hotspot-rules.ts';
import { hotspotTexts } from '../../hotspots/hotspot-texts-nl.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import type { StaffRoutesOptions } from './staff.routes.ts';
import { csrfHeaderSchema } from './staff-schemas.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['hotspots'];

/** The hotspot map, cell profiles, hotspot rules and active hotspots (docs/staff-api.md, "Hotspots"). */
const hotspotsRoutes: FastifyPluginAsyncZod<StaffRoutesOptions> = async (app, { db, now }) => {
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
      const body = await hotspotMap(db, staffOf(request), request.query, now());
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
      const items = (await listActiveHotspots(db)).map(activeHotspotView);
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
      const staff = staffOf(request);
      const seesAll = staff.role === 'coordinator' || staff.role === 'admin';
      const rows = await listHotspotNotifications(db, {
        teamIds: seesAll ? undefined : staff.teamIds,
        limit: 100,
      });
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
      const body = await cellProfile(db, staffOf(request), request.params.cell, request.query, now());
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
    async () => ({ items: await listHotspotRules(db) }),
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
      const staff = staffOf(request);
      const rule = await insertHotspotRule(db, {
        ...checkRuleBody(request.body),
        id: randomUUID(),
        createdBy: staff.id,
        at: now(),
      });
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
      const rule = await updateHotspotRule(db, request.params.id, {
        ...checkRuleBody(request.body),
        at: now(),
      });
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
