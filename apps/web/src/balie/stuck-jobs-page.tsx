import './insight.css';
import { type StuckJob, stuckJobListSchema, stuckJobRetrySchema } from '@buurtsignaal/core/contract';
import { Button } from '@utrecht/button-react/css';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../ui/alert.tsx';
import { asApiError, staffRequest } from './api.ts';
import { formatDateTime } from './format.ts';
import { bt } from './texts-nl.ts';
import { useTitle } from './use-title.ts';

const t = bt.stuck;

/** The answer as the shared contract says it is, or a readable error (never a cast). */
async function loadStuckJobs(): Promise<StuckJob[]> {
  return (await staffRequest('GET', '/admin/stuck', stuckJobListSchema)).items;
}

async function retryStuckJob(id: string): Promise<void> {
  await staffRequest('POST', `/admin/stuck/${encodeURIComponent(id)}/retry`, stuckJobRetrySchema, {});
}

/** "Vastgelopen taken" (admin): work that did not get done on its own, with a retry per item. */
export default function StuckJobsPage() {
  const [items, setItems] = useState<StuckJob[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  useTitle(t.heading, Boolean(error));

  const load = useCallback(async () => {
    try {
      setItems(await loadStuckJobs());
      setError(null);
    } catch (err) {
      setError(asApiError(err).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (job: StuckJob) => {
    setPending(job.id);
    setAnnouncement('');
    try {
      await retryStuckJob(job.id);
      setAnnouncement(t.retried(job.melding.reference));
      await load();
    } catch (err) {
      setError(asApiError(err).message);
      await load();
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <h1 className="utrecht-heading-1">{t.heading}</h1>
      <p className="utrecht-paragraph">{t.intro}</p>
      <div role="status" aria-live="polite">
        {announcement && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{announcement}</p>
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {items && items.length === 0 && <p className="utrecht-paragraph">{t.none}</p>}
      {items && items.length > 0 && (
        <div className="bs-table-scroll">
          <table className="bs-table">
            <caption className="bs-visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.what}</th>
                <th scope="col">{t.melding}</th>
                <th scope="col">{t.since}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.lastError}</th>
                <th scope="col">{t.action}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.id}>
                  <th scope="row">{job.what}</th>
                  <td>
                    <Link
                      className="utrecht-link"
                      to={`/balie/meldingen/${encodeURIComponent(job.melding.id)}`}
                    >
                      {job.melding.reference}
                    </Link>
                  </td>
                  <td>{formatDateTime(job.since)}</td>
                  <td>{job.attempts}</td>
                  <td>{job.lastError ?? t.noError}</td>
                  <td>
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      aria-label={t.retryLabel(job.melding.reference, job.what)}
                      busy={pending === job.id}
                      disabled={pending !== null}
                      onClick={() => void retry(job)}
                    >
                      {t.retry}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
