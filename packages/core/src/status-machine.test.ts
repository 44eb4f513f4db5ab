import { describe, expect, it } from 'vitest';
import type { MeldingStatus } from './status-machine.ts';
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  isOpen,
  meldingStatuses,
  notifiesMelder,
  publicStatusLabel,
  requiresPublicMessage,
  requiresReason,
} from './status-machine.ts';

// The expected table, written out independently of the implementation.
const expected: Record<MeldingStatus, MeldingStatus[]> = {
  gemeld: ['ingedeeld', 'in_behandeling', 'geannuleerd'],
  ingedeeld: ['ingedeeld', 'in_behandeling', 'doorgestuurd', 'geannuleerd'],
  in_behandeling: ['reactie_gevraagd', 'doorgestuurd', 'afgehandeld', 'geannuleerd'],
  reactie_gevraagd: ['in_behandeling', 'afgehandeld', 'geannuleerd'],
  doorgestuurd: ['in_behandeling', 'afgehandeld', 'heropend'],
  afgehandeld: ['heropend'],
  geannuleerd: ['heropend'],
  heropend: ['ingedeeld', 'in_behandeling', 'geannuleerd'],
};

const complete = { publicMessage: 'Wij hebben een boa langs gestuurd.', reason: 'Dubbele melding' };

const pairs = meldingStatuses.flatMap((from) => meldingStatuses.map((to) => [from, to] as const));

describe('status machine transition table', () => {
  it('covers all 8 × 8 pairs', () => {
    expect(pairs).toHaveLength(64);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = expected[from].includes(to);
    expect(canTransition(from, to)).toBe(allowed);
    const result = checkTransition(from, to, complete);
    if (allowed) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
      if (!result.ok) {
        expect(result.allowed).toEqual(expected[from]);
        expect(result.message).toMatch(/kan niet naar/);
      }
    }
  });

  it('lists the allowed targets per status', () => {
    for (const from of meldingStatuses) {
      expect(allowedTransitions(from)).toEqual(expected[from]);
    }
  });

  it('does not let callers change the table through the returned list', () => {
    allowedTransitions('afgehandeld').push('gemeld');
    expect(canTransition('afgehandeld', 'gemeld')).toBe(false);
  });
});

describe('required texts', () => {
  it.each(['afgehandeld', 'reactie_gevraagd', 'doorgestuurd'] as const)(
    '%s requires a public message',
    (to) => {
      const from = meldingStatuses.find((s) => canTransition(s, to));
      if (from === undefined) throw new Error(`no way into ${to}`);
      expect(requiresPublicMessage(to)).toBe(true);
      const missing = checkTransition(from, to, { publicMessage: '   ' });
      expect(missing).toMatchObject({ ok: false, code: 'PUBLIC_MESSAGE_REQUIRED' });
      if (!missing.ok) expect(missing.message).toContain('bericht voor de melder');
      expect(checkTransition(from, to, { publicMessage: 'Opgelost.' })).toEqual({ ok: true });
    },
  );

  it('geannuleerd requires a reason, not a public message', () => {
    expect(requiresReason('geannuleerd')).toBe(true);
    expect(requiresPublicMessage('geannuleerd')).toBe(false);
    const missing = checkTransition('gemeld', 'geannuleerd', {});
    expect(missing).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    if (!missing.ok) expect(missing.message).toContain('Geef een reden op');
    expect(checkTransition('gemeld', 'geannuleerd', { reason: 'Spam' })).toEqual({ ok: true });
  });

  it('needs no text for the other statuses', () => {
    for (const to of ['ingedeeld', 'in_behandeling', 'heropend', 'gemeld'] as const) {
      expect(requiresPublicMessage(to)).toBe(false);
      expect(requiresReason(to)).toBe(false);
    }
    expect(checkTransition('gemeld', 'ingedeeld')).toEqual({ ok: true });
    expect(checkTransition('afgehandeld', 'heropend')).toEqual({ ok: true });
  });

  it('reports an invalid transition before a missing text', () => {
    expect(checkTransition('afgehandeld', 'afgehandeld')).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('terugkoppeling, labels and open statuses', () => {
  it('notifies the melder on public changes only', () => {
    const notifying = meldingStatuses.filter(notifiesMelder);
    expect(notifying).toEqual([
      'in_behandeling',
      'reactie_gevraagd',
      'doorgestuurd',
      'afgehandeld',
      'geannuleerd',
      'heropend',
    ]);
  });

  it('shows the labels from the glossary', () => {
    expect(meldingStatuses.map(publicStatusLabel)).toEqual([
      'Ontvangen',
      'Ontvangen',
      'In behandeling',
      'Vraag aan u',
      'Doorgestuurd',
      'Afgehandeld',
      'Afgehandeld',
      'Heropend',
    ]);
  });

  it('treats only afgehandeld and geannuleerd as closed', () => {
    expect(meldingStatuses.filter((s) => !isOpen(s))).toEqual(['afgehandeld', 'geannuleerd']);
  });
});
