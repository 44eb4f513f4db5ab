import { useEffect } from 'react';
import { SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from './device-push.ts';

export const MANIFEST_URL = '/balie.webmanifest';

function headLink(rel: string, href: string): void {
  if (document.head.querySelector(`link[rel="${rel}"]`)) return;
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  document.head.append(link);
}

/**
 * The console as an installable app (PWA): its manifest — linked from the console only, so that the
 * resident's form is never offered as "Balie" — and its service worker, which shows the push notices.
 */
export function useConsolePwa(): void {
  useEffect(() => {
    headLink('manifest', MANIFEST_URL);
    headLink('apple-touch-icon', '/icons/balie-192.png');
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE })
      .catch(() => undefined);
  }, []);
}
