import { loginBodySchema, loginResponseSchema, sessionResponseSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiConfig } from '../../config.ts';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { rolesRequiringTotp } from '../../staff/access-policy.ts';
import type { AccountService } from '../../staff/account-service.ts';
import type { AuthService } from '../../staff/auth-service.ts';
import { DEVICE_COOKIE, KNOWN_DEVICE_DAYS, LoginThrottledError } from '../../staff/login-throttle.ts';
import type { SessionService } from '../../staff/session-service.ts';
import { clearSessionCookie, setSessionCookie } from '../../staff/staff-auth.plugin.ts';
import { staffOf } from '../../staff/staff-guard.ts';
import type { StaffKeys } from '../../staff/staff-keys.ts';
import { staffErrorTexts } from '../../texts/index.ts';
import { csrfHeaderSchema } from './staff-schemas.ts';

export interface AuthRoutesOptions {
  config: ApiConfig;
  auth: AuthService;
  sessions: SessionService;
  keys: StaffKeys;
  accounts: AccountService;
}

const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const { auth, sessions, keys, config, accounts } = options;

  app.post(
    '/login',
    {
      config: {
        staffAuth: 'public',
        rateLimit: {
          max: config.staff.loginRateLimit.max,
          timeWindow: config.staff.loginRateLimit.windowMs,
          errorResponseBuilder: () => new ApiError(429, 'RATE_LIMITED', staffErrorTexts.loginRateLimited),
        },
      },
      schema: {
        summary: 'Inloggen als medewerker',
        description:
          'Zet de cookie `bs_session`, en `bs_device` (dit apparaat is bekend voor dit account). Wie ' +
          'TOTP heeft ingesteld stuurt wachtwoord en `totp` samen; een verkeerd wachtwoord, een ontbrekende ' +
          'en een verkeerde of al gebruikte code geven alle drie 401 INVALID_CREDENTIALS. Coördinator en ' +
          'beheerder zonder ingestelde TOTP krijgen een sessie die alleen TOTP kan instellen. Na ' +
          'mislukte pogingen per account en adres wachttijden die verdubbelen: 429 LOGIN_THROTTLED met ' +
          'Retry-After; met `bs_device` telt het adres van een ander niet mee.',
        tags: ['medewerkers'],
        body: loginBodySchema,
        response: {
          200: loginResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      let result: Awaited<ReturnType<typeof auth.login>>;
      try {
        result = await auth.login({
          ...request.body,
          source: request.ip,
          deviceCookie: request.cookies[DEVICE_COOKIE],
          log: request.log,
        });
      } catch (err) {
        if (err instanceof LoginThrottledError) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      }
      setSessionCookie(reply, result.token, config.staff.cookieSecure, result.expiresAt);
      reply.setCookie(DEVICE_COOKIE, result.deviceCookie, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.staff.cookieSecure,
        // Only the login reads it.
        path: '/api/v1/staff/login',
        maxAge: KNOWN_DEVICE_DAYS * 86_400,
      });
      return reply.header('cache-control', 'no-store').send({
        user: result.user,
        csrfToken: keys.csrfToken(result.sessionId),
        totpEnrolmentRequired: result.totpEnrolmentRequired,
        failedLogins: result.failedLogins,
      });
    },
  );

  app.post(
    '/logout',
    {
      config: { staffAuth: 'enrolment' },
      schema: {
        summary: 'Uitloggen',
        tags: ['medewerkers'],
        headers: csrfHeaderSchema,
        response: { 204: z.null(), 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      if (request.staffSessionId) await sessions.destroy(request.staffSessionId);
      await app.staffAudit(request, { action: 'logout', result: 'ok' });
      clearSessionCookie(reply, config.staff.cookieSecure);
      request.log.info({ staffId: staff.id }, 'staff logout');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { staffAuth: 'enrolment' },
      schema: {
        summary: 'De ingelogde medewerker, met een nieuw CSRF-token',
        tags: ['medewerkers'],
        response: { 200: sessionResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const user = await accounts.findById(staff.id);
      if (!user || !request.staffSessionId) {
        throw new ApiError(401, 'NOT_AUTHENTICATED', staffErrorTexts.notAuthenticated);
      }
      return reply.header('cache-control', 'no-store').send({
        user: await accounts.view(user),
        csrfToken: keys.csrfToken(request.staffSessionId),
        totpEnrolmentRequired: rolesRequiringTotp.has(user.role) && !staff.totpOk,
      });
    },
  );
};

export default authRoutes;
