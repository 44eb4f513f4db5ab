import { defaultTeams } from '@buurtsignaal/core';
import { staffTexts, staffUsersTexts } from '../../texts/index.ts';
import { staffApi } from '../api.ts';
import { keys } from '../query/query-client.tsx';
import { ListMessages, useManagedList } from '../shared/managed-list.tsx';
import { NewUserForm } from './new-user-form.tsx';

const teamName = (id: string) => defaultTeams.find((t) => t.id === id)?.name ?? id;

export default function UsersPage() {
  const {
    items: users,
    loadError,
    announcement,
    done,
  } = useManagedList(keys.users, async () => (await staffApi.users()).users, staffUsersTexts.heading);

  return (
    <>
      <h1 className="utrecht-heading-1">{staffUsersTexts.heading}</h1>
      <ListMessages announcement={announcement} loadError={loadError} />
      <section className="bs-section" aria-labelledby="users-list-heading">
        <h2 id="users-list-heading" className="utrecht-heading-2">
          {staffUsersTexts.listHeading}
        </h2>
        {users && (
          <ul className="bs-staff-users">
            {users.map((u) => (
              <li key={u.id} className="bs-staff-user">
                <p className="bs-staff-user__name">
                  <strong>{u.name}</strong>{' '}
                  <span className="bs-staff-role">{staffTexts.roles[u.role] ?? u.role}</span>
                </p>
                <dl className="bs-staff-user__facts">
                  <div>
                    <dt>{staffUsersTexts.email}</dt>
                    <dd>{u.email}</dd>
                  </div>
                  <div>
                    <dt>{staffUsersTexts.teams}</dt>
                    <dd>
                      {u.teamIds.length > 0 ? u.teamIds.map(teamName).join(', ') : staffUsersTexts.noTeams}
                    </dd>
                  </div>
                  <div>
                    <dt>{staffUsersTexts.totp}</dt>
                    <dd>{u.totpEnrolled ? staffUsersTexts.totpOn : staffUsersTexts.totpOff}</dd>
                  </div>
                  <div>
                    <dt>{staffUsersTexts.state}</dt>
                    <dd>{u.disabled ? staffUsersTexts.disabled : staffUsersTexts.active}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="bs-section" aria-labelledby="users-new-heading">
        <h2 id="users-new-heading" className="utrecht-heading-2">
          {staffUsersTexts.newHeading}
        </h2>
        <NewUserForm onDone={(email) => done(staffUsersTexts.created(email))} />
      </section>
    </>
  );
}
