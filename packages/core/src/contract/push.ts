import { z } from 'zod';
import { priorities } from '../categories.ts';
import { pushMessages as m } from '../texts/push-nl.ts';
import { instant } from './wire.ts';

// Web Push: the console's per-device opt-in (staff API) and the payload the worker sends to a device.

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;
/** Bytes a base64url text stands for (no Buffer: the web app uses this contract too). */
const bytesOf = (s: string): number => Math.floor((s.replace(/=+$/, '').length * 3) / 4);

const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), m.endpoint);

/** `PushSubscription.toJSON()` of the browser; `expirationTime` is accepted and not kept. */
export const pushSubscriptionRequestSchema = z
  .object({
    endpoint: httpUrl,
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      p256dh: z
        .string()
        .regex(base64url, m.key)
        .refine((v) => bytesOf(v) === 65, m.p256dh),
      auth: z
        .string()
        .regex(base64url, m.key)
        .refine((v) => bytesOf(v) === 16, m.auth),
    }),
  })
  .meta({ id: 'PushSubscriptionRequest' });

export const pushUnsubscribeRequestSchema = z
  .object({ endpoint: httpUrl })
  .meta({ id: 'PushUnsubscribeRequest' });

/** The VAPID public key (base64url) the browser subscribes with; null when push is not configured. */
export const pushKeyResponseSchema = z.object({ publicKey: z.string().nullable() }).meta({ id: 'PushKey' });

export const pushSubscriptionResponseSchema = z
  .object({ endpoint: z.string(), createdAt: instant })
  .meta({ id: 'PushSubscription' });

/**
 * What a device receives, encrypted: enough to recognise the melding and open it — reference, category
 * (its label), priority and wijk (its name) — and never a description, address, contact or name.
 */
export const pushNoticeSchema = z
  .object({
    meldingId: z.uuid(),
    reference: z.string(),
    category: z.string(),
    priority: z.enum(priorities),
    wijk: z.string().nullable(),
  })
  .strict();

export type PushSubscriptionRequest = z.output<typeof pushSubscriptionRequestSchema>;
export type PushNotice = z.output<typeof pushNoticeSchema>;

/** The melding's page in the console: where a tap on the notification leads. */
export const consoleMeldingPath = (meldingId: string): string =>
  `/balie/meldingen/${encodeURIComponent(meldingId)}`;
