import { isOpen, type MeldingStatus } from '@buurtsignaal/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { Link } from 'react-router';
import { staffGroupTexts } from '../../texts/index.ts';
import { asApiError, type MeldingDetail } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { groupApi } from './group-api.ts';

type OnDone = (message: string, error?: boolean) => void;

/**
 * One incident, many reports: the group this melding is in, every member linked, and (for a member
 * that is not the first) the button to split it off.
 */
export function GroupPanel({ melding, onDone }: { melding: MeldingDetail; onDone: OnDone }) {
  const split = useMutation({
    mutationFn: () => groupApi.split(melding.id),
    onSuccess: () => onDone(staffGroupTexts.splitDone),
    onError: (err) => onDone(asApiError(err).message, true),
  });
  const group = melding.group;
  if (!group) return null;
  const self = group.members.find((m) => m.id === melding.id);
  return (
    <section className="bs-section bs-staff-group" aria-labelledby="group-heading">
      <h2 id="group-heading" className="utrecht-heading-2">
        {staffGroupTexts.partOf(group.size)}
      </h2>
      <p className="utrecht-paragraph bs-muted">{staffGroupTexts.explain}</p>
      <ul className="bs-staff-group__list" aria-label={staffGroupTexts.membersLabel}>
        {group.members.map((m) => (
          <li key={m.id}>
            {m.id === melding.id ? (
              <strong>
                {m.reference} {staffGroupTexts.thisOne}
              </strong>
            ) : (
              <Link className="utrecht-link" to={`/balie/meldingen/${m.id}`}>
                {m.reference}
              </Link>
            )}{' '}
            – {m.status.label}, {formatDateTime(m.createdAt)}
            {m.primary && <> ({staffGroupTexts.first})</>}
          </li>
        ))}
      </ul>
      {self && !self.primary && (
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={split.isPending}
          disabled={split.isPending}
          onClick={() => split.mutate()}
        >
          {staffGroupTexts.split}
        </Button>
      )}
    </section>
  );
}

/** Open meldingen of the same kind close by, each with a button to group it with this one. */
export function NearbyPanel({ melding, onDone }: { melding: MeldingDetail; onDone: OnDone }) {
  const open = isOpen(melding.status.code as MeldingStatus);
  const query = useQuery({
    queryKey: ['melding', melding.id, 'nearby', melding.group?.size ?? 1],
    queryFn: () => groupApi.nearby(melding.id),
    enabled: open,
  });
  const group = useMutation({
    mutationFn: (other: { id: string; reference: string }) => groupApi.group(melding.id, other.id),
    onSuccess: (_d, other) => onDone(staffGroupTexts.grouped(other.reference)),
    onError: (err) => onDone(asApiError(err).message, true),
  });
  if (!open) return null;
  const data = query.data;
  return (
    <section className="bs-section" aria-labelledby="nearby-heading">
      <h2 id="nearby-heading" className="utrecht-heading-2">
        {staffGroupTexts.nearbyHeading}
      </h2>
      {!data ? (
        <p className="utrecht-paragraph bs-muted">{staffGroupTexts.nearbyLoading}</p>
      ) : (
        <>
          <p className="utrecht-paragraph bs-muted">
            {staffGroupTexts.nearbyExplain(data.radiusMeters, data.hours)}
          </p>
          {data.items.length === 0 ? (
            <p className="utrecht-paragraph">{staffGroupTexts.nearbyNone}</p>
          ) : (
            <ul className="bs-staff-group__list">
              {data.items.map((n) => (
                <li key={n.id}>
                  <Link className="utrecht-link" to={`/balie/meldingen/${n.id}`}>
                    {n.reference}
                  </Link>{' '}
                  – {staffGroupTexts.distance(n.distanceMeters)}, {n.status.label},{' '}
                  {formatDateTime(n.createdAt)}
                  {n.groupSize !== null ? (
                    <> ({staffGroupTexts.inGroup(n.groupSize)})</>
                  ) : (
                    <>
                      {' '}
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        disabled={group.isPending}
                        onClick={() => group.mutate({ id: n.id, reference: n.reference })}
                      >
                        {staffGroupTexts.group(n.reference)}
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
