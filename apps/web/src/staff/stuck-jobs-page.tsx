import './insight.css';
import { type StuckJob, stuckJobListSchema, stuckJobRetrySchema } from '@buurtsignaal/core/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useState } from 'react';
import { Link } from 'react-router';
import { staffStuckTexts } from '../texts/index.ts';
import { asApiError, staffRequest } from './api.ts';
import { formatDateTime } from './format.ts';
import { keys } from './query/query-client.tsx';
import { ListMessages } from './shared/managed-list.tsx';
import { useTitle } from './use-title.ts';

/** The answer as the shared contract says it is, or a readable error (never a cast). */
async function loadStuckJobs(): Promise<StuckJob[]> {
  return (await staffRequest('GET', '/admin/stuck', stuckJobListSchema)).items;
}

async function retryStuckJob(id: string): Promise<void> {
  await staffRequest('POST', `/admin/stuck/${encodeURIComponent(id)}/retry`, stuckJobRetrySchema, {});
}

/** "Vastgelopen taken" (admin): work that did not get done on its own, with a retry per item. */
export default function StuckJobsPage() {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const [retryError, setRetryError] = useState<string | null>(null);
  const query = useQuery({ queryKey: keys.stuckJobs, queryFn: loadStuckJobs });
  const retry = useMutation({
    mutationFn: (job: StuckJob) => retryStuckJob(job.id),
    onMutate: () => {
      setAnnouncement('');
      setRetryError(null);
    },
    onSuccess: (_r, job) => setAnnouncement(staffStuckTexts.retried(job.melding.reference)),
    onError: (err) => setRetryError(asApiError(err).message),
    // Either way the list is read again: a retried job drops off, a failed one shows its state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.stuckJobs }),
  });
  const items = query.data ?? null;
  const error = retryError ?? (query.error ? asApiError(query.error).message : null);
  const pending = retry.isPending ? (retry.variables?.id ?? null) : null;
  useTitle(staffStuckTexts.heading, Boolean(error));

  return (
    <>
      <h1 className="utrecht-heading-1">{staffStuckTexts.heading}</h1>
      <p className="utrecht-paragraph">{staffStuckTexts.intro}</p>
      <ListMessages announcement={announcement} loadError={error} />
      {items && items.length === 0 && <p className="utrecht-paragraph">{staffStuckTexts.none}</p>}
      {items && items.length > 0 && (
        <div className="bs-table-scroll">
          <table className="bs-table">
            <caption className="bs-visually-hidden">{staffStuckTexts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{staffStuckTexts.what}</th>
                <th scope="col">{staffStuckTexts.melding}</th>
                <th scope="col">{staffStuckTexts.since}</th>
                <th scope="col">{staffStuckTexts.attempts}</th>
                <th scope="col">{staffStuckTexts.lastError}</th>
                <th scope="col">{staffStuckTexts.action}</th>
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
                  <td>{job.lastError ?? staffStuckTexts.noError}</td>
                  <td>
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      aria-label={staffStuckTexts.retryLabel(job.melding.reference, job.what)}
                      busy={pending === job.id}
                      disabled={pending !== null}
                      onClick={() => retry.mutate(job)}
                    >
                      {staffStuckTexts.retry}
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
