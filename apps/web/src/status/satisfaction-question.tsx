import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import { Button } from '@utrecht/button-react/css';
import { Fieldset } from '@utrecht/fieldset-react/css';
import { FormField } from '@utrecht/form-field-react/css';
import { FormLabel } from '@utrecht/form-label-react/css';
import { RadioButton } from '@utrecht/radio-button-react/css';
import { type FormEvent, useId, useState } from 'react';
import { MELDER_TEXT_MAX, satisfactionTexts } from '../texts/index.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { describedBy, FieldError } from '../ui/field-error.tsx';
import { TextareaField } from '../ui/fields.tsx';
import { postFeedback } from './status-api.ts';
import { useMelderForm } from './use-melder-form.ts';

export interface SatisfactionQuestionProps {
  token: string;
  /** The answer is stored: the page reloads the melding (which may now be heropend). */
  onAnswered: (answer: { solved: boolean }) => void;
}

type Answer = 'ja' | 'nee';

/** Field key → message, in on-screen order; `message` belongs to no field (from the server). */
interface Problems {
  fields: Partial<Record<'solved' | 'explanation', string>>;
  message?: string | undefined;
}

function check(answer: Answer | undefined, explanation: string): Problems['fields'] {
  if (!answer) return { solved: satisfactionTexts.chooseAnswer };
  if (answer === 'nee' && explanation.trim() === '')
    return { explanation: satisfactionTexts.explanationRequired };
  if (answer === 'nee' && explanation.trim().length > MELDER_TEXT_MAX) {
    return { explanation: satisfactionTexts.explanationTooLong };
  }
  return {};
}

/**
 * "Is uw melding opgelost?" after a melding is closed (KTO); the mail's feedback link lands here
 * (#opgelost). Shown by the status page only while the API says it is open (`feedbackOpen`).
 */
export function SatisfactionQuestion({ token, onAnswered }: SatisfactionQuestionProps) {
  const id = useId();
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [explanation, setExplanation] = useState('');
  const { sending, problems, setProblems, refuse, summaryRef, send } = useMelderForm<Problems>();

  const ids = {
    heading: `${id}-heading`,
    group: `${id}-opgelost`,
    yes: `${id}-ja`,
    no: `${id}-nee`,
    explanation: `${id}-toelichting`,
  };
  const domIdOf = (field: string) => (field === 'explanation' ? ids.explanation : ids.group);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const fields = check(answer, explanation);
    if (Object.keys(fields).length > 0 || !answer) return refuse({ fields });
    const solved = answer === 'ja';
    const result = await send(() =>
      postFeedback(token, { solved, ...(solved ? {} : { explanation: explanation.trim() }) }),
    );
    if (!result) return;
    if (result.kind === 'sent') {
      setProblems(undefined);
      onAnswered({ solved });
    } else if (result.kind === 'refused') {
      const field = result.field === 'explanation' || result.field === 'solved' ? result.field : undefined;
      refuse(field ? { fields: { [field]: result.message } } : { fields: {}, message: result.message });
    } else {
      refuse({ fields: {}, message: satisfactionTexts.error });
    }
  }

  const choose = (value: Answer) => {
    setAnswer(value);
    if (problems?.fields.solved) setProblems({ ...problems, fields: {} });
  };

  const solvedError = problems?.fields.solved;
  const explanationError = problems?.fields.explanation;
  const groupDescribedBy = describedBy(ids.group, false, solvedError);

  const radio = (value: Answer, inputId: string, label: string) => (
    <FormField
      type="radio"
      input={
        <RadioButton
          id={inputId}
          name={ids.group}
          value={value}
          checked={answer === value}
          invalid={Boolean(solvedError)}
          onChange={() => choose(value)}
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
    <section id="opgelost" tabIndex={-1} className="bs-status-satisfaction" aria-labelledby={ids.heading}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {problems && (
          <ErrorSummary ref={summaryRef} errors={problems.fields} idOf={domIdOf} message={problems.message} />
        )}
        <Fieldset
          id={ids.group}
          invalid={Boolean(solvedError)}
          {...(groupDescribedBy ? { 'aria-describedby': groupDescribedBy } : {})}
        >
          {/* The legend holds the section's heading, so the question is read once, as the group's name. */}
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            <h2 id={ids.heading} className="utrecht-heading-2">
              {satisfactionTexts.heading}
            </h2>
          </legend>
          <FieldError id={ids.group} error={solvedError} />
          {radio('ja', ids.yes, satisfactionTexts.yes)}
          {radio('nee', ids.no, satisfactionTexts.no)}
        </Fieldset>
        {answer === 'nee' && (
          <TextareaField
            id={ids.explanation}
            name="toelichting"
            label={satisfactionTexts.explanationLabel}
            description={satisfactionTexts.explanationDescription}
            error={explanationError}
            rows={4}
            value={explanation}
            onValueChange={setExplanation}
          />
        )}
        <p className="utrecht-paragraph bs-status-actions">
          <Button type="submit" appearance="primary-action-button" busy={sending}>
            {satisfactionTexts.submit}
          </Button>
        </p>
      </form>
    </section>
  );
}
