import { schema, seedReferenceData } from '@buurtsignaal/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The coordinator edits the boa-team's escalation policy on the rosters page: from the default to two
// levels (the lead after 5 minutes, then the police on duty and the coordinator after 15), repeated
// twice; a wait of 0 minutes is refused at its own field; axe finds nothing on the way.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 15_000 }, (s, b) => {
  stack = s;
  browser = b;
});

beforeAll(async () => {
  await seedReferenceData(stack.database.client.db);
}, 60_000);

describe('the escalation policy on /balie/roosters', () => {
  it('is reachable, accessible, refuses a wrong field and saves what the dispatcher will run', async () => {
    const { page } = browser;
    await staffUser(stack, 'escalatie@soest.test', 'coordinator', []);
    await browserLoginWithEnrolment(page, stack, 'escalatie@soest.test');
    await page.getByRole('link', { name: 'Roosters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roosters' }).waitFor();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Boa-team Soest' });
    const section = page.getByRole('region', { name: 'Escalatie als niemand de melding oppakt' });
    await section.getByText('Dit team volgt het standaardbeleid').waitFor();
    await expectAccessible(page, 'escalation policy (default)');

    // Level 1: only the lead, after 5 minutes; first a wait of 0, refused at its field.
    const level1 = section
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Niveau 1' }) });
    await level1.getByRole('checkbox', { name: 'Iedereen van dit team die in dienst is' }).uncheck();
    await level1.getByLabel('Wachttijd na dit niveau (minuten)').fill('0');
    await section.getByRole('button', { name: 'Escalatie opslaan' }).click();
    await section
      .getByRole('alert')
      .filter({ hasText: 'Vul een wachttijd in van 1 tot 1440 minuten.' })
      .first()
      .waitFor();
    await expectAccessible(page, 'escalation policy with an error');
    await level1.getByLabel('Wachttijd na dit niveau (minuten)').fill('5');

    // Level 2: the police on duty and the coordinator after 15 minutes.
    const level2 = section
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Niveau 2' }) });
    await level2.getByRole('checkbox', { name: /Wie in dienst is bij Politie/ }).check();
    await level2.getByLabel('Wachttijd na dit niveau (minuten)').fill('15');
    await section.getByLabel('Hoe vaak de niveaus daarna nog eens doorlopen worden').fill('2');
    await section.getByRole('button', { name: 'Escalatie opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het escalatiebeleid is opgeslagen.' }).waitFor();
    await section.getByRole('button', { name: 'Standaardbeleid terugzetten' }).waitFor();

    const [team] = await stack.database.client.db
      .select({ policy: schema.teams.escalationPolicy })
      .from(schema.teams)
      .where(eq(schema.teams.id, 'boa-team'));
    expect(team?.policy).toEqual({
      levels: [
        { delayMinutes: 5, targets: ['lead'] },
        { delayMinutes: 15, targets: ['coordinator', 'team:politie-basisteam'] },
      ],
      repeat: 2,
    });
    await expectAccessible(page, 'escalation policy saved');
  });
});
