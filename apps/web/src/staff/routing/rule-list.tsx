import { Button } from '@utrecht/button-react/css';
import { staffRoutingTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatDateTime } from '../format.ts';
import type { RoutingRule } from './routing-api.ts';
import { conditionsText, priorityLabel } from './rule-text.ts';

export interface RuleActions {
  move: (rule: RoutingRule, by: -1 | 1) => void;
  toggle: (rule: RoutingRule) => void;
  edit: (rule: RoutingRule) => void;
}

/** The rules in the order they are tried; with `actions` (coordinator) the buttons to change them. */
export function RuleList({
  rules,
  areaName,
  teamName,
  actions,
  busy,
}: {
  rules: RoutingRule[];
  areaName: (code: string) => string;
  teamName: (id: string) => string;
  actions: RuleActions | null;
  busy: boolean;
}) {
  if (rules.length === 0) return <p className="utrecht-paragraph">{t.none}</p>;
  return (
    <ol className="bs-staff-texts bs-routing-rules">
      {rules.map((rule, i) => (
        <li
          key={rule.id}
          id={`rule-${rule.id}`}
          className={`bs-staff-text bs-routing-rule${rule.active ? '' : ' bs-routing-rule--off'}${rule.invalid ? ' bs-routing-rule--invalid' : ''}`}
        >
          <h3 className="utrecht-heading-3">
            <span className="bs-routing-rules__rank">{t.position(rule.rank)}</span> {rule.name}
          </h3>
          <p className="bs-staff-detail-badges">
            <span className="bs-staff-status">{rule.active ? t.active : t.inactive}</span>
            {rule.invalid && (
              <span className="bs-staff-badge bs-staff-badge--spoed">
                <span aria-hidden="true">⚠ </span>
                {t.invalid}
              </span>
            )}
            <span className="bs-muted">{t.version(rule.version)}</span>
          </p>
          {rule.invalid && (
            <Alert type="error">
              <p className="utrecht-paragraph">
                {t.invalidIntro}
                {rule.invalidSince ? ` ${t.invalidSince(formatDateTime(rule.invalidSince))}` : ''}
              </p>
              <ul className="utrecht-unordered-list">
                {rule.problems.map((p) => (
                  <li key={`${p.field}-${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          <p className="utrecht-paragraph">{conditionsText(rule, areaName, teamName)}</p>
          <p className="utrecht-paragraph">
            <strong>{t.outcome(rule.team.name, priorityLabel(rule.outcome.priority))}</strong>
          </p>
          {rule.outcome.note && <p className="utrecht-paragraph bs-muted">{rule.outcome.note}</p>}
          <p className="bs-muted">{t.routed(rule.routedLast30Days)}</p>
          {actions && (
            <div className="utrecht-button-group">
              <Button
                type="button"
                id={`rule-up-${rule.id}`}
                appearance="subtle-button"
                disabled={i === 0}
                onClick={() => actions.move(rule, -1)}
              >
                {t.moveUp}
                <span className="bs-visually-hidden">: {rule.name}</span>
              </Button>
              <Button
                type="button"
                id={`rule-down-${rule.id}`}
                appearance="subtle-button"
                disabled={i === rules.length - 1}
                onClick={() => actions.move(rule, 1)}
              >
                {t.moveDown}
                <span className="bs-visually-hidden">: {rule.name}</span>
              </Button>
              <Button type="button" appearance="secondary-action-button" onClick={() => actions.edit(rule)}>
                {t.edit}
                <span className="bs-visually-hidden">: {rule.name}</span>
              </Button>
              <Button
                type="button"
                appearance="subtle-button"
                aria-disabled={busy || undefined}
                onClick={() => actions.toggle(rule)}
              >
                {rule.active ? t.deactivate : t.activate}
                <span className="bs-visually-hidden">: {rule.name}</span>
              </Button>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
