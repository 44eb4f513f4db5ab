import { formTexts } from '../texts/index.ts';
import { STEP_COUNT, STEPS, type StepNumber } from './draft.ts';

/** "Stap 2 van 5" plus the list of steps; done and current are marked in text, not only in colour. */
export function Progress({ step }: { step: StepNumber }) {
  return (
    <div className="bs-progress">
      <p className="bs-progress__label" data-testid="step-indicator">
        {formTexts.progress.stepOf(step, STEP_COUNT)}
      </p>
      <ol className="bs-progress__list" aria-label={formTexts.progress.label}>
        {STEPS.map((name, i) => {
          const n = i + 1;
          const state = n < step ? 'done' : n === step ? 'current' : 'todo';
          return (
            <li
              key={name}
              className={`bs-progress__item bs-progress__item--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="bs-progress__marker" aria-hidden="true">
                {state === 'done' ? '✓' : n}
              </span>
              <span className="bs-progress__name">
                {formTexts.steps[name]}
                {state === 'done' && <span className="bs-visually-hidden"> {formTexts.progress.done}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
