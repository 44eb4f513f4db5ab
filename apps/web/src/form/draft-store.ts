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
export const clearDraft = (): Promise<void> => {
  clearMirror();
  return quiet(del(DRAFT_KEY), undefined);
};

// IndexedDB writes are asynchronous: a reload right after "Volgende" aborts one still in flight, and
// the form came back on an older step. So every change is also written synchronously, before the step
// changes, to localStorage — everything except the photos (blobs), which only IndexedDB can hold.
const MIRROR_KEY = 'buurtsignaal:draft-mirror';

interface Mirror {
  revision: number;
  draft: Omit<Draft, 'photos'>;
}

export function saveMirror(draft: Draft, revision: number): void {
  const { photos: _photos, ...rest } = draft;
  try {
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ revision, draft: rest } satisfies Mirror));
  } catch {
    // Storage full or blocked: IndexedDB still has the draft (debounced).
  }
}

function clearMirror(): void {
  try {
    localStorage.removeItem(MIRROR_KEY);
  } catch {
    // See saveMirror.
  }
}

/** The newest draft: the synchronous mirror when it is newer than IndexedDB's copy, with its photos. */
export function newestDraft(stored: Draft | undefined): Draft | undefined {
  let mirror: Mirror | undefined;
  try {
    mirror = JSON.parse(localStorage.getItem(MIRROR_KEY) ?? 'null') as Mirror | undefined;
  } catch {
    mirror = undefined;
  }
  if (!mirror || typeof mirror.revision !== 'number') return stored;
  const candidate = { ...mirror.draft, photos: stored?.photos ?? [] } as Draft;
  if (!isDraft(candidate)) return stored;
  return mirror.revision >= (stored?.revision ?? 0) ? candidate : stored;
}

export async function loadConfirmation(): Promise<Confirmation | undefined> {
  const value = await quiet(get<Confirmation>(CONFIRMATION_KEY), undefined);
  return value && typeof value.reference === 'string' && typeof value.statusUrl === 'string'
    ? value
    : undefined;
}

export const saveConfirmation = (c: Confirmation): Promise<void> =>
  quiet(set(CONFIRMATION_KEY, c), undefined);
export const clearConfirmation = (): Promise<void> => quiet(del(CONFIRMATION_KEY), undefined);
