// Dispatch settings beyond the pick-up times (config.ts reads them from the environment).

export interface DispatchSettings {
  /** How often teams made after start-up are looked for (team-watcher.ts). */
  teamWatchEveryMs: number;
  /** A claimed melding without action this long reminds its officer (DISPATCH_IDLE_REMINDER_MINUTES). */
  idleReminderMinutes: number;
  /** … and this long goes back to the team's queue (DISPATCH_IDLE_RETURN_MINUTES). */
  idleReturnMinutes: number;
  /** How often the idle sweep runs. */
  idleSweepEveryMs: number;
}

export const defaultDispatchSettings: DispatchSettings = {
  teamWatchEveryMs: 30_000,
  idleReminderMinutes: 60,
  idleReturnMinutes: 120,
  idleSweepEveryMs: 60_000,
};
