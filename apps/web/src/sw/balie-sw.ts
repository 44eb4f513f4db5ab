import '../zod-config.ts';
import { clickTarget, notificationFor } from './push-notice.ts';

// The console's service worker (/balie-sw.js, scope /balie): shows a Web Push notice as a notification
// and opens the melding when it is tapped. It caches nothing: the console needs the live API anyway.
// Built as a classic script of its own by vite-plugins/service-worker.ts.

// The web app compiles against the DOM library; these are the few service-worker types used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification;
}
interface WindowClient {
  url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface ServiceWorkerScope {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'push', listener: (e: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (e: NotificationEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const origin = sw.location.origin;

sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

sw.addEventListener('push', (event) => {
  let payload: unknown = null;
  try {
    payload = event.data?.json() ?? null;
  } catch {
    payload = null;
  }
  const { title, options } = notificationFor(payload, origin);
  event.waitUntil(sw.registration.showNotification(title, options));
});

/** A console window already open is brought forward and shown the melding; else a new one opens. */
async function open(url: string): Promise<void> {
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const consoleWindow = windows.find((w) => new URL(w.url).pathname.startsWith('/balie'));
  if (consoleWindow) {
    const focused = await consoleWindow.focus();
    await focused.navigate(url);
    return;
  }
  await sw.clients.openWindow(url);
}

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(open(clickTarget(event.notification.data, origin)));
});
