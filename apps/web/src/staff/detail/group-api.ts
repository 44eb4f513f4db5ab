import { meldingDetailSchema, nearbyResponseSchema } from '@buurtsignaal/core/contract';
import { staffRequest } from '../api.ts';

// The staff API of incident groups: nearby open meldingen, grouping one by hand, splitting one off.
const path = (id: string, action: string) => `/meldingen/${encodeURIComponent(id)}${action}`;

export const groupApi = {
  nearby: (id: string) => staffRequest('GET', path(id, '/nearby'), nearbyResponseSchema),
  group: (id: string, otherId: string) =>
    staffRequest('POST', path(id, '/group'), meldingDetailSchema, { meldingId: otherId }),
  split: (id: string) => staffRequest('POST', path(id, '/split'), meldingDetailSchema, {}),
};
