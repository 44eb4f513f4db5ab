import { useEffect, useRef, useState } from 'react';
import type { IntakeResponse, PublicCategory } from './core.ts';
import type { Draft } from './draft.ts';
import { buildMelding } from './melding.ts';
import type { ApiErrorBody, SendProgress } from './submit.ts';

// Sending needs the contract's schemas (zod): its own chunk, loaded when there is something to send.
export const loadSubmit = () => import('./submit.ts');

interface Options {
  /** False until the draft is loaded and the categories are known (or known to be unavailable). */
  ready: boolean;
  draft: Draft;
  categoryOf: (draft: Draft) => PublicCategory | undefined;
  onCreated: (body: IntakeResponse, draft: Draft) => void;
  onRejected: (error: ApiErrorBody) => void;
}

/**
 * Sends the pending submission of the draft (the Idempotency-Key stored with it) until the API
 * answers definitely. Runs again after a reload, so a melding made offline is sent when possible.
 */
export function useSubmission({ ready, draft, categoryOf, onCreated, onRejected }: Options) {
  const [progress, setProgress] = useState<SendProgress | undefined>();
  const key = draft.submission?.idempotencyKey;
  const latest = useRef({ draft, categoryOf, onCreated, onRejected });
  latest.current = { draft, categoryOf, onCreated, onRejected };

  useEffect(() => {
    if (!ready || !key) return;
    const controller = new AbortController();
    const { draft: snapshot, categoryOf: catOf } = latest.current;
    const melding = buildMelding(snapshot, catOf(snapshot));
    void loadSubmit()
      .then(({ sendMelding }) => sendMelding(melding, snapshot.photos, key, setProgress, controller.signal))
      .then(
        (result) => {
          if (!result || controller.signal.aborted) return;
          setProgress(undefined);
          if (result.ok) latest.current.onCreated(result.body, snapshot);
          else latest.current.onRejected(result.error);
        },
        // The sending code could not be loaded (it is fetched when the resident starts, so this is rare):
        // the resident sees the general message and can press "Versturen" again.
        () => {
          if (controller.signal.aborted) return;
          setProgress(undefined);
          latest.current.onRejected({ statusCode: 0, code: 'UNKNOWN', error: '', message: '' });
        },
      );
    return () => {
      controller.abort();
      setProgress(undefined);
    };
  }, [ready, key]);

  return { pending: key !== undefined, progress };
}
