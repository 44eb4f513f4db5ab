import { Button } from '@utrecht/button-react/css';
import { Link } from '@utrecht/link-react/css';
import { useEffect, useRef, useState } from 'react';
import { appTexts, formTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import type { Confirmation } from './draft.ts';

/** The status link as the resident can open it here: same origin → a path; else as given. */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).href;
  } catch {
    return url;
  }
}

/** What happens and when (from the server, its clock), the 112 line when the team is off duty, the link. */
const pickupLines = (pickup: NonNullable<Confirmation['pickup']>): string[] => [
  pickup.message,
  ...(pickup.safety ? [pickup.safety] : []),
  formTexts.confirmation.nextStatusLink,
];

export function ConfirmationView({
  confirmation,
  onNew,
  focusOnMount,
}: {
  confirmation: Confirmation;
  onNew: () => void;
  focusOnMount: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const url = absoluteUrl(confirmation.statusUrl);

  useEffect(() => {
    document.title = appTexts.documentTitle(formTexts.confirmation.title);
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(formTexts.confirmation.copied);
    } catch {
      setCopyStatus(formTexts.confirmation.copyFailed);
    }
  };

  return (
    <div className="bs-confirmation">
      <Alert type="ok" className="bs-confirmation__panel">
        <h1 ref={headingRef} tabIndex={-1} className="utrecht-heading-1">
          {formTexts.confirmation.heading}
        </h1>
        <p className="utrecht-paragraph">{formTexts.confirmation.referenceLabel}</p>
        <p className="bs-reference" data-testid="reference">
          {confirmation.reference}
        </p>
      </Alert>

      <section className="bs-section" aria-labelledby="next-heading">
        <h2 id="next-heading" className="utrecht-heading-2">
          {formTexts.confirmation.nextHeading}
        </h2>
        <ul className="utrecht-unordered-list">
          {(confirmation.pickup ? pickupLines(confirmation.pickup) : formTexts.confirmation.next).map(
            (line) => (
              <li key={line} className="utrecht-unordered-list__item" data-testid="next-line">
                {line}
              </li>
            ),
          )}
          {confirmation.wantsFeedback && (
            <li className="utrecht-unordered-list__item">{formTexts.confirmation.nextEmail}</li>
          )}
        </ul>
      </section>

      <section className="bs-section bs-status-link" aria-labelledby="link-heading">
        <h2 id="link-heading" className="utrecht-heading-2">
          {formTexts.confirmation.linkHeading}
        </h2>
        <p className="utrecht-paragraph">{formTexts.confirmation.linkText}</p>
        <p className="utrecht-paragraph bs-status-link__url">
          <Link href={url} data-testid="status-link">
            {url}
          </Link>
        </p>
        <div className="utrecht-button-group">
          <Button type="button" appearance="primary-action-button" onClick={() => void copy()}>
            {formTexts.confirmation.copy}
          </Button>
        </div>
        <p className="utrecht-paragraph" role="status">
          {copyStatus}
        </p>
      </section>

      <div className="utrecht-button-group">
        <Button type="button" appearance="secondary-action-button" onClick={onNew}>
          {formTexts.confirmation.newMelding}
        </Button>
      </div>
    </div>
  );
}
