import './rosters.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { asApiError } from '../api.ts';
import { PushOptIn } from '../push/push-opt-in.tsx';
import { ListMessages } from '../shared/managed-list.tsx';
import { useTitle } from '../use-title.ts';
import { CalendarFeedBox } from './calendar-feed.tsx';
import { rosterApi, rosterKeys } from './roster-api.ts';
import { formatLocalDate, timeRange } from './roster-format.ts';

/** "Mijn diensten": the officer's coming shifts, and a private calendar feed of them. */
export default function MyShiftsPage() {
  const shifts = useQuery({ queryKey: rosterKeys.myShifts, queryFn: () => rosterApi.myShifts(28) });
  const [announcement, setAnnouncement] = useState('');
  const loadError = shifts.error ? asApiError(shifts.error).message : null;
  useTitle(t.my.heading, Boolean(loadError));
  const list = shifts.data?.shifts ?? [];
  return (
    <div className="bs-rosters">
      <h1 className="utrecht-heading-1">{t.my.heading}</h1>
      <ListMessages announcement={announcement} loadError={loadError} />
      <section className="bs-section" aria-labelledby="my-shifts-heading">
        <h2 id="my-shifts-heading" className="utrecht-heading-2">
          {t.my.intro}
        </h2>
        {shifts.data && list.length === 0 && <p className="utrecht-paragraph">{t.my.none}</p>}
        <ul className="bs-roster-shifts bs-roster-my">
          {list.map((s) => (
            <li key={s.id} className="bs-roster-shift">
              <p className="bs-roster-shift__time">
                <strong>{formatLocalDate(s.localDate)}</strong>{' '}
                <span>{timeRange(s.localStart, s.localEnd)}</span>
              </p>
              <p className="utrecht-paragraph">{t.my.shiftLine(s.label, s.team.name)}</p>
            </li>
          ))}
        </ul>
      </section>
      <PushOptIn />
      <CalendarFeedBox owner={{ kind: 'me' }} headingLevel={2} onAnnounce={setAnnouncement} />
    </div>
  );
}
