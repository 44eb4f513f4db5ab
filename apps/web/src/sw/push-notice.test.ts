import { describe, expect, it } from 'vitest';
import { clickTarget, noticeUrl, notificationFor } from './push-notice.ts';

const origin = 'https://balie.soest.test';
const notice = {
  meldingId: '0b9d3f0e-6f1a-4c1e-9d7b-2d6f3c4b5a69',
  reference: 'SOE-2026-000123',
  category: 'Jeugdoverlast',
  priority: 'spoed',
  wijk: 'Soest-Zuid',
};

describe('the console service worker', () => {
  it('opens the melding in the console on a tap', () => {
    expect(noticeUrl(origin, notice.meldingId)).toBe(`${origin}/balie/meldingen/${notice.meldingId}`);
    const { options } = notificationFor(notice, origin);
    expect(clickTarget(options.data, origin)).toBe(`${origin}/balie/meldingen/${notice.meldingId}`);
  });

  it('shows priority, category, reference and wijk, one notification per melding', () => {
    expect(notificationFor(notice, origin)).toMatchObject({
      title: 'Spoed: Jeugdoverlast',
      options: {
        body: 'SOE-2026-000123 in wijk Soest-Zuid',
        tag: `melding-${notice.meldingId}`,
        requireInteraction: true,
      },
    });
    expect(notificationFor({ ...notice, priority: 'normaal', wijk: null }, origin)).toMatchObject({
      title: 'Normaal: Jeugdoverlast',
      options: { body: 'SOE-2026-000123, wijk onbekend', requireInteraction: false },
    });
  });

  it('shows a plain notice to the queue for a payload it does not know, and never leaves the origin', () => {
    const plain = notificationFor({ ...notice, description: 'extra' }, origin);
    expect(plain.title).toBe('Nieuwe melding voor uw team');
    expect(plain.options.data.url).toBe(`${origin}/balie`);
    expect(clickTarget({ url: 'https://elders.example/balie' }, origin)).toBe(`${origin}/balie`);
    expect(clickTarget(null, origin)).toBe(`${origin}/balie`);
  });
});
