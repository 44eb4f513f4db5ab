import { Link } from '@utrecht/link-react/css';
import { appTexts } from '../texts/index.ts';
import { Alert } from './alert.tsx';

/** "Bel 112": shown prominently wherever a resident might be reporting an emergency. */
export function Advice112({ id }: { id?: string }) {
  return (
    <Alert type="warning" className="bs-advice" role="note" {...(id ? { id } : {})}>
      <p className="utrecht-paragraph bs-advice__text">
        <strong>{appTexts.advice.call112}</strong> {appTexts.advice.call112Extra}
      </p>
      <p className="utrecht-paragraph">
        <Link href="tel:112" className="bs-tel-link">
          {appTexts.advice.call112Link}
        </Link>
      </p>
    </Alert>
  );
}

/** Meld Misdaad Anoniem, for who wants to stay unknown even to the municipality. */
export function AdviceAnonymous() {
  return (
    <Alert type="info" className="bs-advice" role="note">
      <p className="utrecht-paragraph bs-advice__text">{appTexts.advice.anonymous}</p>
      <p className="utrecht-paragraph">
        <Link href="tel:08007000" className="bs-tel-link">
          {appTexts.advice.anonymousLink}
        </Link>
      </p>
    </Alert>
  );
}
