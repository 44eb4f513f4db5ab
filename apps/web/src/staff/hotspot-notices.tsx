import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { staffQueueTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { insightApi } from './insight-api.ts';
import { formatDate } from './insight-format.ts';
import { keys, SLOW_REFRESH_MS } from './query/query-client.tsx';

interface Notice {
  hotspotId: string;
  cell: string;
  wijk: string;
  since: string;
  rule: string;
  teams: string[];
}

/**
 * "Nieuwe hotspot" notices on the queue, where the officers of the notified teams look first: one per
 * active hotspot (the API keeps one notification per hotspot and team; an officer in two notified teams
 * still sees one notice), each with a link to the map centred on its cell. Ended hotspots drop off.
 */
export function HotspotNotices() {
  // The notices are extra: the queue works without them (a failure shows nothing).
  const { data } = useQuery({
    queryKey: keys.hotspotNotifications,
    queryFn: () => insightApi.hotspotNotifications(),
    refetchInterval: SLOW_REFRESH_MS,
  });
  const items = data?.items;

  const notices = useMemo(() => {
    const byHotspot = new Map<string, Notice>();
    for (const n of items ?? []) {
      if (!n.active) continue;
      const known = byHotspot.get(n.hotspotId);
      if (known) {
        if (!known.teams.includes(n.team.name)) known.teams.push(n.team.name);
        continue;
      }
      byHotspot.set(n.hotspotId, {
        hotspotId: n.hotspotId,
        cell: n.cell,
        wijk: n.wijk?.naam ?? staffQueueTexts.hotspotOutsideWijk,
        since: formatDate(n.since),
        rule: n.rule.name,
        teams: [n.team.name],
      });
    }
    return [...byHotspot.values()];
  }, [items]);

  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="hotspot-notices-heading" className="bs-hotspot-notices">
      <Alert type="warning">
        <h2 id="hotspot-notices-heading" className="utrecht-heading-3">
          {staffQueueTexts.hotspotsHeading}
        </h2>
        <ul className="bs-hotspot-notices__list">
          {notices.map((n) => (
            <li key={n.hotspotId} className="bs-hotspot-notice">
              <strong>{staffQueueTexts.hotspotNotice(n.wijk, n.since, n.rule)}</strong>{' '}
              <span>{staffQueueTexts.hotspotTeam(n.teams.join(', '))}</span>{' '}
              <Link className="utrecht-link" to={`/balie/kaart?cel=${encodeURIComponent(n.cell)}`}>
                {staffQueueTexts.hotspotLink}
                <span className="bs-visually-hidden"> ({n.wijk})</span>
              </Link>
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
