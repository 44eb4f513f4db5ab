import './advice.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { lazy, Suspense, useState } from 'react';
import { staffAdviceTexts, staffDetailTexts } from '../../texts/index.ts';
import { asApiError } from '../api.ts';
import { formatTime } from '../format.ts';
import { SLOW_REFRESH_MS } from '../query/query-client.tsx';
import { adviceApi, adviceKeys, type PatrolTask } from './advice-api.ts';

// Leaflet only comes along when there is a task to show on a map.
const SpotMap = lazy(() => import('../spot-map.tsx'));
const t = staffAdviceTexts.tasks;

/**
 * "Patrouille vandaag" on the queue: today's patrol tasks of the officer's teams, each with its place
 * on a small map and a link for the phone's map app, and "Bezocht". Only the tap is sent: no position.
 * Nothing is shown on a day without tasks.
 */
export function PatrolTasks() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: adviceKeys.tasks,
    queryFn: adviceApi.tasks,
    // Tasks come from a coordinator's decision, which no live event announces: a slow poll.
    refetchInterval: SLOW_REFRESH_MS,
  });
  const [announcement, setAnnouncement] = useState('');
  const visit = useMutation({
    mutationFn: (task: PatrolTask) => adviceApi.visited(task.id),
    onSuccess: async (task) => {
      setAnnouncement(t.announced(task.place, task.visitedAt ? formatTime(new Date(task.visitedAt)) : ''));
      await queryClient.invalidateQueries({ queryKey: adviceKeys.tasks });
    },
    onError: (err) => setAnnouncement(asApiError(err).message),
  });
  const tasks = query.data?.tasks ?? [];
  if (tasks.length === 0 && !announcement) return null;
  return (
    <section className="bs-section bs-patrol" aria-labelledby="patrol-heading">
      <h2 id="patrol-heading" className="utrecht-heading-2">
        {t.heading}
      </h2>
      <p className="utrecht-paragraph bs-muted">{t.intro}</p>
      <p className="bs-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ul className="bs-patrol__list">
        {tasks.map((task) => (
          <li key={task.id} className="bs-patrol__task">
            <TaskItem
              task={task}
              busy={visit.isPending && visit.variables?.id === task.id}
              onVisit={visit.mutate}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TaskItem({
  task,
  busy,
  onVisit,
}: {
  task: PatrolTask;
  busy: boolean;
  onVisit: (task: PatrolTask) => void;
}) {
  const visitedAt = task.visitedAt ? formatTime(new Date(task.visitedAt)) : null;
  return (
    <>
      <h3 className="utrecht-heading-3">{t.line(task.localTime, task.place, task.minutes)}</h3>
      <p className="utrecht-paragraph bs-muted">{t.team(task.team.name)}</p>
      <div className="bs-patrol__map">
        <Suspense fallback={<p className="utrecht-paragraph bs-muted">{staffDetailTexts.mapLoading}</p>}>
          <SpotMap
            lat={task.lat}
            lng={task.lng}
            label={t.mapLabel(`${task.place} ${task.localTime}`)}
            marker={task.place}
          />
        </Suspense>
      </div>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`geo:${task.lat},${task.lng}`}>
          {t.openMap(task.place)}
        </a>
      </p>
      {visitedAt ? (
        <p className="utrecht-paragraph">
          <strong>{t.visitedAt(visitedAt)}</strong>
        </p>
      ) : (
        <Button
          type="button"
          appearance="primary-action-button"
          busy={busy}
          aria-label={`${t.visited}: ${t.line(task.localTime, task.place, task.minutes)}`}
          onClick={() => onVisit(task)}
        >
          {t.visited}
        </Button>
      )}
    </>
  );
}
