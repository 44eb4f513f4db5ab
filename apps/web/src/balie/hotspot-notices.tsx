import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../ui/alert.tsx';
import { type HotspotNotification, insightApi } from './insight-api.ts';
import { formatDate } from './insight-format.ts';
import { bt } from './texts-nl.ts';

const REFRESH_MS = 30_000;

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
  const [items, setItems] = useState<HotspotNotification[]>([]);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      insightApi
        .hotspotNotifications()
        .then((r) => {
          if (!cancelled) setItems(r.items);
        })
        // The notices are extra: the queue works without them.
        .catch(() => undefined);
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  const notices = useMemo(() => {
    const byHotspot = new Map<string, Notice>();
    for (const n of items) {
      if (!n.active) continue;
      const known = byHotspot.get(n.hotspotId);
      if (known) {
        if (!known.teams.includes(n.team.name)) known.teams.push(n.team.name);
        continue;
      }
      byHotspot.set(n.hotspotId, {
        hotspotId: n.hotspotId,
        cell: n.cell,
        wijk: n.wijk?.naam ?? bt.queue.hotspotOutsideWijk,
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
          {bt.queue.hotspotsHeading}
        </h2>
        <ul className="bs-hotspot-notices__list">
          {notices.map((n) => (
            <li key={n.hotspotId} className="bs-hotspot-notice">
              <strong>{bt.queue.hotspotNotice(n.wijk, n.since, n.rule)}</strong>{' '}
              <span>{bt.queue.hotspotTeam(n.teams.join(', '))}</span>{' '}
              <Link className="utrecht-link" to={`/balie/kaart?cel=${encodeURIComponent(n.cell)}`}>
                {bt.queue.hotspotLink}
                <span className="bs-visually-hidden"> ({n.wijk})</span>
              </Link>
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
