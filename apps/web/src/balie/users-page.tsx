import { defaultTeams } from '@buurtsignaal/core';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Alert } from '../ui/alert.tsx';
import { CheckboxGroup, RadioGroup, TextField } from '../ui/fields.tsx';
import { asApiError, type StaffRole, type StaffUserListItem, staffApi } from './api.ts';
import { useSession } from './session.tsx';
import { bt } from './texts-nl.ts';
import { useFormErrors } from './use-form-errors.tsx';
import { useTitle } from './use-title.ts';

const teamName = (id: string) => defaultTeams.find((t) => t.id === id)?.name ?? id;

export default function UsersPage() {
  const [users, setUsers] = useState<StaffUserListItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useTitle(bt.users.heading, Boolean(loadError));

  const load = useCallback(async () => {
    try {
      setUsers((await staffApi.users()).users);
      setLoadError(null);
    } catch (err) {
      setLoadError(asApiError(err).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1 className="utrecht-heading-1">{bt.users.heading}</h1>
      <div role="status" aria-live="polite">
        {announcement && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{announcement}</p>
          </Alert>
        )}
      </div>
      {loadError && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{loadError}</p>
        </Alert>
      )}
      <section className="bs-section" aria-labelledby="users-list-heading">
        <h2 id="users-list-heading" className="utrecht-heading-2">
          {bt.users.listHeading}
        </h2>
        {users && (
          <ul className="bs-balie-users">
            {users.map((u) => (
              <li key={u.id} className="bs-balie-user">
                <p className="bs-balie-user__name">
                  <strong>{u.name}</strong>{' '}
                  <span className="bs-balie-role">{bt.roles[u.role] ?? u.role}</span>
                </p>
                <dl className="bs-balie-user__facts">
                  <div>
                    <dt>{bt.users.email}</dt>
                    <dd>{u.email}</dd>
                  </div>
                  <div>
                    <dt>{bt.users.teams}</dt>
                    <dd>{u.teamIds.length > 0 ? u.teamIds.map(teamName).join(', ') : bt.users.noTeams}</dd>
                  </div>
                  <div>
                    <dt>{bt.users.totp}</dt>
                    <dd>{u.totpEnrolled ? bt.users.totpOn : bt.users.totpOff}</dd>
                  </div>
                  <div>
                    <dt>{bt.users.state}</dt>
                    <dd>{u.disabled ? bt.users.disabled : bt.users.active}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="bs-section" aria-labelledby="users-new-heading">
        <h2 id="users-new-heading" className="utrecht-heading-2">
          {bt.users.newHeading}
        </h2>
        <NewUserForm
          onDone={async (email) => {
            await load();
            setAnnouncement(bt.users.created(email));
          }}
        />
      </section>
    </>
  );
}

type Field = 'email' | 'name' | 'role' | 'teamIds' | 'password';
const ids: Record<Field, string> = {
  email: 'user-email',
  name: 'user-name',
  role: 'user-role',
  teamIds: 'user-teams',
  password: 'user-password',
};

function NewUserForm({ onDone }: { onDone: (email: string) => Promise<void> }) {
  const { session } = useSession();
  const roles: StaffRole[] =
    session?.user.role === 'admin' ? ['boa', 'politie', 'coordinator', 'admin'] : ['boa', 'politie'];
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole | undefined>();
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const { errors, check, showApiError, summary } = useFormErrors(ids, 'user-errors');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!email.trim()) found.email = bt.users.emailRequired;
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = bt.users.emailInvalid;
    if (!name.trim()) found.name = bt.users.nameRequired;
    if (!role) found.role = bt.users.roleRequired;
    if (password.length < 12) found.password = bt.users.passwordTooShort;
    if (!check(found) || !role) return;
    setPending(true);
    try {
      await staffApi.createUser({ email: email.trim(), name: name.trim(), role, teamIds, password });
      const created = email.trim();
      setEmail('');
      setName('');
      setRole(undefined);
      setTeamIds([]);
      setPassword('');
      await onDone(created);
    } catch (err) {
      showApiError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="bs-form bs-balie-narrow" noValidate onSubmit={submit}>
      {summary}
      <TextField
        id={ids.email}
        label={bt.users.email}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        error={errors.email}
        onValueChange={setEmail}
      />
      <TextField
        id={ids.name}
        label={bt.users.name}
        autoComplete="off"
        value={name}
        error={errors.name}
        onValueChange={setName}
      />
      <RadioGroup
        id={ids.role}
        name="user-role"
        legend={bt.users.role}
        description={bt.users.totpNote}
        error={errors.role}
        value={role}
        options={roles.map((r) => ({ value: r, label: bt.roles[r] ?? r }))}
        onValueChange={setRole}
      />
      <CheckboxGroup
        id={ids.teamIds}
        legend={bt.users.teams}
        error={errors.teamIds}
        value={teamIds}
        options={defaultTeams.map((t) => ({ value: t.id, label: t.name }))}
        onValueChange={setTeamIds}
      />
      <TextField
        id={ids.password}
        label={bt.users.password}
        description={bt.users.passwordHint}
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        onValueChange={setPassword}
      />
      <div className="utrecht-button-group">
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {bt.users.create}
        </Button>
      </div>
    </form>
  );
}
