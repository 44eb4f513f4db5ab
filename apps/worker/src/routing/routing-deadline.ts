import { type Priority, priorities } from '@buurtsignaal/core';
import { afhandeltermijn } from '@buurtsignaal/core/sla';

const isPriority = (value: string): value is Priority => (priorities as readonly string[]).includes(value);

/**
 * The afhandeltermijn that starts when a melding is routed, also when it is routed again after a
 * reopen: the team gets a fresh termijn for the new round of work. Null for a priority we do not know.
 */
export function deadlineForRouting(priority: string, routedAt: Date): Date | null {
  return isPriority(priority) ? afhandeltermijn(priority, routedAt) : null;
}
