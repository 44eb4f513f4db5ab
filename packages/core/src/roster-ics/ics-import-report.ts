// What an .ics import could not match or understand, for the coordinator to read.
export type IcsProblemCode =
  | 'UNPARSABLE'
  | 'NO_TIMES'
  | 'NO_END'
  | 'UNKNOWN_TIMEZONE'
  | 'UNSUPPORTED_RULE'
  | 'TOO_MANY_OCCURRENCES'
  | 'NO_KNOWN_ATTENDEE'
  | 'CANCELLED';

export interface IcsProblem {
  code: IcsProblemCode;
  uid: string | null;
  summary: string | null;
  message: string;
}

export interface IcsImportReport {
  /** VEVENTs in the file (masters and overrides). */
  events: number;
  /** Shift instances read inside the horizon. */
  imported: number;
  problems: IcsProblem[];
  /** Attendees whose e-mail matches no officer, with the events (summaries) they appear in. */
  unknownAttendees: { email: string; events: string[]; message: string }[];
}
