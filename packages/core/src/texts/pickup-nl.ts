// What the melder reads about when the melding is picked up (confirmation page, "ontvangen" mail,
// status page). Part of core's texts module (see ../texts-nl.ts). Built from core's expectPickup, so a
// sentence is only as strong as what the dispatcher does.
import type { PickupExpectation } from '../dispatch/pickup-expectation.ts';
import { relativeDay } from '../time/relative-day.ts';
import { monthNamesNl, weekdayNamesNl } from './calendar-nl.ts';

/** "vandaag", "morgen", "gisteren", a weekday within the coming week, else "maandag 14 december". */
export function dayWords(at: Date, now: Date): string {
  const r = relativeDay(at, now);
  const weekday = weekdayNamesNl[r.isoWeekday - 1] ?? '';
  if (r.days === 0) return 'vandaag';
  if (r.days === 1) return 'morgen';
  if (r.days === -1) return 'gisteren';
  if (r.days > 1 && r.days < 7) return weekday;
  return `${weekday} ${r.day} ${monthNamesNl[r.month - 1] ?? ''}`;
}

const timeOf = (at: Date, now: Date) => relativeDay(at, now).time;

/** "om 07:00" today, "gisteren om 23:30" on another day. */
function toldWhen(at: Date, now: Date): string {
  const day = dayWords(at, now);
  return day === 'vandaag' ? `om ${timeOf(at, now)}` : `${day} om ${timeOf(at, now)}`;
}

export const pickupTexts = {
  heading: 'Wie pakt uw melding op?',
  safety: 'Is er nu gevaar? Bel 112. Wilt u de politie spreken zonder spoed? Bel 0900-8844.',
  /** When the platform cannot say it yet (the answer did not come through): truthful, no promise. */
  unknown: 'Uw melding is ontvangen; u hoort zo snel mogelijk wie de melding oppakt.',
  onDutyNow: (team: string) => `${team} is nu in dienst en krijgt uw melding direct.`,
  /** On duty, and the officers were told earlier (e.g. at the shift's start): not "direct". */
  toldEarlier: (team: string, when: string) =>
    `${team} is nu in dienst; de melding is ${when} aan de dienstdoende medewerkers gemeld en wacht op oppakken.`,
  unanswered: (team: string) =>
    `Niemand van ${team} heeft uw melding nog opgepakt. De coördinator van de gemeente ziet uw melding en zorgt dat die wordt opgepakt.`,
  fallbackNow: (team: string, acting: string) =>
    `${team} is nu niet in dienst. Omdat het spoed is, krijgt ${acting} uw melding direct.`,
  coordinatorNow: (team: string) =>
    `${team} is nu niet in dienst. Omdat het spoed is, krijgt de coördinator van de gemeente uw melding direct.`,
  nextShift: (team: string, day: string, time: string) =>
    `${team} is nu niet in dienst; uw melding wordt ${day} vanaf ${time} opgepakt.`,
  noShiftPlanned: (team: string) =>
    `${team} is nu niet in dienst en er is nog geen dienst gepland. De coördinator van de gemeente ziet uw melding en zorgt dat die wordt opgepakt.`,
  inBehandeling: (team: string, day: string, time: string) =>
    `Uw melding is in behandeling bij ${team} sinds ${day} ${time}.`,
} as const;

export interface PickupMessage {
  /** What happens and when, in one sentence. */
  message: string;
  /** The 112 and 0900-8844 line, when the team is not at work now; else null. */
  safety: string | null;
}

/** The sentence for an expectation, with days relative to `now` (Amsterdam calendar). */
export function pickupMessage(e: PickupExpectation, now: Date): PickupMessage {
  const t = pickupTexts;
  const at = e.expectedPickupAt;
  const message = (() => {
    switch (e.kind) {
      case 'on_duty_now':
        return e.toldAt ? t.toldEarlier(e.teamName, toldWhen(e.toldAt, now)) : t.onDutyNow(e.teamName);
      case 'unanswered':
        return t.unanswered(e.teamName);
      case 'fallback_now':
        return t.fallbackNow(e.teamName, e.actingTeamName ?? e.teamName);
      case 'coordinator_now':
        return t.coordinatorNow(e.teamName);
      case 'next_shift':
        return at
          ? t.nextShift(e.teamName, dayWords(at, now), timeOf(at, now))
          : t.noShiftPlanned(e.teamName);
      case 'no_shift_planned':
        return t.noShiftPlanned(e.teamName);
      case 'in_behandeling':
        return at ? t.inBehandeling(e.teamName, dayWords(at, now), timeOf(at, now)) : t.unknown;
    }
  })();
  const offDuty = !e.onDutyNow && e.kind !== 'in_behandeling';
  return { message, safety: offDuty ? t.safety : null };
}
