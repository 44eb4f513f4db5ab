import type { DbOrTx } from '../../client.ts';
import {
  listPushSubscriptions,
  type PushSubscriptionRow,
} from '../../tables/push-subscriptions-repository.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';

// Which channels the dispatcher uses for whom: officers with a push device, the team's mail rule, and
// the wijk's name for the push notice (its code is all the melding stores).

export interface DispatchChannels {
  /** Officers (of those asked) with at least one device subscribed to Web Push. */
  pushUserIds: Set<string>;
  /** Their devices, oldest first (what the push channel sends to). */
  pushDevices: ReadonlyMap<string, readonly PushSubscriptionRow[]>;
  /** The team mails every officer told, also those who get push. */
  emailAlways: boolean;
  wijkName: string | null;
}

export async function findDispatchChannels(
  db: DbOrTx,
  q: { teamId: string; userIds: readonly string[]; wijkCode: string | null },
  view?: ConfigView,
): Promise<DispatchChannels> {
  const config = configOf(db, view);
  const devices = new Map<string, PushSubscriptionRow[]>();
  for (const d of await listPushSubscriptions(db, q.userIds)) {
    devices.set(d.userId, [...(devices.get(d.userId) ?? []), d]);
  }
  const team = await config.team(q.teamId);
  const wijkName = q.wijkCode ? ((await config.areaNames()).get(q.wijkCode) ?? null) : null;
  return {
    pushUserIds: new Set(devices.keys()),
    pushDevices: devices,
    emailAlways: team?.notifyEmailAlways ?? false,
    wijkName,
  };
}
