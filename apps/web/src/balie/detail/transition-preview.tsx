import type { RefObject } from 'react';
import { consoleActionTexts } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import type { EmailPreview } from '../api.ts';

/** The e-mail the melder would get, as text and (sandboxed, no scripts) as HTML. */
export function TransitionPreview({
  preview,
  stale,
  headingRef,
}: {
  preview: EmailPreview;
  stale: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <section className="bs-balie-preview" aria-labelledby="preview-heading">
      <h4 id="preview-heading" ref={headingRef} tabIndex={-1} className="utrecht-heading-3">
        {consoleActionTexts.previewHeading}
      </h4>
      {stale && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{consoleActionTexts.previewStale}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">
        {preview.sentToMelder ? consoleActionTexts.previewSent : consoleActionTexts.previewNotSent}
      </p>
      <p className="utrecht-paragraph">
        <strong>{consoleActionTexts.previewSubject}</strong> {preview.subject}
      </p>
      <pre className="bs-balie-preview__text" data-testid="preview-text">
        {preview.text}
      </pre>
      <details className="bs-balie-details">
        <summary>{consoleActionTexts.previewHtml}</summary>
        <iframe
          className="bs-balie-preview__frame"
          title={consoleActionTexts.previewFrameTitle}
          sandbox=""
          srcDoc={preview.html}
        />
      </details>
    </section>
  );
}
