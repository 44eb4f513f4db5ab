// The patrol tasks an officer sees on the phone: the visits of accepted patrol windows for the teams
// they belong to, today (Amsterdam) — and "bezocht", a timestamp and who tapped it, nothing more.
import type { PatrolTaskView } from '@buurtsignaal/core/contract';
import { addDaysTo, localDateOf, wallClockInstant } from '@buurtsignaal/core/time';
import type { Db } from '@buurtsignaal/db';
import {
  findPatrolTask,
  listPatrolTasks,
  markVisited,
  type PatrolTaskRow,
} from '@buurtsignaal/db/tables/patrol-tasks-repository';
import { listTeams } from '@buurtsignaal/db/tables/teams-repository';
import { ApiError } from '../errors.ts';
import type { StaffContext } from '../staff/access-policy.ts';
import { rosterAdviceApiTexts as t } from '../texts/index.ts';
import { localTime } from './advice-views.ts';

export function createPatrolTaskService({ db, now }: { db: Db; now: () => Date }) {
  async function views(rows: readonly PatrolTaskRow[]): Promise<PatrolTaskView[]> {
    const names = new Map((await listTeams(db)).map((tm) => [tm.id, tm.name]));
    return rows.map((r) => ({
      id: r.id,
      team: { id: r.teamId, name: names.get(r.teamId) ?? r.teamId },
      place: r.placeLabel,
      cell: r.cell,
      lat: r.lat,
      lng: r.lng,
      plannedAt: r.plannedAt,
      localTime: localTime(r.plannedAt),
      minutes: r.minutes,
      visitedAt: r.visitedAt,
    }));
  }

  return {
    /** Today's tasks (Amsterdam day) of the officer's teams. */
    async today(staff: StaffContext): Promise<PatrolTaskView[]> {
      const today = localDateOf(now());
      const rows = await listPatrolTasks(db, {
        teamIds: staff.teamIds,
        from: wallClockInstant(today, '00:00'),
        until: wallClockInstant(addDaysTo(today, 1), '00:00'),
      });
      return views(rows);
    },

    async visited(staff: StaffContext, id: string): Promise<PatrolTaskView> {
      const task = await findPatrolTask(db, id);
      if (!task) throw new ApiError(404, 'PATROL_TASK_NOT_FOUND', t.taskNotFound);
      if (!staff.teamIds.includes(task.teamId)) throw new ApiError(403, 'FORBIDDEN', t.notYourTeam);
      const marked = (await markVisited(db, id, staff.id, now())) ?? task;
      const [view] = await views([marked]);
      if (!view) throw new ApiError(404, 'PATROL_TASK_NOT_FOUND', t.taskNotFound);
      return view;
    },
  };
}

export type PatrolTaskService = ReturnType<typeof createPatrolTaskService>;
