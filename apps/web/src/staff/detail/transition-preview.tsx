import type { RefObject } from 'react';
import { staffActionTexts } from '../../texts/index.ts';
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
    <section className="bs-staff-preview" aria-labelledby="preview-heading">
      <h4 id="preview-heading" ref={headingRef} tabIndex={-1} className="utrecht-heading-3">
        {staffActionTexts.previewHeading}
      </h4>
      {stale && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{staffActionTexts.previewStale}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">
        {preview.sentToMelder ? staffActionTexts.previewSent : staffActionTexts.previewNotSent}
      </p>
      <p className="utrecht-paragraph">
        <strong>{staffActionTexts.previewSubject}</strong> {preview.subject}
      </p>
      <pre className="bs-staff-preview__text" data-testid="preview-text">
        {preview.text}
      </pre>
      <details className="bs-staff-details">
        <summary>{staffActionTexts.previewHtml}</summary>
        <iframe
          className="bs-staff-preview__frame"
          title={staffActionTexts.previewFrameTitle}
          sandbox=""
          srcDoc={preview.html}
        />
      </details>
    </section>
  );
}
