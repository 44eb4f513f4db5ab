import { defaultTeams } from '@buurtsignaal/core';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useState } from 'react';
import { consoleTexts, consoleUsersTexts } from '../../texts/index.ts';
import { CheckboxGroup, RadioGroup, TextField } from '../../ui/fields.tsx';
import { type StaffRole, staffApi } from '../api.ts';
import { useSession } from '../session.tsx';
import { useFormErrors } from '../use-form-errors.tsx';

type Field = 'email' | 'name' | 'role' | 'teamIds' | 'password';
const ids: Record<Field, string> = {
  email: 'user-email',
  name: 'user-name',
  role: 'user-role',
  teamIds: 'user-teams',
  password: 'user-password',
};

export function NewUserForm({ onDone }: { onDone: (email: string) => Promise<void> }) {
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
    if (!email.trim()) found.email = consoleUsersTexts.emailRequired;
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = consoleUsersTexts.emailInvalid;
    if (!name.trim()) found.name = consoleUsersTexts.nameRequired;
    if (!role) found.role = consoleUsersTexts.roleRequired;
    if (password.length < 12) found.password = consoleUsersTexts.passwordTooShort;
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
        label={consoleUsersTexts.email}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        error={errors.email}
        onValueChange={setEmail}
      />
      <TextField
        id={ids.name}
        label={consoleUsersTexts.name}
        autoComplete="off"
        value={name}
        error={errors.name}
        onValueChange={setName}
      />
      <RadioGroup
        id={ids.role}
        name="user-role"
        legend={consoleUsersTexts.role}
        description={consoleUsersTexts.totpNote}
        error={errors.role}
        value={role}
        options={roles.map((r) => ({ value: r, label: consoleTexts.roles[r] ?? r }))}
        onValueChange={setRole}
      />
      <CheckboxGroup
        id={ids.teamIds}
        legend={consoleUsersTexts.teams}
        error={errors.teamIds}
        value={teamIds}
        options={defaultTeams.map((t) => ({ value: t.id, label: t.name }))}
        onValueChange={setTeamIds}
      />
      <TextField
        id={ids.password}
        label={consoleUsersTexts.password}
        description={consoleUsersTexts.passwordHint}
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        onValueChange={setPassword}
      />
      <div className="utrecht-button-group">
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {consoleUsersTexts.create}
        </Button>
      </div>
    </form>
  );
}
