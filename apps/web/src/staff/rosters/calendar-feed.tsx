import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useEffect, useRef, useState } from 'react';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { asApiError } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { type FeedCreated, rosterApi, rosterKeys } from './roster-api.ts';

export type FeedOwner = { kind: 'me' } | { kind: 'team'; teamId: string };

const feedApi = (owner: FeedOwner) =>
  owner.kind === 'me'
    ? {
        key: rosterKeys.myFeeds,
        list: rosterApi.myFeeds,
        create: rosterApi.createMyFeed,
        revoke: rosterApi.revokeMyFeed,
      }
    : {
        key: rosterKeys.teamFeeds(owner.teamId),
        list: () => rosterApi.teamFeeds(owner.teamId),
        create: () => rosterApi.createTeamFeed(owner.teamId),
        revoke: (feedId: string) => rosterApi.revokeTeamFeed(owner.teamId, feedId),
      };

/** The new link, shown once: the URL to copy, and a webcal:// link that opens the phone's calendar. */
function NewFeed({ feed, onAnnounce }: { feed: FeedCreated; onAnnounce: (text: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      onAnnounce(t.feed.copied);
    } catch {
      onAnnounce(t.feed.copyFailed);
    }
  };
  return (
    <Alert type="ok" ref={ref} tabIndex={-1} className="bs-roster-feed-new">
      <p className="utrecht-paragraph">{t.feed.created}</p>
      <label className="utrecht-form-label" htmlFor="feed-url">
        {t.feed.urlLabel}
      </label>
      <input
        id="feed-url"
        className="utrecht-textbox utrecht-textbox--html-input bs-roster-feed-url"
        readOnly
        value={feed.url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="utrecht-button-group">
        <Button type="button" appearance="secondary-action-button" onClick={() => void copy()}>
          {t.feed.copy}
        </Button>
        <a className="utrecht-link" href={feed.url.replace(/^https?:\/\//, 'webcal://')}>
          {t.feed.subscribe}
        </a>
      </div>
    </Alert>
  );
}

/** "Agenda-abonnement": a private, revocable calendar feed of one's own shifts, or of a team's. */
export function CalendarFeedBox({
  owner,
  headingLevel,
  onAnnounce,
}: {
  owner: FeedOwner;
  headingLevel: 2 | 3;
  onAnnounce: (text: string) => void;
}) {
  const api = feedApi(owner);
  const queryClient = useQueryClient();
  const feeds = useQuery({ queryKey: api.key, queryFn: api.list });
  const [created, setCreated] = useState<FeedCreated | null>(null);
  const after = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: api.key });
    onAnnounce(text);
  };
  const create = useMutation({
    mutationFn: api.create,
    onSuccess: async (feed) => {
      setCreated(feed);
      await after(t.feed.created);
    },
    onError: (err) => onAnnounce(asApiError(err).message),
  });
  const revoke = useMutation({
    mutationFn: api.revoke,
    onSuccess: async (_v, feedId) => {
      if (created?.id === feedId) setCreated(null);
      await after(t.feed.revoked);
    },
    onError: (err) => onAnnounce(asApiError(err).message),
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = owner.kind === 'me' ? 'feed-heading-me' : 'feed-heading-team';
  const list = feeds.data?.feeds ?? [];
  return (
    <section className="bs-section" aria-labelledby={headingId}>
      <Heading id={headingId} className={headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3'}>
        {owner.kind === 'me' ? t.feed.myHeading : t.feed.teamHeading}
      </Heading>
      <p className="utrecht-paragraph">{owner.kind === 'me' ? t.feed.intro : t.feed.teamIntro}</p>
      {feeds.error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{asApiError(feeds.error).message}</p>
        </Alert>
      )}
      {created && <NewFeed feed={created} onAnnounce={onAnnounce} />}
      {feeds.data && (
        <p className="utrecht-paragraph">
          {list.length > 0 ? t.feed.active(list.length) : t.feed.noneActive}
        </p>
      )}
      {list.length > 0 && (
        <ul className="bs-roster-feeds">
          {list.map((f) => (
            <li key={f.id}>
              {t.feed.createdOn(formatDateTime(f.createdAt))}{' '}
              <Button
                type="button"
                appearance="subtle-button"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(f.id)}
              >
                {t.feed.revoke}
                <span className="bs-visually-hidden">: {t.feed.createdOn(formatDateTime(f.createdAt))}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button
        type="button"
        appearance="secondary-action-button"
        busy={create.isPending}
        disabled={create.isPending}
        onClick={() => create.mutate()}
      >
        {t.feed.create}
      </Button>
    </section>
  );
}
