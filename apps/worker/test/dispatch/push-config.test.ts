import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { loadWorkerConfig } from '../../src/config.ts';

// VAPID keys for Web Push: all three or none; a key that is not what a push service accepts is refused
// at start-up, naming the variable, instead of failing every notice later.

const keys = webpush.generateVAPIDKeys();

describe('VAPID configuration of the worker', () => {
  it('is off without keys, and on with all three', () => {
    expect(loadWorkerConfig({}).vapid).toBeUndefined();
    expect(
      loadWorkerConfig({
        VAPID_PUBLIC_KEY: keys.publicKey,
        VAPID_PRIVATE_KEY: keys.privateKey,
        VAPID_SUBJECT: 'mailto:beheer@soest.nl',
      }).vapid,
    ).toEqual({ ...keys, subject: 'mailto:beheer@soest.nl' });
  });

  it('refuses some of them, a key of the wrong size, or a subject that is no URL', () => {
    expect(() => loadWorkerConfig({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/all three or none/);
    const all = {
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'mailto:a@b.nl',
    };
    expect(() => loadWorkerConfig({ ...all, VAPID_PRIVATE_KEY: keys.publicKey })).toThrow(
      /VAPID_PRIVATE_KEY/,
    );
    expect(() => loadWorkerConfig({ ...all, VAPID_PUBLIC_KEY: 'kort' })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() => loadWorkerConfig({ ...all, VAPID_SUBJECT: 'beheer' })).toThrow(/VAPID_SUBJECT/);
  });
});
