import type { Team } from './roster-api.ts';

/** What every section of the roster page shares: the team, whether the user plans, the live region. */
export interface RosterContext {
  team: Team;
  teams: readonly Team[];
  /** Coordinators and admins change the roster; officers read it. */
  canPlan: boolean;
  /** Says what happened in the page's live region. */
  announce: (text: string) => void;
  /** Reads the team's roster, coverage and the team list again after a change. */
  refresh: () => Promise<void>;
}
