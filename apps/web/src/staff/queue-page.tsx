import { defaultTeams, listWijken, meldingStatuses } from '@buurtsignaal/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { staffGroupTexts, staffQueueTexts, staffTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { PatrolTasks } from './advice/patrol-tasks.tsx';
import { asApiError, isCoordinator, type QueueItem, staffApi } from './api.ts';
import { formatAge, formatDateTime, formatTime } from './format.ts';
import { HotspotNotices } from './hotspot-notices.tsx';
import { keys } from './query/query-client.tsx';
import { useSession } from './session.tsx';
import { categoryOptions, FilterBar, withAll } from './shared/filter-bar.tsx';
import { useTitle } from './use-title.ts';

const PAGE_SIZE = 25;
const ALL_STATUSES = meldingStatuses.join(',');
const wijkOptions = listWijken().map((w) => ({ value: w.code, label: w.naam }));
const statusOptions = [
  { value: 'open', label: staffQueueTexts.statusOpen },
  { value: 'all', label: staffQueueTexts.statusAll },
];

export function QueuePage() {
  const { session } = useSession();
  const user = session?.user;
  const coordinator = isCoordinator(user);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [params, setParams] = useSearchParams();

  const teamOptions = useMemo(() => {
    const own = user?.teams ?? [];
    if (!coordinator) return own.map((t) => ({ value: t.id, label: t.name }));
    const all = new Map<string, string>();
    for (const t of defaultTeams) all.set(t.id, t.name);
    for (const t of own) all.set(t.id, t.name);
    return [
      { value: '', label: staffQueueTexts.allTeams },
      ...[...all].map(([value, label]) => ({ value, label })),
    ];
  }, [user, coordinator]);

  const team = params.get('team') ?? (coordinator ? '' : (teamOptions[0]?.value ?? ''));
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const category = params.get('category') ?? '';
  const wijk = params.get('wijk') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const [announce, setAnnounce] = useState('');
  const query = useQuery({
    queryKey: keys.queue({ team, status, category, wijk, page }),
    queryFn: () =>
      staffApi.queue({
        ...(team ? { team } : {}),
        status: status === 'all' ? ALL_STATUSES : 'open',
        ...(category ? { category } : {}),
        ...(wijk ? { wijk } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    // Other filters: the list stays until the new one is there.
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const error = query.error ? asApiError(query.error).message : null;
  const updatedAt = query.dataUpdatedAt ? new Date(query.dataUpdatedAt) : null;
  useTitle(staffQueueTexts.heading, Boolean(error));

  const refresh = async () => {
    const result = await query.refetch();
    if (result.data && !result.error) {
      const now = new Date(result.dataUpdatedAt || Date.now());
      setAnnounce(
        `${staffQueueTexts.refreshed(formatTime(now))} ${staffQueueTexts.count(result.data.total)}.`,
      );
    }
  };

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const goToPage = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
    document.getElementById('queue-heading')?.focus();
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;
  const now = updatedAt ?? new Date();

  return (
    <>
      <h1 id="queue-heading" tabIndex={-1} className="utrecht-heading-1">
        {staffQueueTexts.heading}
      </h1>
      {notice && (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      )}
      <PatrolTasks />
      <HotspotNotices />
      <FilterBar
        headingId="filters-heading"
        heading={staffQueueTexts.filtersHeading}
        filters={[
          teamOptions.length > 0 && {
            id: 'filter-team',
            label: staffQueueTexts.team,
            value: team,
            options: teamOptions,
            onValueChange: (v) => setFilter('team', v),
          },
          {
            id: 'filter-status',
            label: staffQueueTexts.status,
            value: status,
            options: statusOptions,
            onValueChange: (v) => setFilter('status', v === 'all' ? 'all' : ''),
          },
          {
            id: 'filter-category',
            label: staffQueueTexts.category,
            value: category,
            options: withAll(staffQueueTexts.allCategories, categoryOptions),
            onValueChange: (v) => setFilter('category', v),
          },
          {
            id: 'filter-wijk',
            label: staffQueueTexts.wijk,
            value: wijk,
            options: withAll(staffQueueTexts.allWijken, wijkOptions),
            onValueChange: (v) => setFilter('wijk', v),
          },
        ]}
      />

      <div className="bs-staff-toolbar">
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={query.isFetching}
          onClick={() => void refresh()}
        >
          {staffQueueTexts.refresh}
        </Button>
        <p className="bs-muted bs-staff-toolbar__text">
          {updatedAt ? `${staffQueueTexts.refreshed(formatTime(updatedAt))} ` : ''}
          {staffQueueTexts.autoRefresh}
        </p>
      </div>
      <p className="bs-visually-hidden" role="status">
        {announce}
      </p>

      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}

      {data && data.items.length === 0 && (
        <div className="bs-staff-empty">
          <p className="utrecht-paragraph">
            <strong>{staffQueueTexts.empty}</strong>
          </p>
          <p className="utrecht-paragraph bs-muted">{staffQueueTexts.emptyHint}</p>
        </div>
      )}

      {data && data.items.length > 0 && (
        <>
          <p className="utrecht-paragraph bs-muted">{staffQueueTexts.count(data.total)}</p>
          <ul className="bs-staff-cards" aria-label={staffQueueTexts.listLabel}>
            {data.items.map((item) => (
              <li key={item.id}>
                <QueueCard item={item} now={now} />
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="bs-staff-paging" aria-label={staffQueueTexts.pagingLabel}>
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={page <= 1}
                onClick={() => goToPage(page - 1)}
              >
                {staffQueueTexts.previous}
              </Button>
              <span>{staffQueueTexts.pageOf(page, pages)}</span>
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={page >= pages}
                onClick={() => goToPage(page + 1)}
              >
                {staffQueueTexts.next}
              </Button>
            </nav>
          )}
        </>
      )}
      {!data && !error && (
        <p className="utrecht-paragraph" role="status">
          {staffTexts.loading}
        </p>
      )}
    </>
  );
}

function QueueCard({ item, now }: { item: QueueItem; now: Date }) {
  const priority = item.priority ?? 'normaal';
  const priorityLabel = staffTexts.priorities[priority] ?? priority;
  return (
    <Link to={`/balie/meldingen/${item.id}`} className={`bs-staff-card bs-staff-card--${priority}`}>
      <span className="bs-staff-card__top">
        <span className="bs-staff-card__reference">{item.reference}</span>
        <span className={`bs-staff-badge bs-staff-badge--${priority}`}>
          <span className="bs-visually-hidden">{staffQueueTexts.priority}: </span>
          {priority === 'spoed' && <span aria-hidden="true">⚠ </span>}
          {priorityLabel}
        </span>
      </span>
      {(item.nuGaande || item.deadlineAt || item.reopenCount > 0 || item.group) && (
        <span className="bs-staff-card__row">
          {item.group && (
            <span className="bs-staff-badge bs-staff-badge--group">
              {staffGroupTexts.queueBadge(item.group.size)}
            </span>
          )}
          {item.reopenCount > 0 && (
            <span className="bs-staff-badge bs-staff-badge--reopened">
              <span aria-hidden="true">↺ </span>
              {staffQueueTexts.reopened(item.reopenCount)}
            </span>
          )}
          {item.nuGaande && (
            <span className="bs-staff-badge bs-staff-badge--nu">
              <span aria-hidden="true">● </span>
              {staffQueueTexts.nuGaande}
            </span>
          )}
          {item.deadlineAt && (
            <span className={new Date(item.deadlineAt) < now ? 'bs-staff-overdue' : undefined}>
              {(new Date(item.deadlineAt) < now ? staffQueueTexts.overdue : staffQueueTexts.deadline)(
                formatDateTime(item.deadlineAt),
              )}
            </span>
          )}
        </span>
      )}
      <span className="bs-staff-card__category">
        {item.category.label}
        {item.subcategory ? ` – ${item.subcategory.label}` : ''}
      </span>
      <span className="bs-staff-card__row">
        <span className="bs-staff-status">{item.status.label}</span>
        <span>{formatAge(item.createdAt, now)}</span>
      </span>
      <span className="bs-staff-card__row bs-muted">
        <span>
          {item.street === null
            ? staffQueueTexts.noStreet
            : item.streetApproximate
              ? staffQueueTexts.approximateStreet(item.street)
              : item.street}
          {item.wijk ? `, ${item.wijk.naam}` : ''}
        </span>
        {item.photoCount > 0 && <span>{staffQueueTexts.photos(item.photoCount)}</span>}
      </span>
      <span className="bs-staff-card__assigned">
        {item.assignedTo ? staffQueueTexts.assignedTo(item.assignedTo.name) : staffQueueTexts.unassigned}
      </span>
    </Link>
  );
}
