import type { PublicCategory } from '../core.ts';
import type { Draft } from '../draft.ts';
import type { FieldErrors } from '../field-keys.ts';

export type DraftUpdate = Partial<Draft> | ((draft: Draft) => Draft);

export interface StepProps {
  draft: Draft;
  update: (change: DraftUpdate) => void;
  /** Errors of this step, by field key. */
  errors: FieldErrors;
  category: PublicCategory | undefined;
}
