import type { RefObject } from 'react';
import { Alert } from '../../ui/alert.tsx';
import type { EmailPreview } from '../api.ts';
import { bt } from '../texts-nl.ts';

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
        {bt.actions.previewHeading}
      </h4>
      {stale && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{bt.actions.previewStale}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">
        {preview.sentToMelder ? bt.actions.previewSent : bt.actions.previewNotSent}
      </p>
      <p className="utrecht-paragraph">
        <strong>{bt.actions.previewSubject}</strong> {preview.subject}
      </p>
      <pre className="bs-balie-preview__text" data-testid="preview-text">
        {preview.text}
      </pre>
      <details className="bs-balie-details">
        <summary>{bt.actions.previewHtml}</summary>
        <iframe
          className="bs-balie-preview__frame"
          title={bt.actions.previewFrameTitle}
          sandbox=""
          srcDoc={preview.html}
        />
      </details>
    </section>
  );
}
