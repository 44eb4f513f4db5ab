import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDevMailbox } from '../src/dev-mailbox.ts';
import { createMailTransport } from '../src/transport.ts';

describe('dev mailbox transport', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('stores each mail as a file and lists them newest first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bs-mailbox-'));
    dirs.push(dir);
    const mailer = createMailTransport({ devMailboxDir: join(dir, 'mailbox') });
    expect(await readDevMailbox(join(dir, 'mailbox'))).toEqual([]);

    const first = await mailer.sendMail({
      from: 'Gemeente Soest <noreply@buurtsignaal.local>',
      to: 'melder@example.nl',
      subject: 'Eerste',
      text: 'tekst één',
      html: '<p>html één</p>',
    });
    expect(first.messageId).toMatch(/@/);
    // File names start with the millisecond of sending: the second mail is sent in a later one.
    const firstAt = Date.now();
    while (Date.now() <= firstAt) await new Promise((r) => setImmediate(r));
    await mailer.sendMail({
      from: 'noreply@buurtsignaal.local',
      to: 'ander@example.nl',
      subject: 'Tweede',
      text: 't2',
    });

    const mails = await readDevMailbox(join(dir, 'mailbox'));
    expect(mails.map((m) => m.subject)).toEqual(['Tweede', 'Eerste']);
    const eerste = mails[1];
    expect(eerste).toMatchObject({ to: 'melder@example.nl', text: 'tekst één', html: '<p>html één</p>' });
    expect(Number.isNaN(Date.parse(eerste?.date ?? ''))).toBe(false);
  });

  it('needs an SMTP URL or a mailbox directory', () => {
    expect(() => createMailTransport({})).toThrow();
    expect(() => createMailTransport({ smtpUrl: 'http://example.nl' })).toThrow(/smtp/);
  });
});
