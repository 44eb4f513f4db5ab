import './routing.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { staffRoutingTexts as t } from '../../texts/index.ts';
import { asApiError, isCoordinator } from '../api.ts';
import { useSession } from '../session.tsx';
import { ListMessages, useEditing, useManagedList } from '../shared/managed-list.tsx';
import { DryRunPanel } from './dry-run-panel.tsx';
import { type RoutingRule, routingApi, routingKeys } from './routing-api.ts';
import { RuleForm } from './rule-form.tsx';
import { type RuleActions, RuleList } from './rule-list.tsx';

/** Focuses the first of these controls that is there and enabled. */
function focusFirst(ids: readonly string[]): void {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el && !el.hasAttribute('disabled')) {
      el.focus();
      return;
    }
  }
}

/**
 * "Indeelregels": the routing rules in the order they are tried, how many meldingen each routed, the
 * rules that became invalid (flagged, never hidden), the form for a new rule or version, and the dry run.
 * Officers read; coordinators and admins change.
 */
export default function RoutingPage() {
  const { session } = useSession();
  const canEdit = isCoordinator(session?.user);
  const queryClient = useQueryClient();
  const list = useManagedList(routingKeys.rules, routingApi.rules, t.heading);
  const { editing, edit, stopEditing } = useEditing<RoutingRule>('rr-form-heading', 'rr-name');
  const areas = useQuery({ queryKey: routingKeys.areas, queryFn: routingApi.areas });
  const teams = useQuery({ queryKey: routingKeys.teams, queryFn: routingApi.teams, enabled: canEdit });
  const areaList = areas.data?.areas ?? [];
  const teamOptions = (teams.data ?? [])
    .filter((team) => team.active)
    .map((team) => ({ value: team.id, label: team.name }));
  const areaName = (code: string) => {
    const a = areaList.find((x) => x.code === code);
    return a ? `${a.kind === 'wijk' ? t.wijk : t.buurt} ${a.naam}` : code;
  };
  // Officers read only their own teams: the names the rules carry fill in the rest.
  const teamName = (id: string) =>
    teams.data?.find((x) => x.id === id)?.name ?? list.items?.find((r) => r.team.id === id)?.team.name ?? id;
  // Where focus goes once the list has been drawn anew after a change (the moved rule's button).
  const focusAfter = useRef<readonly string[]>([]);
  useEffect(() => {
    if (!list.items || focusAfter.current.length === 0) return;
    focusFirst(focusAfter.current);
    focusAfter.current = [];
  }, [list.items]);

  const change = useMutation({
    mutationFn: async (job: {
      send: () => Promise<RoutingRule[] | RoutingRule>;
      text: string;
      focus: string[];
    }) => {
      await job.send();
      return job;
    },
    onSuccess: async (job) => {
      focusAfter.current = job.focus;
      await queryClient.invalidateQueries({ queryKey: routingKeys.rules });
      list.setAnnouncement(job.text);
    },
    onError: (err) => list.setAnnouncement(asApiError(err).message),
  });

  const rules = list.items ?? [];
  const actions: RuleActions | null = canEdit
    ? {
        move: (rule, by) => {
          if (change.isPending) return;
          const from = rules.findIndex((r) => r.id === rule.id);
          const to = from + by;
          if (from < 0 || to < 0 || to >= rules.length) return;
          const ids = rules.map((r) => r.id);
          ids.splice(from, 1);
          ids.splice(to, 0, rule.id);
          const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
          change.mutate({
            send: () => routingApi.reorder(ids),
            text: t.moved(rule.name, to + 1),
            focus: [`rule-${same}-${rule.id}`, `rule-${other}-${rule.id}`],
          });
        },
        toggle: (rule) => {
          if (change.isPending) return;
          change.mutate({
            send: () => routingApi.setActive(rule.id, !rule.active),
            text: rule.active ? t.deactivated(rule.name) : t.activated(rule.name),
            focus: [],
          });
        },
        edit,
      }
    : null;

  const onSaved = (saved: RoutingRule) => {
    stopEditing();
    focusAfter.current = ['rr-list-heading'];
    void list.done(editing ? t.revised(saved.name, saved.version) : t.created(saved.name));
  };

  return (
    <>
      <h1 className="utrecht-heading-1">{t.heading}</h1>
      <p className="utrecht-paragraph">{t.intro}</p>
      {!canEdit && <p className="utrecht-paragraph bs-muted">{t.readOnly}</p>}
      <ListMessages announcement={list.announcement} loadError={list.loadError} />

      <section className="bs-section" aria-labelledby="rr-list-heading">
        <h2 id="rr-list-heading" tabIndex={-1} className="utrecht-heading-2">
          {t.listHeading}
        </h2>
        {list.items && (
          <RuleList
            rules={rules}
            areaName={areaName}
            teamName={teamName}
            actions={actions}
            busy={change.isPending}
          />
        )}
      </section>

      {canEdit && (
        <section className="bs-section" aria-labelledby="rr-form-heading">
          <h2 id="rr-form-heading" className="utrecht-heading-2">
            {editing ? t.editHeading(editing.name) : t.newHeading}
          </h2>
          <RuleForm
            key={editing ? `${editing.id}-${editing.version}` : 'new'}
            rule={editing}
            areas={areaList}
            teams={teamOptions}
            onCancel={stopEditing}
            onSaved={onSaved}
          />
        </section>
      )}

      <section className="bs-section" aria-labelledby="dr-heading">
        <h2 id="dr-heading" className="utrecht-heading-2">
          {t.dryRunHeading}
        </h2>
        <p className="utrecht-paragraph">{t.dryRunIntro}</p>
        <DryRunPanel />
      </section>
    </>
  );
}
