import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

// Server state of the console: every read is a query, every change a mutation that invalidates the
// queries it makes stale. TanStack Query keeps only the newest answer per key, so no page needs a race
// guard of its own. This module is in the console chunk only: the public form never loads it.

/**
 * The queue and the melding detail are kept fresh by the live connection (staff/live/), not by
 * polling. What no event announces polls slowly, only while visible: who is on duty changes at shift
 * boundaries, hotspot notices come from a detection run every 5 minutes.
 */
export const SLOW_REFRESH_MS = 5 * 60_000;

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // As before: a failure shows at once (the page has its own "try again"), no refetch on focus.
        retry: false,
        refetchOnWindowFocus: false,
        refetchIntervalInBackground: false,
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}

export function StaffQueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(newQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Query keys, one place: invalidation goes by their prefixes. */
export const keys = {
  session: ['session'] as const,
  queue: (params: object) => ['queue', params] as const,
  melding: (id: string) => ['melding', id] as const,
  hotspotNotifications: ['hotspot-notifications'] as const,
  stuckJobs: ['stuck-jobs'] as const,
  standardTexts: (params: object) => ['standard-texts', params] as const,
  users: ['users'] as const,
  rules: ['hotspot-rules'] as const,
};
