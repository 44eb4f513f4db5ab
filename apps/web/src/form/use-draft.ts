import { useCallback, useEffect, useRef, useState } from 'react';
import { type Confirmation, type Draft, emptyDraft } from './draft.ts';
import {
  clearConfirmation,
  clearDraft,
  loadConfirmation,
  loadDraft,
  newestDraft,
  saveConfirmation,
  saveDraft,
  saveMirror,
} from './draft-store.ts';
import type { DraftUpdate } from './steps/step-props.ts';

const SAVE_DELAY_MS = 400;

const hasContent = (d: Draft): boolean =>
  d.step > 1 || d.category !== undefined || d.description !== '' || d.photos.length > 0;

/**
 * The draft, restored from IndexedDB on load and saved there (debounced) on every change, so that a
 * reload or a closed tab continues where the resident was. Also the confirmation of the last melding,
 * kept after the draft is cleared so that a reload of the confirmation still shows it.
 */
export function useDraft() {
  const [loaded, setLoaded] = useState(false);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [restored, setRestored] = useState(false);
  const [confirmation, setConfirmation] = useState<Confirmation | undefined>();
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([loadDraft(), loadConfirmation()]).then(([stored, c]) => {
      if (cancelled) return;
      const d = newestDraft(stored);
      if (d) {
        latest.current = d;
        setDraft(d);
        setRestored(hasContent(d));
      }
      setConfirmation(c);
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (dirty.current) {
      dirty.current = false;
      void saveDraft(latest.current);
    }
  }, []);

  const update = useCallback(
    (change: DraftUpdate) => {
      // Computed from the ref, not in a state updater, so that several updates in one event chain
      // and an immediate saveNow() all see the newest draft.
      const prev = latest.current;
      const changed = typeof change === 'function' ? change(prev) : { ...prev, ...change };
      const next = { ...changed, revision: (prev.revision ?? 0) + 1 };
      latest.current = next;
      // Synchronously, in the event that made the change — before React renders the next step.
      saveMirror(next, next.revision);
      setDraft(next);
      dirty.current = true;
      clearTimeout(timer.current);
      // Photos only live in IndexedDB: write them at once rather than after the debounce.
      if (next.photos !== prev.photos) flush();
      else timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  // A tab that is closed or put in the background saves at once (the debounce may not get to run).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush]);

  /** Saves the pending submission right away: it must survive a reload that follows immediately. */
  const saveNow = flush;

  const confirm = useCallback(async (c: Confirmation) => {
    clearTimeout(timer.current);
    dirty.current = false;
    await saveConfirmation(c);
    await clearDraft();
    const fresh = emptyDraft();
    latest.current = fresh;
    setDraft(fresh);
    setRestored(false);
    setConfirmation(c);
  }, []);

  const startOver = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    await Promise.all([clearDraft(), clearConfirmation()]);
    const fresh = emptyDraft();
    latest.current = fresh;
    setDraft(fresh);
    setRestored(false);
    setConfirmation(undefined);
  }, []);

  const dismissRestored = useCallback(() => setRestored(false), []);

  return {
    loaded,
    draft,
    update,
    saveNow,
    restored,
    dismissRestored,
    confirmation,
    confirm,
    startOver,
  };
}
