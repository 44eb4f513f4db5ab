import { totpConfirmBodySchema, totpSetupResponseSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import type { AccountService } from '../../staff/account-service.ts';
import type { SessionService } from '../../staff/session-service.ts';
import { staffOf } from '../../staff/staff-guard.ts';
import type { StaffKeys } from '../../staff/staff-keys.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../../staff/totp.ts';
import { staffErrorTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 409);

/** TOTP enrolment: reachable from a restricted session (config.staffAuth 'enrolment'). */
export interface TotpRoutesOptions {
  accounts: AccountService;
  keys: StaffKeys;
  sessions: SessionService;
  now: () => Date;
}

const totpRoutes: FastifyPluginAsyncZod<TotpRoutesOptions> = async (
  app,
  { accounts, keys, sessions, now },
) => {
  const alreadyEnrolled = () =>
    new ApiError(409, 'TOTP_ALREADY_ENROLLED', staffErrorTexts.totpAlreadyEnrolled);

  app.post(
    '/totp/setup',
    {
      config: { staffAuth: 'enrolment' },
      schema: {
        summary: 'Tweestapsverificatie instellen: een nieuw geheim',
        description: 'Het geheim wordt één keer getoond; bevestig daarna met een code (POST /totp/confirm).',
        tags: ['medewerkers'],
        headers: csrfHeaderSchema,
        response: { 200: totpSetupResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const user = await accounts.findById(staff.id);
      if (!user) throw new ApiError(401, 'NOT_AUTHENTICATED', staffErrorTexts.notAuthenticated);
      const secret = newTotpSecret();
      if (!(await accounts.setPendingTotpSecret(user.id, keys.totpBox.seal(secret, user.id)))) {
        throw alreadyEnrolled();
      }
      await app.staffAudit(request, { action: 'totp.setup', result: 'ok' });
      return reply
        .header('cache-control', 'no-store')
        .send({ otpauthUri: totpUri(secret, user.email), secret });
    },
  );

  app.post(
    '/totp/confirm',
    {
      config: { staffAuth: 'enrolment' },
      schema: {
        summary: 'Tweestapsverificatie bevestigen met een code uit de app',
        tags: ['medewerkers'],
        headers: csrfHeaderSchema,
        body: totpConfirmBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const user = await accounts.findById(staff.id);
      if (!user) throw new ApiError(401, 'NOT_AUTHENTICATED', staffErrorTexts.notAuthenticated);
      if (user.totpConfirmedAt) throw alreadyEnrolled();
      const secret = user.totpSecretSealed ? keys.totpBox.open(user.totpSecretSealed, user.id) : null;
      if (secret === null) throw new ApiError(409, 'TOTP_NOT_STARTED', staffErrorTexts.totpNotStarted);
      const step = verifyTotp(secret, request.body.code, now());
      if (step === null) {
        await app.staffAudit(request, { action: 'totp.confirm', result: 'denied' });
        throw new ApiError(400, 'TOTP_INVALID', staffErrorTexts.totpInvalid);
      }
      // One statement: of two confirmations with the same code, one wins; the code is then used up
      // (the login after this needs a newer one).
      if (!(await accounts.confirmTotp(user.id, step))) {
        await app.staffAudit(request, {
          action: 'totp.confirm',
          result: 'denied',
          details: { reason: 'reused' },
        });
        const fresh = await accounts.findById(user.id);
        if (fresh?.totpConfirmedAt) throw alreadyEnrolled();
        throw new ApiError(409, 'TOTP_CODE_USED', staffErrorTexts.totpCodeUsed);
      }
      // This session has now shown the second factor: it is no longer restricted.
      if (request.staffSessionId) await sessions.markSecondFactor(request.staffSessionId);
      await app.staffAudit(request, { action: 'totp.confirm', result: 'ok' });
      return reply.code(204).send(null);
    },
  );
};

export default totpRoutes;
