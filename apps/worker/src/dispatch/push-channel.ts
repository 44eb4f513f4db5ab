import { getCategory, isPriority } from '@buurtsignaal/core';
import { type PushNotice, pushNoticeSchema } from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import type { DispatchAssignment } from '@buurtsignaal/db/queries/dispatch/dispatch-context';
import {
  claimNoticesCountingHeld,
  markNotice,
  type NoticeRow,
  recordNotices,
} from '@buurtsignaal/db/tables/dispatch-notices-repository';
import {
  deleteExpiredPushSubscription,
  listPushSubscriptions,
  markPushSuccess,
  type PushSubscriptionRow,
} from '@buurtsignaal/db/tables/push-subscriptions-repository';
import type { Logger } from 'pino';
import webpush from 'web-push';
import { errorText } from '../log-safety.ts';
import { type VapidKeys, vapidAuthorization } from './vapid-headers.ts';

// The Web Push channel of dispatch: one 'push' notice per officer, sent to each of the officer's
// devices, encrypted for that device (aes128gcm, RFC 8291) and signed with the VAPID key (RFC 8292;
// one signature per push service an hour, vapid-headers.ts).
// A device the push service says is gone (404/410) is forgotten; an officer left without any device
// is mailed instead. A push service that fails otherwise is tried again with the job's retry; on the
// job's last attempt it is given up and the officer is mailed instead, so nobody is left untold.

export type { VapidKeys } from './vapid-headers.ts';

export interface PushChannelDeps {
  db: Db;
  now: () => Date;
  /** undefined: push is not configured; every officer is mailed. */
  push?: VapidKeys | undefined;
  sendLeaseMs?: number;
  logger: Logger;
  /**
   * Real time in ms for the VAPID JWTs (vapid-headers.ts), Date.now by default: push services check
   * their exp against their own clock, so not `now`, which tests fix at an instant of their own.
   */
  vapidClock?: (() => number) | undefined;
}

/** How long a push service keeps an undelivered notice: longer than any pick-up time makes no sense. */
const TTL_SECONDS = 2 * 3600;
const SEND_TIMEOUT_MS = 10_000;
const SUCCESS_MARK_EVERY_MS = 3_600_000;

type DeviceOutcome = 'ok' | 'gone' | 'refused' | 'retry';

/** The payload: exactly the keys of pushNoticeSchema, nothing of the melder or the description. */
export function pushNoticeFor(a: DispatchAssignment, wijkName: string | null): PushNotice {
  return pushNoticeSchema.parse({
    meldingId: a.meldingId,
    reference: a.reference,
    category: getCategory(a.category)?.label ?? a.category,
    priority: isPriority(a.priority) ? a.priority : 'normaal',
    wijk: wijkName,
  });
}

async function sendToDevice(
  deps: PushChannelDeps & { push: VapidKeys },
  device: PushSubscriptionRow,
  notice: PushNotice,
): Promise<DeviceOutcome> {
  const details = webpush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(notice),
    {
      // Signed once an hour per push service, not per notice (web-push signs when given vapidDetails).
      headers: {
        Authorization: vapidAuthorization(deps.push, device.endpoint, (deps.vapidClock ?? Date.now)()),
      },
      TTL: TTL_SECONDS,
      urgency: notice.priority === 'spoed' ? 'high' : 'normal',
      // One melding, one topic: a push service replaces an earlier notice of it not delivered yet.
      topic: notice.meldingId.replaceAll('-', ''),
      contentEncoding: 'aes128gcm',
    },
  );
  // generateRequestDetails + fetch rather than sendNotification: the same request over http too (a
  // push service of the tests' own), and fetch's own Content-Length.
  const headers = Object.fromEntries(
    Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  ) as Record<string, string>;
  let status: number;
  try {
    const res = await fetch(details.endpoint, {
      method: 'POST',
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
  } catch (err) {
    deps.logger.warn({ deviceId: device.id, err: errorText(err) }, 'push service unreachable');
    return 'retry';
  }
  if (status >= 200 && status < 300) {
    // When the device was last reached, to the hour: not a write for every notice.
    const at = deps.now();
    const last = device.lastSuccessAt?.getTime();
    if (last === undefined || Math.abs(at.getTime() - last) >= SUCCESS_MARK_EVERY_MS) {
      await markPushSuccess(deps.db, device.id, at);
    }
    return 'ok';
  }
  if (status === 404 || status === 410) {
    await deleteExpiredPushSubscription(deps.db, device.id);
    deps.logger.info({ deviceId: device.id, status }, 'push subscription expired: removed');
    return 'gone';
  }
  deps.logger.warn({ deviceId: device.id, status }, 'push service refused a notice');
  return status === 429 || status >= 500 ? 'retry' : 'refused';
}

/** 'sent' when a device has it; 'retry' when one may still get it; 'unreachable' when none can. */
function noticeOutcome(outcomes: readonly DeviceOutcome[]): 'sent' | 'retry' | 'unreachable' {
  if (outcomes.includes('retry')) return 'retry';
  return outcomes.includes('ok') ? 'sent' : 'unreachable';
}

async function sendNotice(
  deps: PushChannelDeps & { push: VapidKeys },
  notice: NoticeRow,
  payload: PushNotice,
  known: ReadonlyMap<string, readonly PushSubscriptionRow[]> | undefined,
): Promise<'sent' | 'retry' | 'unreachable'> {
  const devices = known?.get(notice.userId) ?? (await listPushSubscriptions(deps.db, [notice.userId]));
  const outcomes: DeviceOutcome[] = [];
  // One device after the other: an officer has one or two, and a retry must not resend to those done.
  for (const device of devices) outcomes.push(await sendToDevice(deps, device, payload));
  return noticeOutcome(outcomes);
}

/**
 * Sends the step's push notices not sent yet. An officer whose devices are all gone (or refused) gets
 * a pending e-mail notice instead, which the mail channel sends right after. Throws when a push
 * service asked to try again (the job retries; sent notices stay sent) — unless this is the job's last
 * attempt (`lastAttempt`): then the push notice fails and the officer gets the e-mail notice instead.
 */
export async function sendPendingPushes(
  deps: PushChannelDeps,
  a: DispatchAssignment,
  step: number,
  wijkName: string | null,
  lastAttempt = false,
  /** The officers' devices as this step read them (dispatch-channels.ts); else read per notice. */
  devices?: ReadonlyMap<string, readonly PushSubscriptionRow[]>,
): Promise<void> {
  const { push } = deps;
  if (!push) return;
  const at = deps.now();
  const staleBefore = new Date(at.getTime() - (deps.sendLeaseMs ?? 120_000));
  const q = { assignmentId: a.assignmentId, step, channel: 'push' as const };
  const { claimed: pending, heldElsewhere } = await claimNoticesCountingHeld(deps.db, {
    ...q,
    at,
    staleBefore,
  });
  const payload = pushNoticeFor(a, wijkName);
  let retries = 0;
  for (const notice of pending) {
    const sent = await sendNotice({ ...deps, push }, notice, payload, devices);
    const outcome = sent === 'retry' && lastAttempt ? 'unreachable' : sent;
    if (outcome === 'retry') {
      retries++;
      await markNotice(deps.db, notice.id, 'pending', deps.now());
      continue;
    }
    await markNotice(deps.db, notice.id, outcome === 'sent' ? 'sent' : 'failed', deps.now());
    if (outcome === 'unreachable') {
      // One e-mail notice per (assignment, step, officer): the unique key keeps a second one out.
      const { assignmentId, meldingId, userId, reason } = notice;
      await recordNotices(deps.db, [
        {
          assignmentId,
          meldingId,
          step,
          userId,
          reason,
          channel: 'email',
          status: 'pending',
          at: deps.now(),
        },
      ]);
    }
  }
  if (retries > 0) throw new Error(`${retries} push notices of step ${step} are to be tried again`);
  // Another attempt holds some (or died holding them): retry after backoff, taken over once stale.
  if (heldElsewhere > 0) {
    throw new Error(`${heldElsewhere} push notices of step ${step} are held by another attempt`);
  }
}
