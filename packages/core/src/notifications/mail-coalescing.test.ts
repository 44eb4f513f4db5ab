import { describe, expect, it } from 'vitest';
import { type CoalescedStatusChange, planStatusMail } from './mail-coalescing.ts';

const t0 = new Date('2026-12-03T10:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1_000);
const change = (
  id: number,
  status: CoalescedStatusChange['status'],
  s: number,
  extra: Partial<CoalescedStatusChange> = {},
) => ({
  id,
  status,
  actor: 'staff:x',
  at: at(s),
  publicMessage: null,
  mailed: false,
  ...extra,
});
const W = 120_000;

describe('planStatusMail', () => {
  const claim = change(1, 'in_behandeling', 0);
  const question = change(2, 'reactie_gevraagd', 30, { publicMessage: 'Hoe laat?' });

  it('waits out the window after a change, then sends it alone', () => {
    expect(planStatusMail({ change: claim, all: [claim], windowMs: W, now: at(10) })).toEqual({
      kind: 'wait',
      until: at(120),
    });
    expect(planStatusMail({ change: claim, all: [claim], windowMs: W, now: at(121) })).toEqual({
      kind: 'send',
      earlier: [],
    });
  });

  it('leaves a change followed within the window to the later mail, which says both', () => {
    const all = [claim, question];
    expect(planStatusMail({ change: claim, all, windowMs: W, now: at(121) })).toEqual({
      kind: 'absorbed',
      by: 2,
    });
    expect(planStatusMail({ change: question, all, windowMs: W, now: at(100) })).toMatchObject({
      kind: 'wait',
    });
    expect(planStatusMail({ change: question, all, windowMs: W, now: at(151) })).toEqual({
      kind: 'send',
      earlier: [claim],
    });
  });

  it('sends a closing message at once, saying what was still waiting; never what already had a mail', () => {
    const close = change(3, 'afgehandeld', 40, { publicMessage: 'Opgelost.' });
    expect(planStatusMail({ change: close, all: [claim, close], windowMs: W, now: at(40) })).toEqual({
      kind: 'send',
      earlier: [claim],
    });
    const mailedClaim = { ...claim, mailed: true };
    expect(planStatusMail({ change: close, all: [mailedClaim, close], windowMs: W, now: at(40) })).toEqual({
      kind: 'send',
      earlier: [],
    });
  });

  it('ignores changes the melder does not hear of, and changes further apart than the window', () => {
    const routed = change(4, 'ingedeeld', 20);
    const answer = change(5, 'in_behandeling', 25, { actor: 'melder' });
    expect(
      planStatusMail({ change: claim, all: [claim, routed, answer], windowMs: W, now: at(121) }),
    ).toEqual({
      kind: 'send',
      earlier: [],
    });
    const late = change(6, 'reactie_gevraagd', 200);
    expect(planStatusMail({ change: late, all: [claim, late], windowMs: W, now: at(321) })).toEqual({
      kind: 'send',
      earlier: [],
    });
  });

  it('with a window of 0, every change is its own mail at once', () => {
    expect(planStatusMail({ change: claim, all: [claim, question], windowMs: 0, now: at(0) })).toEqual({
      kind: 'send',
      earlier: [],
    });
  });
});
