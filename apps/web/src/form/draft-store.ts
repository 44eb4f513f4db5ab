import { del, get, set } from 'idb-keyval';
import { type Confirmation, type Draft, isStepNumber } from './draft.ts';

const DRAFT_KEY = 'buurtsignaal:draft';
const CONFIRMATION_KEY = 'buurtsignaal:confirmation';

// IndexedDB can be unavailable (private mode in some browsers, storage full): the form still works,
// it only cannot survive a reload. Failures are therefore swallowed here, never shown.
const quiet = async <T>(p: Promise<T>, fallback: T): Promise<T> => {
  try {
    return await p;
  } catch {
    return fallback;
  }
};

function isDraft(value: unknown): value is Draft {
  const d = value as Draft | undefined;
  return (
    typeof d === 'object' &&
    d !== null &&
    d.version === 1 &&
    isStepNumber(d.step) &&
    Array.isArray(d.photos) &&
    typeof d.answers === 'object'
  );
}

export async function loadDraft(): Promise<Draft | undefined> {
  const value = await quiet(get<unknown>(DRAFT_KEY), undefined);
  return isDraft(value) ? value : undefined;
}

export const saveDraft = (draft: Draft): Promise<void> => quiet(set(DRAFT_KEY, draft), undefined);
export const clearDraft = (): Promise<void> => quiet(del(DRAFT_KEY), undefined);

export async function loadConfirmation(): Promise<Confirmation | undefined> {
  const value = await quiet(get<Confirmation>(CONFIRMATION_KEY), undefined);
  return value && typeof value.reference === 'string' && typeof value.statusUrl === 'string'
    ? value
    : undefined;
}

export const saveConfirmation = (c: Confirmation): Promise<void> =>
  quiet(set(CONFIRMATION_KEY, c), undefined);
export const clearConfirmation = (): Promise<void> => quiet(del(CONFIRMATION_KEY), undefined);
