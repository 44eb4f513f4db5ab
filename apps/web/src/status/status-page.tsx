import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/heading-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import './status-page.css';
import { Button } from '@utrecht/button-react/css';
import { Link } from '@utrecht/link-react/css';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { answerTexts, satisfactionTexts, statusPageTexts } from '../texts/index.ts';
import { AnswerQuestion } from './answer-question.tsx';
import { SatisfactionQuestion } from './satisfaction-question.tsx';
import { fetchMelderStatus, type MelderStatus, type StatusResult } from './status-api.ts';
import { formatDateTime, statusExplanation } from './status-format.ts';
import { Timeline } from './timeline.tsx';

type PageState = { kind: 'loading' } | StatusResult;

/** The sections the mail's links point at (packages/mail melderLinks): focused when the page opens there. */
const linkTargets = ['vraag', 'opgelost'];

/** What the melder just did, to thank them for it once the reloaded status is shown. */
type Done = { kind: 'answer' } | { kind: 'feedback'; solved: boolean };

function noticeFor(done: Done, status: MelderStatus): string {
  if (done.kind === 'answer') return answerTexts.thanks;
  if (done.solved) return satisfactionTexts.thanksSolved;
  return status.status.code === 'heropend'
    ? satisfactionTexts.thanksReopened
    : satisfactionTexts.thanksRecorded;
}

/** The melder's private status page, /m/:token. */
export default function StatusPage() {
  const { token = '' } = useParams();
  const [attempt, setAttempt] = useState(0);
  // A retry remounts the view: its state starts again at "loading" and the fetch runs again.
  return <StatusView key={`${token}#${attempt}`} token={token} onRetry={() => setAttempt((n) => n + 1)} />;
}

function StatusView({ token, onRetry }: { token: string; onRetry: () => void }) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // After the melder answered: show the melding as it is now, with a thank-you where focus lands.
  const reload = useCallback(
    async (done: Done) => {
      const result = await fetchMelderStatus(token).catch((): StatusResult => ({ kind: 'error' }));
      setNotice(result.kind === 'ok' ? noticeFor(done, result.status) : undefined);
      setState(result);
    },
    [token],
  );

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  useEffect(() => {
    const controller = new AbortController();
    fetchMelderStatus(token, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setState(result);
      },
      () => {
        if (!controller.signal.aborted) setState({ kind: 'error' });
      },
    );
    return () => controller.abort();
  }, [token]);

  const heading = headingFor(state);

  useEffect(() => {
    document.title = statusPageTexts.documentTitle(heading);
  }, [heading]);

  // Once there is something to read, start there: screen readers announce the heading. A link from the
  // mail to the question or the satisfaction question opens at that section instead.
  useEffect(() => {
    if (state.kind === 'loading') return;
    const hash = window.location.hash.slice(1);
    const target = linkTargets.includes(hash) ? document.getElementById(hash) : null;
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'start' });
    } else {
      headingRef.current?.focus();
    }
  }, [state.kind]);

  return (
    <main
      className="utrecht-theme utrecht-theme--media-query-viewport bs-status"
      aria-busy={state.kind === 'loading' ? true : undefined}
    >
      <h1 className="utrecht-heading-1" tabIndex={-1} ref={headingRef}>
        {heading}
      </h1>
      {state.kind === 'loading' && (
        <p className="utrecht-paragraph" role="status">
          {statusPageTexts.loading}
        </p>
      )}
      {state.kind === 'not-found' && <NotFound />}
      {state.kind === 'error' && <LoadError onRetry={onRetry} />}
      {state.kind === 'ok' && notice && (
        <div className="utrecht-alert utrecht-alert--ok bs-status-notice" tabIndex={-1} ref={noticeRef}>
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message" role="status">
              <p className="utrecht-paragraph">{notice}</p>
            </div>
          </div>
        </div>
      )}
      {state.kind === 'ok' && (
        <MeldingStatus token={token} status={state.status} onDone={(done) => void reload(done)} />
      )}
    </main>
  );
}

function headingFor(state: PageState): string {
  switch (state.kind) {
    case 'loading':
      return statusPageTexts.loadingHeading;
    case 'not-found':
      return statusPageTexts.notFoundHeading;
    case 'error':
      return statusPageTexts.errorHeading;
    case 'ok':
      return statusPageTexts.heading(state.status.reference);
  }
}

interface MeldingStatusProps {
  token: string;
  status: MelderStatus;
  onDone: (done: Done) => void;
}

function MeldingStatus({ token, status, onDone }: MeldingStatusProps) {
  const id = useId();
  const statusHeadingId = `${id}-status`;
  const timelineHeadingId = `${id}-verloop`;
  const explanation = statusExplanation(status.status.code);

  return (
    <>
      <dl className="bs-status-details">
        <dt>{statusPageTexts.categoryLabel}</dt>
        <dd>{status.category.label}</dd>
        {status.subcategory && (
          <>
            <dt>{statusPageTexts.subcategoryLabel}</dt>
            <dd>{status.subcategory.label}</dd>
          </>
        )}
        <dt>{statusPageTexts.createdAtLabel}</dt>
        <dd>
          <time dateTime={status.createdAt}>{formatDateTime(status.createdAt)}</time>
        </dd>
      </dl>

      <section className="bs-status-current" aria-labelledby={statusHeadingId}>
        <h2 className="utrecht-heading-2" id={statusHeadingId}>
          {statusPageTexts.statusLine(status.status.label)}
        </h2>
        {status.pickup ? (
          // Which team has it and when it is (or was) picked up, as the server wrote it.
          <div data-testid="pickup">
            <p className="utrecht-paragraph">{status.pickup.message}</p>
            {status.pickup.safety && <p className="utrecht-paragraph">{status.pickup.safety}</p>}
          </div>
        ) : (
          explanation && <p className="utrecht-paragraph">{explanation}</p>
        )}
      </section>

      {status.question && (
        <AnswerQuestion
          token={token}
          question={status.question}
          onAnswered={() => onDone({ kind: 'answer' })}
        />
      )}
      {status.feedbackOpen && (
        <SatisfactionQuestion
          token={token}
          onAnswered={({ solved }) => onDone({ kind: 'feedback', solved })}
        />
      )}

      <section aria-labelledby={timelineHeadingId}>
        <h2 className="utrecht-heading-2" id={timelineHeadingId}>
          {statusPageTexts.timelineHeading}
        </h2>
        <Timeline entries={status.timeline} labelledBy={timelineHeadingId} />
      </section>
    </>
  );
}

function NotFound() {
  return (
    <>
      <p className="utrecht-paragraph">{statusPageTexts.notFoundIntro}</p>
      <h2 className="utrecht-heading-2">{statusPageTexts.notFoundWhatToDo}</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{statusPageTexts.notFoundCheckLink}</li>
        <li className="utrecht-unordered-list__item">
          {statusPageTexts.notFoundNewMelding} <Link href="/">{statusPageTexts.newMeldingLink}</Link>.
        </li>
      </ul>
    </>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  return (
    <>
      <Alert type="error">{statusPageTexts.errorMessage}</Alert>
      <p className="utrecht-paragraph bs-status-actions">
        <Button appearance="primary-action-button" onClick={onRetry}>
          {statusPageTexts.retry}
        </Button>
      </p>
    </>
  );
}

/** The HTML pattern of @utrecht/alert-css; the button stays outside the role="alert" element. */
function Alert({ type, children }: { type: 'error' | 'warning' | 'info' | 'ok'; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message" role="alert">
          <p className="utrecht-paragraph">{children}</p>
        </div>
      </div>
    </div>
  );
}
