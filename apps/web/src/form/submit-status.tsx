import { formTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import type { SendProgress } from './submit.ts';

/** What happens with a pending submission; a polite live region so that every change is heard. */
export function SubmitStatus({ progress }: { progress: SendProgress | undefined }) {
  const text =
    progress === undefined
      ? ''
      : progress.kind === 'sending'
        ? formTexts.submit.sending
        : progress.kind === 'offline'
          ? formTexts.submit.offline
          : formTexts.submit.retrying;
  const tone = progress?.kind === 'offline' || progress?.kind === 'retrying' ? 'warning' : 'info';
  return (
    <div role="status" aria-live="polite" className="bs-submit-status">
      {text && (
        <Alert type={tone} data-testid="submit-status">
          <p className="utrecht-paragraph">{text}</p>
        </Alert>
      )}
    </div>
  );
}
