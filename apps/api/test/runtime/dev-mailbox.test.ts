import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailTransport } from '@buurtsignaal/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDevMailbox } from '../../src/runtime/dev-mailbox.routes.ts';
import { isLoopbackAddress } from '../../src/runtime/local-client.ts';
import { useTestApp } from '../support/test-app.ts';

// The dev mailbox has no login and shows melders' addresses and status links: loopback clients only,
// judged on the socket, never on X-Forwarded-For (the app trusts the proxy here, as behind a balancer).

const mailboxDir = mkdtempSync(join(tmpdir(), 'bs-mailbox-'));

beforeAll(async () => {
  const mailer = createMailTransport({ smtpUrl: undefined, devMailboxDir: mailboxDir });
  await mailer.sendMail({
    from: 'noreply@soest.test',
    to: 'bewoner@example.nl',
    subject: 'Uw melding SOE-2026-000001 is ontvangen',
    text: 'Volg uw melding via https://buurtsignaal.test/m/geheim-token',
  });
  mailer.close();
});
const t = useTestApp({ env: { TRUST_PROXY: 'true' } });
beforeAll(async () => {
  await registerDevMailbox(t.app, mailboxDir);
});
afterAll(() => {
  rmSync(mailboxDir, { recursive: true, force: true });
});

const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, remoteAddress, headers });

describe('/dev/mailbox', () => {
  it('shows the mails to a browser on this machine, styled without an inline style', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await get('/dev/mailbox', address);
      expect(res.statusCode, address).toBe(200);
      expect(res.body).toContain('bewoner@example.nl');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const page = await get('/dev/mailbox', '127.0.0.1');
    expect(page.body).not.toContain('<style');
    expect((await get('/dev/mailbox.css', '127.0.0.1')).headers['content-type']).toContain('text/css');
  });

  it('refuses any other client, also one that claims to be local through X-Forwarded-For', async () => {
    for (const [address, headers] of [
      ['192.0.2.10', {}],
      ['10.0.0.5', { 'x-forwarded-for': '127.0.0.1' }],
      // A reverse proxy on this machine connects from loopback for every visitor.
      ['127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }],
      ['127.0.0.1', { forwarded: 'for=203.0.113.7' }],
    ] as const) {
      for (const url of ['/dev/mailbox', '/dev/mailbox/whatever', '/dev/mailbox.css']) {
        const res = await get(url, address, headers);
        expect(res.statusCode, `${address} ${JSON.stringify(headers)} ${url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'DEV_MAILBOX_LOCAL_ONLY' });
        expect(res.body).not.toContain('bewoner@example.nl');
      }
    }
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::FFFF:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['192.0.2.1', '::ffff:10.0.0.1', 'fe80::1', '', undefined].some(isLoopbackAddress)).toBe(false);
  });
});
