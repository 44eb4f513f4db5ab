import {
  isSpoedAnnouncement,
  STAFF_EVENT_NAME,
  type StaffEvent,
  staffEventSchema,
} from '@buurtsignaal/core/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../../runtime-config.ts';
import { keys } from '../query/query-client.tsx';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** After the browser gave up (a 401, a server that refused): how long before a new connection. */
const RECONNECT_MS = 5_000;

/**
 * The console's one live connection (GET /api/v1/staff/events), for as long as it is mounted: each
 * event marks the queue and that melding's detail stale, so TanStack Query refetches what is on
 * screen. The browser reconnects by itself and sends Last-Event-ID (the server replays what was
 * missed); when it gives up for good, a new connection follows with the last id as a parameter.
 */
export function useStaffEvents(enabled: boolean, onSpoed: (event: StaffEvent) => void): { state: LiveState } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const spoedRef = useRef(onSpoed);
  spoedRef.current = onSpoed;

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let lastId: string | undefined;
    let wasDown = false;
    let stopped = false;

    const onEvent = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastId = message.lastEventId;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = staffEventSchema.safeParse(data);
      if (!parsed.success) return;
      const event = parsed.data;
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
      void queryClient.invalidateQueries({ queryKey: keys.melding(event.meldingId) });
      if (isSpoedAnnouncement(event)) spoedRef.current(event);
    };

    const connect = () => {
      const query = lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : '';
      const es = new EventSource(apiUrl(`/api/v1/staff/events${query}`), { withCredentials: true });
      source = es;
      es.addEventListener(STAFF_EVENT_NAME, onEvent);
      es.onopen = () => {
        setState('live');
        // Replayed events refresh what they touch; the list itself is cheap to read once more.
        if (wasDown) void queryClient.invalidateQueries({ queryKey: ['queue'] });
        wasDown = false;
      };
      es.onerror = () => {
        wasDown = true;
        setState('reconnecting');
        if (es.readyState !== EventSource.CLOSED || stopped) return;
        // The browser stopped trying (e.g. a 401): ask again later, and let the session query see
        // whether the officer is still logged in.
        void queryClient.invalidateQueries({ queryKey: keys.session });
        retry = setTimeout(connect, RECONNECT_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [enabled, queryClient]);

  return { state };
}
