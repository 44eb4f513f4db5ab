import '@utrecht/alert-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import { Button } from '@utrecht/button-react/css';
import { Fieldset } from '@utrecht/fieldset-react/css';
import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react/css';
import { FormField } from '@utrecht/form-field-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { RadioButton } from '@utrecht/radio-button-react/css';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type FeedbackResult, postFeedback } from './status-api.ts';
import { satisfactionTexts as t } from './texts-nl.ts';

export interface SatisfactionQuestionProps {
  token: string;
  onAnswered?: () => void;
}

type Answer = 'ja' | 'nee';

const resultMessages: Record<Exclude<FeedbackResult, 'sent'>, string> = {
  'not-available': t.notAvailable,
  error: t.error,
};

/**
 * "Is uw melding opgelost?" after a melding is closed (KTO). Shown by the status page only when the API
 * says the question is open (`feedbackOpen`), which it does not yet: see `postFeedback`.
 */
export function SatisfactionQuestion({ token, onAnswered }: SatisfactionQuestionProps) {
  const id = useId();
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [explanation, setExplanation] = useState('');
  const [missingAnswer, setMissingAnswer] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<FeedbackResult | undefined>();
  const firstRadio = useRef<HTMLInputElement>(null);
  const thanksHeading = useRef<HTMLHeadingElement>(null);

  // The form (and the focused button) disappear once the answer is stored: keep the keyboard user here.
  useEffect(() => {
    if (result === 'sent') thanksHeading.current?.focus();
  }, [result]);

  const ids = {
    heading: `${id}-heading`,
    yes: `${id}-ja`,
    no: `${id}-nee`,
    error: `${id}-error`,
    explanation: `${id}-toelichting`,
    explanationDescription: `${id}-toelichting-description`,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    if (!answer) {
      setMissingAnswer(true);
      firstRadio.current?.focus();
      return;
    }
    setSending(true);
    setResult(undefined);
    const trimmed = explanation.trim();
    const outcome = await postFeedback(token, {
      solved: answer === 'ja',
      ...(answer === 'nee' && trimmed !== '' ? { explanation: trimmed } : {}),
    });
    setSending(false);
    setResult(outcome);
    if (outcome === 'sent') onAnswered?.();
  }

  const choose = (value: Answer) => {
    setAnswer(value);
    setMissingAnswer(false);
  };

  const radio = (value: Answer, inputId: string, label: string) => (
    <FormField
      type="radio"
      input={
        <RadioButton
          id={inputId}
          name={`${id}-opgelost`}
          value={value}
          checked={answer === value}
          invalid={missingAnswer}
          onChange={() => choose(value)}
          {...(value === 'ja' ? { ref: firstRadio } : {})}
        />
      }
      label={
        <FormLabel htmlFor={inputId} type="radio" checked={answer === value}>
          {label}
        </FormLabel>
      }
    />
  );

  return (
    <section className="bs-status-satisfaction" aria-labelledby={ids.heading}>
      {result === 'sent' ? (
        <>
          <h2 id={ids.heading} className="utrecht-heading-2" tabIndex={-1} ref={thanksHeading}>
            {t.heading}
          </h2>
          <output className="utrecht-alert utrecht-alert--ok">
            <span className="utrecht-alert__content">
              <span className="utrecht-alert__message utrecht-paragraph">{t.thanks}</span>
            </span>
          </output>
        </>
      ) : (
        <form noValidate onSubmit={submit}>
          <Fieldset invalid={missingAnswer} {...(missingAnswer ? { 'aria-describedby': ids.error } : {})}>
            {/* The legend holds the section's heading, so the question is read once, as the group's name. */}
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              <h2 id={ids.heading} className="utrecht-heading-2">
                {t.heading}
              </h2>
            </legend>
            {missingAnswer && <FormFieldErrorMessage id={ids.error}>{t.chooseAnswer}</FormFieldErrorMessage>}
            {radio('ja', ids.yes, t.yes)}
            {radio('nee', ids.no, t.no)}
          </Fieldset>
          {answer === 'nee' && (
            <FormField
              label={<FormLabel htmlFor={ids.explanation}>{t.explanationLabel}</FormLabel>}
              description={
                <FormFieldDescription id={ids.explanationDescription}>
                  {t.explanationDescription}
                </FormFieldDescription>
              }
              input={
                <textarea
                  id={ids.explanation}
                  className="utrecht-textarea utrecht-textarea--html-textarea"
                  aria-describedby={ids.explanationDescription}
                  rows={4}
                  value={explanation}
                  onChange={(event) => setExplanation(event.target.value)}
                />
              }
            />
          )}
          <p className="utrecht-paragraph bs-status-actions">
            <Button type="submit" appearance="primary-action-button" busy={sending}>
              {t.submit}
            </Button>
          </p>
          {/* Always mounted, so that screen readers announce the message when it appears. */}
          <div role="alert">
            {result !== undefined && (
              <div className="utrecht-alert utrecht-alert--warning">
                <div className="utrecht-alert__content">
                  <p className="utrecht-alert__message utrecht-paragraph">{resultMessages[result]}</p>
                </div>
              </div>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
