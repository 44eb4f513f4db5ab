import type { MelderConfig } from '../config.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `now` is at most `days` days after `since`: the melder's window to act through the link. */
export function withinDays(since: Date, days: number, now: Date): boolean {
  return now.getTime() - since.getTime() <= days * DAY_MS;
}

export const isQuestionOpen = (askedAt: Date, config: MelderConfig, now: Date): boolean =>
  withinDays(askedAt, config.answerDays, now);

export const isFeedbackWindowOpen = (closedAt: Date, config: MelderConfig, now: Date): boolean =>
  withinDays(closedAt, config.feedbackDays, now);

/** The melder may reopen a melding this often; after that a "niet opgelost" goes to the coordinator. */
export const MELDER_MAX_REOPENS = 1;

/** Longest answer or explanation the melder can send (a few paragraphs). */
export const MELDER_TEXT_MAX = 2000;
