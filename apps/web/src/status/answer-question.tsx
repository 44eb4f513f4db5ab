import '@utrecht/textarea-css/dist/index.css';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useId, useState } from 'react';
import { answerTexts, MELDER_TEXT_MAX } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextareaField } from '../ui/fields.tsx';
import { type MelderQuestion, postAnswer } from './status-api.ts';
import { formatDateTime } from './status-format.ts';
import { useMelderForm } from './use-melder-form.ts';

export interface AnswerQuestionProps {
  token: string;
  question: MelderQuestion;
  /** The answer is stored: the page reloads the melding. */
  onAnswered: () => void;
}

interface Problems {
  field?: string | undefined;
  message?: string | undefined;
}

function checkAnswer(answer: string): string | undefined {
  if (answer.trim() === '') return answerTexts.answerRequired;
  if (answer.trim().length > MELDER_TEXT_MAX) return answerTexts.answerTooLong;
  return undefined;
}

/**
 * The open question to the melder (reactie_gevraagd) with its answer form; the mail's answer link lands
 * here (#vraag). Once the answer period has passed only the question is shown, with what to do instead.
 */
export function AnswerQuestion({ token, question, onAnswered }: AnswerQuestionProps) {
  const id = useId();
  const headingId = `${id}-heading`;
  const fieldId = `${id}-antwoord`;
  const [answer, setAnswer] = useState('');
  const { sending, problems, setProblems, refuse, summaryRef, send } = useMelderForm<Problems>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const fieldError = checkAnswer(answer);
    if (fieldError) return refuse({ field: fieldError });
    const result = await send(() => postAnswer(token, answer.trim()));
    if (!result) return;
    if (result.kind === 'sent') {
      setProblems(undefined);
      onAnswered();
    } else if (result.kind === 'refused') {
      refuse(result.field === 'answer' ? { field: result.message } : { message: result.message });
    } else {
      refuse({ message: answerTexts.error });
    }
  }

  return (
    <section id="vraag" tabIndex={-1} className="bs-status-question" aria-labelledby={headingId}>
      <h2 id={headingId} className="utrecht-heading-2">
        {answerTexts.heading}
      </h2>
      <p className="utrecht-paragraph bs-status-question__text">{question.text}</p>
      <p className="utrecht-paragraph bs-status-question__meta">
        <time dateTime={question.askedAt}>{answerTexts.askedAt(formatDateTime(question.askedAt))}</time>
      </p>
      {question.open ? (
        <form noValidate onSubmit={(e) => void submit(e)}>
          {problems && (
            <ErrorSummary
              ref={summaryRef}
              errors={problems.field ? { answer: problems.field } : {}}
              idOf={() => fieldId}
              message={problems.message}
            />
          )}
          <TextareaField
            id={fieldId}
            name="antwoord"
            label={answerTexts.answerLabel}
            description={answerTexts.answerDescription}
            error={problems?.field}
            rows={5}
            value={answer}
            onValueChange={setAnswer}
          />
          <p className="utrecht-paragraph bs-status-actions">
            <Button type="submit" appearance="primary-action-button" busy={sending}>
              {answerTexts.submit}
            </Button>
          </p>
        </form>
      ) : (
        <Alert type="info">
          <p className="utrecht-paragraph">{answerTexts.closed}</p>
        </Alert>
      )}
    </section>
  );
}
