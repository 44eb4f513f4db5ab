import { defaultTeams } from '@buurtsignaal/core';
import { type FormEvent, useState } from 'react';
import { staffTexts, staffUsersTexts } from '../../texts/index.ts';
import { CheckboxGroup, RadioGroup, TextField } from '../../ui/fields.tsx';
import { type StaffRole, staffApi } from '../api.ts';
import { useSession } from '../session.tsx';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';

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
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'user-errors',
    staffApi.createUser,
    async (_created, input) => {
      setEmail('');
      setName('');
      setRole(undefined);
      setTeamIds([]);
      setPassword('');
      await onDone(input.email);
    },
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!email.trim()) found.email = staffUsersTexts.emailRequired;
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = staffUsersTexts.emailInvalid;
    if (!name.trim()) found.name = staffUsersTexts.nameRequired;
    if (!role) found.role = staffUsersTexts.roleRequired;
    if (password.length < 12) found.password = staffUsersTexts.passwordTooShort;
    submit(found, role ? { email: email.trim(), name: name.trim(), role, teamIds, password } : null);
  };

  return (
    <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
      {summary}
      <TextField
        id={ids.email}
        label={staffUsersTexts.email}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        error={errors.email}
        onValueChange={setEmail}
      />
      <TextField
        id={ids.name}
        label={staffUsersTexts.name}
        autoComplete="off"
        value={name}
        error={errors.name}
        onValueChange={setName}
      />
      <RadioGroup
        id={ids.role}
        name="user-role"
        legend={staffUsersTexts.role}
        description={staffUsersTexts.totpNote}
        error={errors.role}
        value={role}
        options={roles.map((r) => ({ value: r, label: staffTexts.roles[r] ?? r }))}
        onValueChange={setRole}
      />
      <CheckboxGroup
        id={ids.teamIds}
        legend={staffUsersTexts.teams}
        error={errors.teamIds}
        value={teamIds}
        options={defaultTeams.map((t) => ({ value: t.id, label: t.name }))}
        onValueChange={setTeamIds}
      />
      <TextField
        id={ids.password}
        label={staffUsersTexts.password}
        description={staffUsersTexts.passwordHint}
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        onValueChange={setPassword}
      />
      <SaveButtons pending={pending} label={staffUsersTexts.create} />
    </form>
  );
}
