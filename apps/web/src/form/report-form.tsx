import { Button } from '@utrecht/button-react/css';
import { type FormEvent, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { appTexts, formTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { type Draft, isStepNumber, STEP_COUNT, STEPS, type StepNumber, without } from './draft.ts';
import {
  domIdOf,
  errorsOfStep,
  type FieldErrors,
  normaliseField,
  sortErrors,
  stepOfField,
} from './field-keys.ts';
import {
  ConfirmationView,
  ContactStep,
  DetailsStep,
  loadValidation,
  prefetchLaterSteps,
  ReviewSummary,
} from './later-steps.ts';
import { Progress } from './progress.tsx';
import { CategoryStep } from './steps/category-step.tsx';
import { WhereStep } from './steps/location-step-lazy.tsx';
import type { ApiErrorBody } from './submit.ts';
import { SubmitStatus } from './submit-status.tsx';
import { useCategories } from './use-categories.ts';
import { useDraft } from './use-draft.ts';
import { useSubmission } from './use-submission.ts';

interface ErrorState {
  step: StepNumber;
  errors: FieldErrors;
  message?: string;
}

const stepParam = (value: string | null): number => (value === null ? Number.NaN : Number(value));

export function ReportForm() {
  const { loaded, draft, update, saveNow, restored, dismissRestored, confirmation, confirm, startOver } =
    useDraft();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const [errorState, setErrorState] = useState<ErrorState | undefined>();
  const errorStateRef = useRef<ErrorState | undefined>(undefined);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [justConfirmed, setJustConfirmed] = useState(false);

  // The resident has started (chose a category, or came back to a draft): the rest is fetched now.
  const started = loaded && (draft.category !== undefined || draft.step > 1);
  const categories = useCategories(started);
  useEffect(() => {
    if (started) prefetchLaterSteps();
  }, [started]);

  const categoryOf = useCallback((d: Draft) => categories.find((c) => c.id === d.category), [categories]);
  const category = categoryOf(draft);

  const { pending, progress } = useSubmission({
    ready: loaded,
    draft,
    categoryOf,
    onCreated: (body, sent) => {
      void confirm({
        reference: body.reference,
        statusUrl: body.statusUrl,
        wantsFeedback: sent.contactChoice === 'gegevens' && sent.wantsFeedback && sent.email.trim() !== '',
        at: new Date().toISOString(),
        ...(body.pickup ? { pickup: { message: body.pickup.message, safety: body.pickup.safety } } : {}),
      }).then(() => {
        setJustConfirmed(true);
        navigate('/', { replace: true });
      });
    },
    onRejected: (error) => showServerError(error),
  });

  // The step comes from the URL (?stap=3), so that the browser's back button walks through the form.
  // It may not skip ahead of the furthest step reached; a pending submission stays on the last step.
  const requested = stepParam(searchParams.get('stap'));
  const wanted = pending ? 5 : isStepNumber(requested) ? requested : draft.step;
  const step: StepNumber = (Math.min(wanted, draft.furthest) as StepNumber) || 1;

  useEffect(() => {
    if (!loaded || confirmation) return;
    if (String(step) !== searchParams.get('stap') && !(step === 1 && searchParams.get('stap') === null)) {
      setSearchParams({ stap: String(step) }, { replace: true });
    }
    if (draft.step !== step) update({ step });
  }, [loaded, confirmation, step, searchParams, setSearchParams, draft.step, update]);

  // Server errors of later steps, shown when the resident gets to that step.
  const laterServerErrors = useRef<FieldErrors>({});

  const go = (n: StepNumber) => {
    const waiting = errorsOfStep(laterServerErrors.current, n);
    if (Object.keys(waiting).length > 0) {
      laterServerErrors.current = Object.fromEntries(
        Object.entries(laterServerErrors.current).filter(([field]) => !(field in waiting)),
      );
      errorStateRef.current = { step: n, errors: waiting };
      setErrorState(errorStateRef.current);
    }
    update((d) => ({ ...d, step: n, furthest: Math.max(d.furthest, n) as StepNumber }));
    setSearchParams({ stap: String(n) });
  };

  function showErrors(target: StepNumber, errors: FieldErrors, message?: string) {
    const state = { step: target, errors, ...(message ? { message } : {}) };
    errorStateRef.current = state;
    setErrorState(state);
    if (target !== step) go(target);
    else setSummaryFocus((n) => n + 1);
  }

  function showServerError(error: ApiErrorBody) {
    update((d) => without(d, 'submission'));
    const fieldErrors: FieldErrors = {};
    for (const detail of error.details ?? []) {
      const field = normaliseField(detail.field);
      if (stepOfField(field) !== 5) fieldErrors[field] ??= detail.message;
    }
    const sorted = sortErrors(fieldErrors, category);
    const first = Object.keys(sorted)[0];
    if (first) {
      const target = stepOfField(first);
      laterServerErrors.current = Object.fromEntries(
        Object.entries(sorted).filter(([field]) => stepOfField(field) !== target),
      );
      showErrors(target, errorsOfStep(sorted, target));
    } else {
      showErrors(5, {}, error.message || formTexts.submit.unknownError);
    }
  }

  // Each step change: title, and focus on the heading (or on the error summary when there is one).
  const errors = errorState?.step === step ? errorState.errors : {};
  const errorMessage = errorState?.step === step ? errorState.message : undefined;
  const hasErrors = Object.keys(errors).length > 0 || errorMessage !== undefined;
  useEffect(() => {
    if (!loaded || confirmation) return;
    const title = `${formTexts.steps[STEPS[step - 1] ?? 'category']} – ${formTexts.progress.stepOf(step, STEP_COUNT)}`;
    document.title = hasErrors ? appTexts.documentTitleError(title) : appTexts.documentTitle(title);
  }, [loaded, confirmation, step, hasErrors]);

  const previousStep = useRef<StepNumber | undefined>(undefined);
  useEffect(() => {
    if (!loaded || confirmation) return;
    if (previousStep.current !== undefined && previousStep.current !== step) {
      dismissRestored();
      if (errorStateRef.current?.step === step) summaryRef.current?.focus();
      else {
        errorStateRef.current = undefined;
        setErrorState(undefined);
        headingRef.current?.focus();
      }
    }
    previousStep.current = step;
  }, [loaded, confirmation, step, dismissRestored]);

  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  async function next(e: FormEvent) {
    e.preventDefault();
    if (step === 5) return submit();
    if (step === 1) {
      // Step 1 only asks for a category: checked here, without loading the schema.
      if (!draft.category) return showErrors(1, { category: formTexts.category.required });
      return go(2);
    }
    const { validateDraft } = await loadValidation();
    let stepErrors = errorsOfStep(validateDraft(draft, category), step);
    if (step === 2 && draft.location && !stepErrors.location) {
      const { isInsideMunicipality } = await import('./municipality.ts');
      if (!isInsideMunicipality(draft.location.lat, draft.location.lng)) {
        stepErrors = { location: formTexts.location.outsideMunicipality };
      }
    }
    if (Object.keys(stepErrors).length > 0) return showErrors(step, stepErrors);
    go((step + 1) as StepNumber);
  }

  async function submit() {
    if (pending) return;
    const { validateDraft } = await loadValidation();
    const all = validateDraft(draft, category);
    const first = Object.keys(all)[0];
    if (first) {
      const target = stepOfField(first);
      return showErrors(target, errorsOfStep(all, target), target === 5 ? Object.values(all)[0] : undefined);
    }
    errorStateRef.current = undefined;
    setErrorState(undefined);
    update((d) => ({
      ...d,
      submission: { idempotencyKey: crypto.randomUUID(), startedAt: new Date().toISOString() },
    }));
    saveNow();
  }

  // Until the draft is read from IndexedDB, step 1 of an empty draft is shown: what index.html already
  // shows (built from this component, first-screen.tsx), so the first render changes nothing on screen;
  // a restored draft then takes the resident to the step where it was.
  if (confirmation) {
    return (
      <Suspense fallback={<p className="utrecht-paragraph">{appTexts.loading}</p>}>
        <ConfirmationView
          confirmation={confirmation}
          focusOnMount={justConfirmed}
          onNew={() => {
            void startOver().then(() => navigate('/'));
          }}
        />
      </Suspense>
    );
  }

  const stepProps = { draft, update, errors, category };
  return (
    <form noValidate onSubmit={(e) => void next(e)} className="bs-form" aria-labelledby="step-heading">
      <Progress step={step} />
      <h1
        id="step-heading"
        ref={headingRef}
        tabIndex={-1}
        className="utrecht-heading-1"
        elementtiming="step-heading"
      >
        {formTexts.steps[STEPS[step - 1] ?? 'category']}
      </h1>
      {restored && step > 1 && !hasErrors && (
        <Alert type="info" className="bs-restored" role="status">
          <p className="utrecht-paragraph">{formTexts.draftRestored}</p>
          <div className="utrecht-button-group">
            <Button type="button" appearance="subtle-button" onClick={dismissRestored}>
              {formTexts.restoredOk}
            </Button>
            <Button
              type="button"
              appearance="subtle-button"
              onClick={() => {
                if (window.confirm(formTexts.startOverConfirm)) void startOver().then(() => navigate('/'));
              }}
            >
              {formTexts.startOver}
            </Button>
          </div>
        </Alert>
      )}
      {hasErrors && <ErrorSummary ref={summaryRef} errors={errors} idOf={domIdOf} message={errorMessage} />}

      {step === 1 && <CategoryStep {...stepProps} categories={categories} />}
      {step === 2 && <WhereStep {...stepProps} />}
      <Suspense fallback={<p className="utrecht-paragraph">{appTexts.loading}</p>}>
        {step === 3 && <DetailsStep {...stepProps} />}
        {step === 4 && <ContactStep {...stepProps} />}
        {step === 5 && (
          <>
            <p className="utrecht-paragraph">{formTexts.review.intro}</p>
            <ReviewSummary draft={draft} category={category} editable={!pending} />
          </>
        )}
      </Suspense>
      {step === 5 && <SubmitStatus progress={pending ? (progress ?? { kind: 'sending' }) : undefined} />}

      <div className="utrecht-button-group bs-nav">
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {step === 5 ? formTexts.nav.submit : formTexts.nav.next}
        </Button>
        {step > 1 && !pending && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => go((step - 1) as StepNumber)}
          >
            {formTexts.nav.previous}
          </Button>
        )}
      </div>
    </form>
  );
}
