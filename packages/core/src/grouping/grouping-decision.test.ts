import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  chooseGroupFor,
  defaultGroupingSettings,
  distanceMeters,
  type GroupingCandidate,
  type GroupingSubject,
  groupingRefusal,
} from './grouping-decision.ts';

// Steenhoffstraat, Soest. A metre north is 1/111 195 degree of latitude (the sphere h3-js measures on).
const origin = { lat: 52.1733, lng: 5.2917 };
const north = (m: number) => ({ lat: origin.lat + m / 111_195, lng: origin.lng });
const t0 = new Date('2026-06-02T18:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

const subject: GroupingSubject = {
  id: 'new',
  category: 'jeugdoverlast',
  teamId: 'boa-team',
  ...origin,
  reportedAt: t0,
};
const candidate = (over: Partial<GroupingCandidate> = {}): GroupingCandidate => ({
  id: 'open',
  category: 'jeugdoverlast',
  teamId: 'boa-team',
  ...origin,
  reportedAt: minutes(-5),
  status: 'ingedeeld',
  ...over,
});
const refusal = (over: Partial<GroupingCandidate>) =>
  groupingRefusal(subject, candidate(over), defaultGroupingSettings);

describe('grouping decision (150 m, 30 minutes by default)', () => {
  it('measures metres on the sphere', () => {
    expect(distanceMeters(origin, north(149))).toBeCloseTo(149, 0);
    expect(distanceMeters(origin, north(151))).toBeCloseTo(151, 0);
  });

  it('groups at 149 m and not at 151 m', () => {
    expect(refusal(north(149))).toBeUndefined();
    expect(refusal(north(151))).toBe('distance');
  });

  it('groups 29 minutes apart and not 31, either way in time', () => {
    expect(refusal({ reportedAt: minutes(-29) })).toBeUndefined();
    expect(refusal({ reportedAt: minutes(-31) })).toBe('time');
    expect(refusal({ reportedAt: minutes(29) })).toBeUndefined();
    expect(refusal({ reportedAt: minutes(31) })).toBe('time');
  });

  it('does not group another category, another team, or itself', () => {
    expect(refusal({ category: 'woonoverlast' })).toBe('category');
    expect(refusal({ teamId: 'politie-basisteam' })).toBe('team');
    expect(refusal({ id: 'new' })).toBe('self');
  });

  it('groups with an open melding only: not afgehandeld, not geannuleerd', () => {
    for (const status of ['gemeld', 'ingedeeld', 'in_behandeling', 'reactie_gevraagd', 'heropend']) {
      expect(refusal({ status }), status).toBeUndefined();
    }
    expect(refusal({ status: 'afgehandeld' })).toBe('closed');
    expect(refusal({ status: 'geannuleerd' })).toBe('closed');
    expect(refusal({ status: 'unknown-status' })).toBe('closed');
  });

  it('chooses the nearest candidate that fits, then the earliest', () => {
    const far = candidate({ id: 'far', ...north(120) });
    const near = candidate({ id: 'near', ...north(40), reportedAt: minutes(-2) });
    const nearEarlier = candidate({ id: 'near-earlier', ...north(40), reportedAt: minutes(-8) });
    const closed = candidate({ id: 'closed', status: 'afgehandeld' });
    expect(chooseGroupFor(subject, [far, near, nearEarlier, closed])?.id).toBe('near-earlier');
    expect(chooseGroupFor(subject, [closed, candidate({ id: 'x', ...north(151) })])).toBeUndefined();
  });

  it('takes settings: a wider radius groups what the default does not', () => {
    const at200 = candidate(north(200));
    expect(chooseGroupFor(subject, [at200])).toBeUndefined();
    expect(chooseGroupFor(subject, [at200], { radiusMeters: 300, windowMinutes: 30 })).toBe(at200);
  });

  it('has a bounding box that holds every point within the radius', () => {
    const box = boundingBox(origin, 150);
    const p = north(150);
    expect(p.lat).toBeLessThanOrEqual(box.maxLat);
    const east = { lat: origin.lat, lng: box.maxLng };
    expect(distanceMeters(origin, east)).toBeGreaterThanOrEqual(150);
  });
});
