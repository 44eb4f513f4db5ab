import { consoleMeldingPath, pushNoticeSchema } from '@buurtsignaal/core/contract';
import { staffPushTexts as t } from '../texts/staff-push.ts';

// What the console's service worker does with a push: the notification it shows and the page a tap
// opens. Pure, so that it is tested without a browser.

export interface NoticeNotification {
  title: string;
  options: {
    body: string;
    /** One notification per melding: a later step (or a retry) replaces it instead of adding one. */
    tag: string;
    renotify: boolean;
    requireInteraction: boolean;
    icon: string;
    badge: string;
    lang: string;
    data: { url: string };
  };
}

/** The melding's page in the console on this origin: where a tap on the notification leads. */
export function noticeUrl(origin: string, meldingId: string): string {
  return new URL(consoleMeldingPath(meldingId), origin).href;
}

/** The notification for a push payload; a payload that is not a notice gives a plain one to the queue. */
export function notificationFor(payload: unknown, origin: string): NoticeNotification {
  const base = { icon: '/icons/balie-192.png', badge: '/icons/balie-badge-96.png', lang: 'nl-NL' };
  const notice = pushNoticeSchema.safeParse(payload);
  if (!notice.success) {
    return {
      title: t.notification.fallbackTitle,
      options: {
        ...base,
        body: '',
        tag: 'balie',
        renotify: true,
        requireInteraction: false,
        data: { url: new URL('/balie', origin).href },
      },
    };
  }
  const n = notice.data;
  return {
    title: t.notification.title(n.priority, n.category),
    options: {
      ...base,
      body: t.notification.body(n.reference, n.wijk),
      tag: `melding-${n.meldingId}`,
      renotify: true,
      // A spoed melding stays on screen until the officer acts on it.
      requireInteraction: n.priority === 'spoed',
      data: { url: noticeUrl(origin, n.meldingId) },
    },
  };
}

/** The URL a tap opens: the one the notification carries, if it is of this origin; else the console. */
export function clickTarget(data: unknown, origin: string): string {
  const url = (data as { url?: unknown } | null)?.url;
  if (typeof url === 'string' && URL.canParse(url) && new URL(url).origin === origin) return url;
  return new URL('/balie', origin).href;
}
