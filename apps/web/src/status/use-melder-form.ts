import { useEffect, useRef, useState } from 'react';

/**
 * What the melder's two forms (answer, "is it solved?") share: the problems shown in the error summary,
 * which takes focus again on every refused submit (even with the same text), and the sending state.
 */
export function useMelderForm<P>() {
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<P | undefined>();
  const [refusals, setRefusals] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);

  const refuse = (next: P) => {
    setProblems(next);
    setRefusals((n) => n + 1);
  };

  /** Sends once at a time; `result` is the sender's answer, or undefined while one is under way. */
  const send = async <R>(post: () => Promise<R>): Promise<R | undefined> => {
    if (sending) return undefined;
    setSending(true);
    try {
      return await post();
    } finally {
      setSending(false);
    }
  };

  return { sending, problems, setProblems, refuse, summaryRef, send };
}
