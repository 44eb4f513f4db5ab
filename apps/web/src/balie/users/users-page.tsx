import { defaultTeams } from '@buurtsignaal/core';
import { consoleTexts, consoleUsersTexts } from '../../texts/index.ts';
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
  } = useManagedList(keys.users, async () => (await staffApi.users()).users, consoleUsersTexts.heading);

  return (
    <>
      <h1 className="utrecht-heading-1">{consoleUsersTexts.heading}</h1>
      <ListMessages announcement={announcement} loadError={loadError} />
      <section className="bs-section" aria-labelledby="users-list-heading">
        <h2 id="users-list-heading" className="utrecht-heading-2">
          {consoleUsersTexts.listHeading}
        </h2>
        {users && (
          <ul className="bs-balie-users">
            {users.map((u) => (
              <li key={u.id} className="bs-balie-user">
                <p className="bs-balie-user__name">
                  <strong>{u.name}</strong>{' '}
                  <span className="bs-balie-role">{consoleTexts.roles[u.role] ?? u.role}</span>
                </p>
                <dl className="bs-balie-user__facts">
                  <div>
                    <dt>{consoleUsersTexts.email}</dt>
                    <dd>{u.email}</dd>
                  </div>
                  <div>
                    <dt>{consoleUsersTexts.teams}</dt>
                    <dd>
                      {u.teamIds.length > 0 ? u.teamIds.map(teamName).join(', ') : consoleUsersTexts.noTeams}
                    </dd>
                  </div>
                  <div>
                    <dt>{consoleUsersTexts.totp}</dt>
                    <dd>{u.totpEnrolled ? consoleUsersTexts.totpOn : consoleUsersTexts.totpOff}</dd>
                  </div>
                  <div>
                    <dt>{consoleUsersTexts.state}</dt>
                    <dd>{u.disabled ? consoleUsersTexts.disabled : consoleUsersTexts.active}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="bs-section" aria-labelledby="users-new-heading">
        <h2 id="users-new-heading" className="utrecht-heading-2">
          {consoleUsersTexts.newHeading}
        </h2>
        <NewUserForm onDone={(email) => done(consoleUsersTexts.created(email))} />
      </section>
    </>
  );
}
