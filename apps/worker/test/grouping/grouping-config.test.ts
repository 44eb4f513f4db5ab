import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../../src/config.ts';

describe('grouping configuration', () => {
  it('groups within 150 m and 30 minutes by default', () => {
    expect(loadWorkerConfig({}).grouping).toEqual({ radiusMeters: 150, windowMinutes: 30 });
  });

  it('reads GROUPING_RADIUS_METERS and GROUPING_WINDOW_MINUTES; 0 metres switches grouping off', () => {
    const env = { GROUPING_RADIUS_METERS: '80', GROUPING_WINDOW_MINUTES: '15' };
    expect(loadWorkerConfig(env).grouping).toEqual({ radiusMeters: 80, windowMinutes: 15 });
    expect(loadWorkerConfig({ GROUPING_RADIUS_METERS: '0' }).grouping).toBe(false);
  });

  it.each([
    [{ GROUPING_RADIUS_METERS: '-1' }, /GROUPING_RADIUS_METERS/],
    [{ GROUPING_WINDOW_MINUTES: '0' }, /GROUPING_WINDOW_MINUTES/],
  ])('rejects %o', (env, message) => {
    expect(() => loadWorkerConfig(env)).toThrow(message);
  });
});
