import type { PushSubscriptionRequest } from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import {
  deletePushSubscription,
  savePushSubscription,
} from '@buurtsignaal/db/tables/push-subscriptions-repository';
import { deviceTexts } from '../texts/index.ts';

// The console's per-device opt-in: "Meldingen op dit toestel ontvangen" stores the browser's push
// subscription for the officer logged in; off deletes it. The worker sends to what is stored.

export interface PushSubscriptionService {
  /** The VAPID public key the browser subscribes with; null when push is not configured. */
  publicKey: string | null;
  save(
    userId: string,
    body: PushSubscriptionRequest,
    userAgent: string | undefined,
  ): Promise<{ endpoint: string; createdAt: Date; label: string | null }>;
  remove(userId: string, endpoint: string): Promise<boolean>;
}

/** "Chrome op Android": enough to recognise the device, not the full user agent. */
export function deviceLabel(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['SamsungBrowser/', 'Samsung Internet'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
    ].find(([mark]) => userAgent.includes(mark as string))?.[1] ?? deviceTexts.otherBrowser;
  const os = [
    ['Android', 'Android'],
    ['iPhone', 'iPhone'],
    ['iPad', 'iPad'],
    ['Windows', 'Windows'],
    ['Mac OS X', 'macOS'],
    ['Linux', 'Linux'],
  ].find(([mark]) => userAgent.includes(mark as string))?.[1];
  return os ? deviceTexts.browserOn(browser, os) : browser;
}

export function createPushSubscriptionService(deps: {
  db: Db;
  now: () => Date;
  publicKey: string | undefined;
}): PushSubscriptionService {
  return {
    publicKey: deps.publicKey ?? null,
    async save(userId, body, userAgent) {
      const label = deviceLabel(userAgent);
      const row = await savePushSubscription(deps.db, {
        userId,
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        userAgentLabel: label,
        at: deps.now(),
      });
      return { endpoint: row.endpoint, createdAt: row.createdAt, label };
    },
    remove: (userId, endpoint) => deletePushSubscription(deps.db, { userId, endpoint }),
  };
}
