import type { LocationValue } from '../location/location-types.ts';
import type { CategoryId } from './core.ts';

/** The steps of the form, in order; the number is what the resident sees ("Stap 2 van 5"). */
export const STEPS = ['category', 'location', 'details', 'contact', 'review'] as const;
export type StepName = (typeof STEPS)[number];
export type StepNumber = 1 | 2 | 3 | 4 | 5;
export const STEP_COUNT = STEPS.length;

export const MAX_PHOTOS = 3;

export interface DraftPhoto {
  id: string;
  /** Resized JPEG (≤ 2048 px, no EXIF). */
  blob: Blob;
  width: number;
  height: number;
}

/** A draft answer as typed: numbers stay text until the melding is built (so "1a" can be reported). */
export type DraftAnswer = string | boolean | string[];

export interface PendingSubmission {
  idempotencyKey: string;
  startedAt: string;
}

/** Everything the resident entered, saved to IndexedDB on every change. */
export interface Draft {
  version: 1;
  step: StepNumber;
  /** The furthest step reached: links and the URL may not skip ahead of it. */
  furthest: StepNumber;
  category?: CategoryId;
  location?: LocationValue;
  subcategory?: string;
  answers: Record<string, DraftAnswer>;
  description: string;
  when: 'nu' | 'eerder';
  date: string;
  time: string;
  photos: DraftPhoto[];
  contactChoice?: 'anoniem' | 'gegevens';
  email: string;
  phone: string;
  wantsFeedback: boolean;
  /** Set when the resident pressed "Versturen"; cleared on a 4xx. Resumed on load. */
  submission?: PendingSubmission;
  /** Counts the changes, so that the newer of the two saved copies wins on load (see draft-store). */
  revision?: number;
}

export const emptyDraft = (): Draft => ({
  version: 1,
  step: 1,
  furthest: 1,
  answers: {},
  description: '',
  when: 'nu',
  date: '',
  time: '',
  photos: [],
  email: '',
  phone: '',
  wantsFeedback: false,
});

/** What the confirmation screen shows; kept after the draft is cleared so a reload shows it again. */
export interface Confirmation {
  reference: string;
  statusUrl: string;
  wantsFeedback: boolean;
  at: string;
  /** Who picks it up and when, as the server wrote it at intake; absent when it could not be told. */
  pickup?: { message: string; safety: string | null };
}

export const isStepNumber = (n: number): n is StepNumber => Number.isInteger(n) && n >= 1 && n <= STEP_COUNT;

/** Removes `key` from a copy of `obj` (exactOptionalPropertyTypes: optional keys are absent, not undefined). */
export function without<T extends object, K extends keyof T>(obj: T, ...keys: K[]): T {
  const copy = { ...obj };
  for (const key of keys) delete copy[key];
  return copy;
}
