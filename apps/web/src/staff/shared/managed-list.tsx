import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { type ReactNode, useState } from 'react';
import { Alert } from '../../ui/alert.tsx';
import { asApiError } from '../api.ts';
import { useTitle } from '../use-title.ts';

/**
 * A list the coordinator manages (hotspot rules, standard texts, users): read as a query; after a
 * change `done` reads it again and says what happened in the live region.
 */
export function useManagedList<T>(queryKey: QueryKey, load: () => Promise<T[]>, heading: string) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey, queryFn: load });
  const [announcement, setAnnouncement] = useState('');
  const loadError = query.error ? asApiError(query.error).message : null;
  useTitle(heading, Boolean(loadError));
  const done = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey });
    setAnnouncement(text);
  };
  return { items: query.data ?? null, loadError, announcement, setAnnouncement, done };
}

/** The item being edited in the form below (or none: a new one), with the way there. */
export function useEditing<T>(headingId: string, firstFieldId: string) {
  const [editing, setEditing] = useState<T | null>(null);
  const edit = (item: T) => {
    setEditing(item);
    document.getElementById(headingId)?.scrollIntoView();
    setTimeout(() => document.getElementById(firstFieldId)?.focus(), 0);
  };
  return { editing, edit, stopEditing: () => setEditing(null) };
}

/**
 * A managed list with an edit form below it (hotspot rules, standard texts): after a save or a switch
 * on/off the form is emptied, the list read again and the change announced. `change` sends one switch.
 */
export function useEditableList<T>(
  queryKey: QueryKey,
  load: () => Promise<T[]>,
  heading: string,
  form: { headingId: string; firstFieldId: string },
) {
  const list = useManagedList(queryKey, load, heading);
  const editing = useEditing<T>(form.headingId, form.firstFieldId);
  const done = async (text: string) => {
    editing.stopEditing();
    await list.done(text);
  };
  const change = useMutation({
    mutationFn: async ({ send, text }: { send: () => Promise<unknown>; text: string }) => {
      await send();
      return text;
    },
    onSuccess: done,
    onError: (err) => list.setAnnouncement(asApiError(err).message),
  });
  return { ...list, ...editing, done, change: change.mutate };
}

/** The live region (there before anything is announced in it) and a failed load or change. */
export function ListMessages({
  announcement,
  loadError,
}: {
  announcement: string;
  loadError: string | null;
}) {
  return (
    <>
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
    </>
  );
}

/** One entry of a managed list: its heading, what it says, and edit / switch on-off buttons. */
export function ManagedItem({
  name,
  level,
  active,
  children,
  editLabel,
  onEdit,
  toggleLabel,
  onToggle,
}: {
  name: string;
  level: 2 | 3;
  active: boolean;
  children: ReactNode;
  editLabel: string;
  onEdit: () => void;
  toggleLabel: string;
  onToggle: () => void;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li className={`bs-staff-text${active ? '' : ' bs-staff-text--inactive'}`}>
      <Heading className="utrecht-heading-3">{name}</Heading>
      {children}
      <div className="utrecht-button-group">
        <Button type="button" appearance="secondary-action-button" onClick={onEdit}>
          {editLabel}
          <span className="bs-visually-hidden">: {name}</span>
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onToggle}>
          {toggleLabel}
          <span className="bs-visually-hidden">: {name}</span>
        </Button>
      </div>
    </li>
  );
}
