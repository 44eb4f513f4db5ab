import type { DbOrTx } from '@buurtsignaal/db';
import type { FastifyBaseLogger } from 'fastify';
import type { ApiConfig } from '../config.ts';
import { type AuditWriter, createAuditWriter } from './audit.ts';
import { type AuthService, createAuthService } from './auth-service.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { createSessionService, type SessionService } from './session-service.ts';
import { createStaffKeys, deriveStaffKey, type StaffKeys } from './staff-keys.ts';

export interface StaffServices {
  keys: StaffKeys;
  sessions: SessionService;
  audit: AuditWriter;
  auth: AuthService;
}

/**
 * The key: an explicit one (apps/embedded passes the one derived from its generated status link key),
 * STAFF_SECRET_KEY, or one derived from STATUS_LINK_KEY. Without any, a key for this process only:
 * TOTP secrets sealed with it become unreadable after a restart (server.ts refuses that in production).
 */
export function resolveStaffKey(config: ApiConfig, log: FastifyBaseLogger, explicit?: Buffer): Buffer {
  if (explicit) return explicit;
  if (config.staff.secretKey) return Buffer.from(config.staff.secretKey, 'base64');
  if (config.statusLinkKey) return deriveStaffKey(config.statusLinkKey);
  log.warn(
    'neither STAFF_SECRET_KEY nor STATUS_LINK_KEY is set: staff secrets use a key for this process only',
  );
  return deriveStaffKey(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
}

export function createStaffServices(deps: {
  db: DbOrTx;
  config: ApiConfig;
  now: () => Date;
  key: Buffer;
}): StaffServices {
  const { db, config, now } = deps;
  const keys = createStaffKeys(deps.key);
  const sessions = createSessionService({ db, config: config.staff, now });
  const audit = createAuditWriter(db, now);
  const throttle = createLoginThrottle({ db, config: config.staff.loginThrottle, keys, now });
  const auth = createAuthService({ db, now, keys, sessions, audit, throttle });
  return { keys, sessions, audit, auth };
}
