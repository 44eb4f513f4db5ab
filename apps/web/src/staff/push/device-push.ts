import {
  pushKeyResponseSchema,
  pushSubscriptionResponseSchema,
  type Wire,
} from '@buurtsignaal/core/contract';
import { staffRequest } from '../api.ts';
import { SUBSCRIBE_TIMEOUT_MS } from './push-timing.ts';

// Web Push on this device: the console's service worker, the browser's subscription and the staff API
// that stores it (docs/staff-api.md, "Meldingen op dit toestel").

export const SERVICE_WORKER_URL = '/balie-sw.js';
export const SERVICE_WORKER_SCOPE = '/balie';

/**
 * What the opt-in shows: 'on'/'off' for this device; otherwise why it cannot be turned on
 * ('unsupported' browser, notifications 'denied', push 'not-configured' on the server, 'failed').
 */
export type DevicePushState =
  | 'checking'
  | 'on'
  | 'off'
  | 'unsupported'
  | 'denied'
  | 'not-configured'
  | 'failed';

type PushSubscriptionBody = Wire<typeof pushSubscriptionResponseSchema>;

export function pushSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof window !== 'undefined' &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The console's service worker registration (registered once; the browser keeps it up to date). */
export async function consoleServiceWorker(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE });
  return navigator.serviceWorker.ready;
}

/** The VAPID key as the browser wants it: the bytes of the base64url text. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const saveSubscription = (subscription: PushSubscription): Promise<PushSubscriptionBody> =>
  staffRequest('POST', '/push/subscriptions', pushSubscriptionResponseSchema, subscription.toJSON());

/** Where this device stands now; an existing subscription is stored again (another officer may have used it). */
export async function currentDevicePush(): Promise<DevicePushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await consoleServiceWorker();
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) return 'off';
  await saveSubscription(subscription);
  return 'on';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('push subscription timed out')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export async function turnDevicePushOn(): Promise<DevicePushState> {
  if (!pushSupported()) return 'unsupported';
  const { publicKey } = await staffRequest('GET', '/push/key', pushKeyResponseSchema);
  if (!publicKey) return 'not-configured';
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off';
  const registration = await consoleServiceWorker();
  let subscription: PushSubscription;
  try {
    subscription = await withTimeout(
      registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey(publicKey),
      }),
      SUBSCRIBE_TIMEOUT_MS,
    );
  } catch {
    // No push service reachable (a browser without one, a network that blocks it) or another key.
    return 'failed';
  }
  try {
    await saveSubscription(subscription);
  } catch (err) {
    await subscription.unsubscribe().catch(() => false);
    throw err;
  }
  return 'on';
}

export async function turnDevicePushOff(): Promise<DevicePushState> {
  if (!pushSupported()) return 'unsupported';
  const registration = await consoleServiceWorker();
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) {
    await staffRequest('DELETE', '/push/subscriptions', null, { endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  }
  return 'off';
}
