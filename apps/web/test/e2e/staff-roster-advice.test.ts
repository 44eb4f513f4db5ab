import { h3Cells } from '@buurtsignaal/core';
import { formatIsoWeek, shiftWeek, wallClockInstant } from '@buurtsignaal/core/time';
import { schema } from '@buurtsignaal/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { kjoeps, plusDays } from '../../../api/test/advice/advice-world.ts';
import { formatLocalDate as formatDay } from '../../src/staff/rosters/roster-format.ts';
import { type Browser, launchPhone } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import { monday, seedAdviceWorld, target, week } from './roster-advice-helpers.ts';
import type { E2eStack } from './stack.ts';
import { type ApiSession, browserLogin, browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The roster advice in the console (issue 13). Resident meldingen with a known peak at Kjoeps
// (Soesterberg): Wednesday and Friday 21:30, 22:45 and 23:30 in each of the 8 weeks before next week,
// plus staff findings that must not count. The boa-team works 07:00–15:00 and 14:30–22:30 every day, so
// 21:00–22:30 is a patrol window and 22:30–00:00 (2 × 2 × 8 = 32 meldingen) a roster proposal. The
// coordinator decides in the browser; then a boa on duty that Wednesday evening ticks a task off.

// The API's clock: the real one, until the boa's evening (the browser keeps the real clock).
let offsetMs = 0;
let stack: E2eStack;
let desktop: Browser;
browserSuite(
  { desktop: true, stepTimeoutMs: 15_000, stack: { now: () => new Date(Date.now() + offsetMs) } },
  (s, b) => {
    stack = s;
    desktop = b;
  },
);

const wednesday = plusDays(monday, 2);
const friday = plusDays(monday, 4);
const kjoepsCell = h3Cells(kjoeps.lat, kjoeps.lng).r9;
/** "woensdag 9 december", as the console writes a day. */
const dayName = (date: string) => formatDay(date);
let planner: ApiSession;

beforeAll(async () => {
  planner = await seedAdviceWorld(stack);
}, 120_000);

describe('Roosteradvies in the console, and the patrol tasks on the boa’s phone', () => {
  it('shows the hand-computed advice; accepting makes patrol tasks and extra shifts', async () => {
    const { page } = desktop;
    await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
    await browserLoginWithEnrolment(page, stack, 'coordinator@soest.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Roosteradvies' }).click();
    // Next week is the default.
    await page
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^Roosteradvies Boa-team Soest, week ${target.week}`),
      })
      .waitFor();
    expect(await page.getByLabel('Week', { exact: true }).inputValue()).toBe(week);

    const proposals = page.getByRole('region', { name: 'Roostervoorstellen' });
    await proposals
      .getByText(
        'woensdag en vrijdag 22:30–00:00, Soesterberg: 32 meldingen jeugdoverlast in 8 weken, geen boa in dienst na 22:30 → dienst verlengen tot 00:00',
        { exact: true },
      )
      .waitFor();
    await proposals
      .getByText('Voorgesteld: Anna Boa, Bram Boa')
      .or(proposals.getByText('Voorgesteld: Bram Boa, Anna Boa'))
      .waitFor();
    const windows = page.getByRole('region', { name: 'Patrouillevensters' });
    const wednesdayWindow = windows.getByRole('article', { name: `${dayName(wednesday)} 21:00–22:30` });
    await wednesdayWindow.waitFor();
    await windows.getByRole('article', { name: `${dayName(friday)} 21:00–22:30` }).waitFor();
    // Staff findings never count: no window on Tuesday.
    expect(
      await windows.getByRole('article', { name: new RegExp(`^${dayName(plusDays(monday, 1))}`) }).count(),
    ).toBe(0);
    await expectAccessible(page, 'Roosteradvies');
    // The CSV for the veiligheidsoverleg, with the console's session.
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csvHref).toBe(`/api/v1/staff/roster-advice?team=boa-team&week=${week}&format=csv`);
    const csv = await page.evaluate(async (href) => {
      const res = await fetch(href ?? '', { credentials: 'same-origin' });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    }, csvHref);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.body).toContain('"rooster"');

    // The Wednesday window: Aanpassen, keep the one place, accept.
    const title = `${dayName(wednesday)} 21:00–22:30`;
    await wednesdayWindow.getByRole('button', { name: `Aanpassen: ${title}` }).click();
    const edit = wednesdayWindow.getByRole('form', { name: `Aanpassen: ${title}` });
    await edit.getByRole('checkbox', { name: 'Soesterberg' }).waitFor();
    await expectAccessible(page, 'Roosteradvies, editing a patrol window');
    await edit.getByRole('button', { name: 'Aangepast aannemen' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: new RegExp(`^Aangenomen: ${title}\\. \\d+ patrouilleta(ak|ken) op de dienst gezet\\.$`),
      })
      .waitFor();
    await wednesdayWindow.getByText(/^Aangenomen door .+ op /).waitFor();
    // Focus is not lost with the buttons: it is on the decision that replaced them.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Aangenomen door /);
    const tasks = await stack.database.client.db
      .select()
      .from(schema.patrolTasks)
      .where(eq(schema.patrolTasks.teamId, 'boa-team'));
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((x) => x.cell))).toEqual(new Set([kjoepsCell]));
    for (const x of tasks) {
      expect(x.plannedAt.getTime()).toBeGreaterThanOrEqual(wallClockInstant(wednesday, '21:00').getTime());
      expect(x.plannedAt.getTime()).toBeLessThan(wallClockInstant(wednesday, '22:30').getTime());
    }

    // The Friday window: Afwijzen with a reason; no tasks on Friday.
    const fridayTitle = `${dayName(friday)} 21:00–22:30`;
    const fridayWindow = windows.getByRole('article', { name: fridayTitle });
    await fridayWindow.getByRole('button', { name: `Afwijzen: ${fridayTitle}` }).click();
    const reject = fridayWindow.getByRole('form', { name: `Afwijzen: ${fridayTitle}` });
    await reject.getByLabel('Reden').fill('Kermis, andere inzet');
    await reject.getByRole('button', { name: 'Afwijzing opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Afgewezen: ${fridayTitle}.` })
      .waitFor();
    await fridayWindow.getByText('Reden: Kermis, andere inzet').waitFor();
    const allTasks = await stack.database.client.db.select().from(schema.patrolTasks);
    expect(allTasks).toHaveLength(tasks.length);

    // The roster proposal, accepted as it is: an extra shift 22:30–00:00 on both days.
    const proposal = proposals.getByRole('article').first();
    await proposal.getByRole('button', { name: /^Aannemen: / }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Aangenomen: .*22:30–00:00\.$/ })
      .waitFor();
    await proposal.getByText(/^Aangenomen door .+ op /).waitFor();
    const roster = await planner.call<{
      shifts: { label: string; localDate: string; localStart: string; localEnd: string }[];
    }>('GET', `/teams/boa-team/roster?from=${wednesday}&to=${friday}`);
    expect(
      roster.body.shifts
        .filter((s) => s.label === 'Roosteradvies')
        .map((s) => [s.localDate, s.localStart, s.localEnd]),
    ).toEqual([
      [wednesday, '22:30', '00:00'],
      [friday, '22:30', '00:00'],
    ]);

    // The weekly overview (a week that is over): a window accepted for it shows its evaluation, the
    // caution last; the section links to the page.
    const past = formatIsoWeek(shiftWeek(target, -2));
    // Shifts are generated from today on: that week's Wednesday evening is the coming one, two weeks back.
    const db = stack.database.client.db;
    const [evening] = await db
      .select()
      .from(schema.shiftInstances)
      .where(
        and(eq(schema.shiftInstances.localDate, wednesday), eq(schema.shiftInstances.label, 'Avonddienst')),
      );
    if (!evening) throw new Error('no evening shift');
    const pastWednesday = plusDays(wednesday, -14);
    await db.insert(schema.shiftInstances).values({
      ...evening,
      id: `${evening.id}-past`,
      localDate: pastWednesday,
      startsAt: wallClockInstant(pastWednesday, evening.localStart),
      endsAt: wallClockInstant(pastWednesday, evening.localEnd),
    });
    const advicePast = await planner.call<{ patrolWindows: { id: string }[] }>(
      'GET',
      `/roster-advice?team=boa-team&week=${past}`,
    );
    const [pastWindow] = advicePast.body.patrolWindows;
    if (!pastWindow) throw new Error(`no patrol window in ${past}`);
    const accepted = await planner.call('POST', '/roster-advice/decisions', {
      team: 'boa-team',
      week: past,
      proposalId: pastWindow.id,
      decision: 'accepted',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await page.goto(`${stack.baseUrl}/balie/week?week=${past}`);
    const section = page.getByRole('region', { name: 'Roosteradvies', exact: true });
    const boaTeam = section.getByRole('region', { name: 'Boa-team Soest', exact: true });
    await boaTeam
      .getByText(
        /^\d+ patrouillevensters?, \d+ roostervoorstel(len)? — 1 aangenomen, 0 afgewezen, \d+ nog open$/,
      )
      .waitFor();
    const evaluation = boaTeam.getByRole('listitem').filter({ hasText: 'Soesterberg' }).first();
    await evaluation.waitFor();
    const lines = await evaluation.locator('p').allTextContents();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe(
      'Dit laat een verandering zien, geen bewijs dat de bezoeken die veroorzaakt hebben.',
    );
    await boaTeam.getByRole('link', { name: 'Roosteradvies Boa-team Soest openen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Roosteradvies Boa-team Soest, week/ }).waitFor();
    expect(await page.getByLabel('Week', { exact: true }).inputValue()).toBe(past);

    // On paper: the advice without navigation, pickers or decision buttons.
    await page.getByRole('region', { name: 'Patrouillevensters' }).getByRole('article').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      expect(
        await page
          .getByText(/^Aangenomen door .+ op /)
          .first()
          .isVisible(),
      ).toBe(true);
      expect(await page.getByRole('heading', { level: 2, name: 'Evaluatie' }).isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows the boa on duty the tasks on the phone; "Bezocht" records the tap', async () => {
    // Wednesday of next week, 21:10 in Soest: inside the evening shift.
    offsetMs = wallClockInstant(wednesday, '21:10').getTime() - Date.now();
    const phone = await launchPhone();
    try {
      const { page } = phone;
      page.setDefaultTimeout(15_000);
      await browserLogin(page, stack, 'anna@soest.test');
      const patrol = page.getByRole('region', { name: 'Patrouille vandaag' });
      await patrol
        .getByRole('heading', { level: 3, name: /Soesterberg/ })
        .first()
        .waitFor();
      await patrol
        .getByRole('region', { name: /^Kaart van Soesterberg/ })
        .first()
        .waitFor();
      const geo = await patrol
        .getByRole('link', { name: 'Open Soesterberg in een kaart-app' })
        .first()
        .getAttribute('href');
      expect(geo).toMatch(/^geo:52\.1\d*,5\.29\d*$/);
      await expectAccessible(page, 'patrol tasks on the queue');

      const first = patrol.getByRole('button', { name: /^Bezocht: / }).first();
      const label = (await first.getAttribute('aria-label')) ?? '';
      await first.click();
      await patrol.getByText('bezocht om 21:1', { exact: false }).first().waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Soesterberg bezocht om 21:1\d\.$/ })
        .waitFor();
      expect(await patrol.getByRole('button', { name: label }).count()).toBe(0);

      const [anna] = await stack.database.client.db
        .select()
        .from(schema.staffUsers)
        .where(eq(schema.staffUsers.email, 'anna@soest.test'));
      const visited = (await stack.database.client.db.select().from(schema.patrolTasks)).filter(
        (x) => x.visitedAt,
      );
      expect(visited).toHaveLength(1);
      expect(visited[0]?.visitedBy).toBe(anna?.id);
      const at = visited[0]?.visitedAt?.getTime() ?? 0;
      expect(at).toBeGreaterThanOrEqual(wallClockInstant(wednesday, '21:10').getTime());
      expect(at).toBeLessThan(wallClockInstant(wednesday, '21:20').getTime());
      await expectAccessible(page, 'patrol tasks after Bezocht');
    } finally {
      await phone.close();
      offsetMs = 0;
    }
  });
});
