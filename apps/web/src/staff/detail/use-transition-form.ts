import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { staffActionTexts } from '../../texts/index.ts';
import { asApiError, type EmailPreview, type MeldingDetail, staffApi, type TransitionInput } from '../api.ts';
import { keys } from '../query/query-client.tsx';

export type TField = 'to' | 'publicMessage' | 'forwardedTo' | 'reason' | 'duplicateOf' | 'internalNote';
export const tIds: Record<TField, string> = {
  to: 'transition-to',
  publicMessage: 'transition-public',
  forwardedTo: 'transition-forwarded',
  reason: 'transition-reason',
  duplicateOf: 'transition-duplicate',
  internalNote: 'transition-note',
};
type Errors = Partial<Record<TField, string>>;

/** The standard texts for a target status and the melding's category (none while no target). */
function useStandardTexts(to: string | undefined, category: string) {
  const query = useQuery({
    queryKey: keys.standardTexts({ status: to, category }),
    enabled: Boolean(to),
    queryFn: () => staffApi.standardTexts({ status: to ?? '', category }),
    select: (r) => r.items.filter((x) => x.active !== false),
  });
  if (!to) return null;
  // Without the texts the officer still types the message.
  if (query.isError) return [];
  return query.data ?? null;
}

/** The state of the status-change form: its fields, validation, the e-mail preview and the submit. */
export function useTransitionForm(melding: MeldingDetail, onDone: (message: string) => void) {
  const [to, setToState] = useState<string | undefined>();
  const [publicMessage, setPublicMessage] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [preview, setPreview] = useState<EmailPreview | null>(null);
  const [previewStale, setPreviewStale] = useState(false);
  const [chosenText, setChosenText] = useState('');
  const [filled, setFilled] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  const target = melding.allowedTransitions.find((t) => t.to === to);
  const texts = useStandardTexts(to, melding.category.id);

  const setTo = (v: string | undefined) => {
    setToState(v);
    setChosenText('');
    setPreview(null);
    setFilled('');
  };

  const changed =
    <T>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      if (preview) setPreviewStale(true);
      setFilled('');
    };

  const validate = (forPreview: boolean): Errors => {
    const found: Errors = {};
    if (!target) {
      found.to = staffActionTexts.targetRequired;
      return found;
    }
    if (target.requiresPublicMessage && !publicMessage.trim())
      found.publicMessage = staffActionTexts.publicMessageRequired;
    if (target.to === 'doorgestuurd' && !forwardedTo.trim())
      found.forwardedTo = staffActionTexts.forwardedToRequired;
    if (!forPreview && target.requiresReason && !reason.trim())
      found.reason = staffActionTexts.reasonRequired;
    return found;
  };

  const fail = (found: Errors, msg?: string) => {
    setErrors(found);
    setMessage(msg);
    // After React rendered the summary.
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const fromApi = (err: unknown) => {
    const apiErr = asApiError(err);
    const fields: Errors = {};
    for (const d of apiErr.details) if (d.field in tIds) fields[d.field as TField] = d.message;
    if (apiErr.code === 'PUBLIC_MESSAGE_REQUIRED') fields.publicMessage ??= apiErr.message;
    if (apiErr.code === 'REASON_REQUIRED') fields.reason ??= apiErr.message;
    if (apiErr.code === 'FORWARDED_TO_REQUIRED') fields.forwardedTo ??= apiErr.message;
    if (apiErr.code === 'DUPLICATE_NOT_FOUND') fields.duplicateOf ??= apiErr.message;
    fail(fields, Object.keys(fields).length > 0 ? undefined : apiErr.message);
  };

  const previewMutation = useMutation({
    mutationFn: (input: Parameters<typeof staffApi.preview>[1]) => staffApi.preview(melding.id, input),
    onSuccess: (result) => {
      setPreview(result);
      setPreviewStale(false);
      setTimeout(() => previewRef.current?.focus(), 0);
    },
    onError: fromApi,
  });
  const transition = useMutation({
    mutationFn: (input: TransitionInput) => staffApi.transition(melding.id, input),
    onSuccess: (_r, input) => {
      const label = melding.allowedTransitions.find((t) => t.to === input.to)?.label ?? input.to;
      setTo(undefined);
      setPublicMessage('');
      setForwardedTo('');
      setReason('');
      setDuplicateOf('');
      setInternalNote('');
      setPreview(null);
      onDone(staffActionTexts.saved(label));
    },
    onError: fromApi,
  });
  const pending = previewMutation.isPending || transition.isPending;

  const showPreview = () => {
    const found = validate(true);
    if (Object.keys(found).length > 0 || !target) return fail(found);
    setErrors({});
    setMessage(undefined);
    previewMutation.mutate({
      to: target.to,
      ...(publicMessage.trim() ? { publicMessage } : {}),
      ...(forwardedTo.trim() ? { forwardedTo: forwardedTo.trim() } : {}),
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(false);
    if (Object.keys(found).length > 0 || !target) return fail(found);
    setErrors({});
    setMessage(undefined);
    transition.mutate({
      to: target.to,
      ...(publicMessage.trim() ? { publicMessage } : {}),
      ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
      ...(target.to === 'doorgestuurd' && forwardedTo.trim() ? { forwardedTo: forwardedTo.trim() } : {}),
      ...(target.requiresReason || target.to === 'geannuleerd'
        ? reason.trim()
          ? { reason: reason.trim() }
          : {}
        : {}),
      ...(target.to === 'geannuleerd' && duplicateOf.trim()
        ? { duplicateOf: duplicateOf.trim().toUpperCase() }
        : {}),
    });
  };

  const fillText = () => {
    const text = texts?.find((x) => x.id === chosenText);
    if (!text) return;
    setPublicMessage(text.body);
    if (preview) setPreviewStale(true);
    setFilled(staffActionTexts.standardTextFilled);
    document.getElementById(tIds.publicMessage)?.focus();
  };

  return {
    fields: { to, publicMessage, forwardedTo, reason, duplicateOf, internalNote },
    set: {
      to: setTo,
      publicMessage: changed(setPublicMessage),
      forwardedTo: changed(setForwardedTo),
      reason: setReason,
      duplicateOf: setDuplicateOf,
      internalNote: setInternalNote,
    },
    target,
    texts,
    chosenText,
    setChosenText,
    fillText,
    filled,
    errors,
    message,
    hasErrors: Object.keys(errors).length > 0 || Boolean(message),
    preview,
    previewStale,
    pending,
    showPreview,
    submit,
    summaryRef,
    previewRef,
  };
}
