import { schema } from '@buurtsignaal/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import { postMelding, routed } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The coordinator's routing rules in the console (issue 10): the queue puts a spoed melding first with
// its "nu gaande" mark, the coordinator adds a rule, sees it in the list, lets the dry run show it
// deciding with its reason, and moves it up with the keyboard alone.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 10_000 }, (s, b) => {
  stack = s;
  browser = b;
});

const RULE = 'Overlast Soesterberg avond';

describe('Indeelregels in the staff console', () => {
  it('queue spoed first, a new rule that the dry run shows deciding, a keyboard reorder, opnieuw indelen', async () => {
    const db = stack.database.client.db;
    // An ordinary jeugdoverlast (the boa-team's default, normaal) and, after it, a verdachte situatie
    // nu gaande (seeded rule 3: politie, spoed).
    const normal = await postMelding(stack);
    await routed(db, normal.id);
    const urgent = await postMelding(stack, {
      category: 'verdachte_situatie',
      subcategory: 'persoon',
      answers: { nu_gaande: true },
      description: 'Iemand voelt aan de deuren van de auto’s in de straat.',
    });
    await routed(db, urgent.id);

    // A team that is switched off while the coordinator writes a rule for it.
    await db.insert(schema.teams).values({ id: 'handhaving-oud', name: 'Handhaving (oud)', kind: 'boa' });
    await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
    const { page } = browser;
    await browserLoginWithEnrolment(page, stack, 'coordinator@soest.test');

    // The queue in the API's order: the spoed card first, marked "nu gaande", with its deadline.
    const cards = page.getByRole('list', { name: 'Meldingen' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(2);
    const first = cards.first();
    await expect.poll(() => first.textContent()).toContain(urgent.reference);
    await expect.poll(() => first.textContent()).toContain('Spoed');
    await expect.poll(() => first.textContent()).toContain('Nu gaande');
    await expect.poll(() => first.textContent()).toContain('Termijn');
    await expect.poll(() => cards.nth(1).textContent()).not.toContain('Nu gaande');
    await expectAccessible(page, 'queue with priorities');

    // The melding says why it went to the police, and can be routed again with a reason.
    await first.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Melding ${urgent.reference}` }).waitFor();
    const reason = page.getByTestId('assignment-reason');
    await expect.poll(() => reason.textContent()).toContain("Regel 3 'Verdachte situatie, nu gaande'");
    await expect.poll(() => reason.textContent()).toContain('→ Politie basisteam Eemland-Noord, spoed');
    const reroute = page.getByRole('form', { name: 'Opnieuw indelen' });
    await reroute.getByRole('button', { name: 'Opnieuw indelen' }).click();
    await reroute.getByRole('link', { name: 'Vul de reden in.' }).waitFor();
    await reroute.getByLabel('Reden', { exact: true }).fill('Categorie nagekeken met de melder.');
    await reroute.getByRole('button', { name: 'Opnieuw indelen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opnieuw ingedeeld: Politie basisteam Eemland-Noord, spoed.' })
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('assignment-heading');
    await expectAccessible(page, 'detail with the assignment');

    // The rules page: the seeded rules in order, with their counts.
    await page.getByRole('link', { name: 'Indeelregels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indeelregels' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Regel 3 Verdachte situatie, nu gaande' }).waitFor();
    await expectAccessible(page, 'routing rules');

    // A new rule: woonoverlast in wijk Soesterberg from 20:00 (until 02:00) → politie, hoog.
    await page.getByLabel('Naam', { exact: true }).fill(RULE);
    await page.getByRole('checkbox', { name: 'Woonoverlast' }).check();
    await page.getByRole('checkbox', { name: 'Soesterberg (wijk)' }).check();
    await page.getByRole('checkbox', { name: 'Alleen op bepaalde dagen en tijden' }).check();
    await page.getByLabel('Van (uu:mm)').fill('20:00');
    await page.getByLabel('Tot (uu:mm)').fill('26:00');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Handhaving (oud)' });
    await page.getByRole('radio', { name: 'Hoog' }).check();
    await page.getByLabel('Notitie voor de medewerker').fill('Avond in Soesterberg: de politie gaat.');
    await page.getByRole('button', { name: 'Regel opslaan' }).click();
    await page.getByRole('link', { name: 'Vul een tijd in als uu:mm, bijvoorbeeld 20:00.' }).waitFor();
    await expectAccessible(page, 'rule form with an error');
    await page.getByLabel('Tot (uu:mm)').fill('02:00');
    // The API refuses the team that went inactive meanwhile, and says so at the team field.
    await db.update(schema.teams).set({ active: false }).where(eq(schema.teams.id, 'handhaving-oud'));
    await page.getByRole('button', { name: 'Regel opslaan' }).click();
    const refused = 'Het team "handhaving-oud" bestaat niet of is niet actief.';
    await page.getByRole('link', { name: refused }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rr-team');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Politie basisteam Eemland-Noord' });

    // What it would have changed in the last 30 days, before saving.
    await page.getByRole('button', { name: 'Proberen op de laatste 30 dagen' }).click();
    await page.getByRole('status').filter({ hasText: 'Met deze regel waren 0 van de 2 meldingen' }).waitFor();

    await page.getByRole('button', { name: 'Regel opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Regel “${RULE}” is opgeslagen.` })
      .waitFor();
    const added = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: RULE }) });
    await expect.poll(() => added.textContent()).toContain('Regel 5');
    await expect
      .poll(() => added.textContent())
      .toContain('→ Politie basisteam Eemland-Noord, prioriteit hoog');
    await expect.poll(() => added.textContent()).toContain('0 meldingen in 30 dagen');

    // The dry run: woonoverlast in the middle of Soesterberg at 21:30 today → the new rule decides.
    await page.getByLabel('Categorie', { exact: true }).selectOption('woonoverlast');
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Soesterberg' });
    await page.getByLabel('Tijd (uu:mm)').fill('21:30');
    await page.getByRole('button', { name: 'Proefindeling maken' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Uitkomst' });
    await expect.poll(() => result.textContent()).toContain(`${RULE} (versie 1)`);
    await expect.poll(() => result.textContent()).toContain(`Regel 5 '${RULE}'`);
    await expect.poll(() => result.textContent()).toContain('Politie basisteam Eemland-Noord');
    await expect.poll(() => result.textContent()).toContain('Hoog');
    await expectAccessible(page, 'routing rules with a dry run');

    // Keyboard only: focus stays on "Omhoog" while the rule climbs two places.
    const up = page.getByRole('button', { name: new RegExp(`^Omhoog\\W+${RULE}$`) });
    await up.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Regel “${RULE}” staat nu op plaats 4.` })
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Omhoog: ${RULE}`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Regel “${RULE}” staat nu op plaats 3.` })
      .waitFor();
    await page.getByRole('heading', { level: 3, name: `Regel 3 ${RULE}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Regel 4 Verdachte situatie, nu gaande' }).waitFor();
    await expectAccessible(page, 'routing rules after a reorder');

    // An edit is a new version.
    await page.getByRole('button', { name: new RegExp(`^Bewerken\\W+${RULE}$`) }).click();
    await page.getByRole('heading', { level: 2, name: `Bewerken: ${RULE}` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rr-name');
    await page.getByRole('radio', { name: 'Spoed' }).check();
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Regel “${RULE}” is opgeslagen als versie 2.` })
      .waitFor();
    await expect.poll(() => added.textContent()).toContain('versie 2');
    await expect.poll(() => added.textContent()).toContain('prioriteit spoed');
  });

  it('an officer reads the rules, sees an invalid one flagged with its problem, and uses the dry run', async () => {
    // A rule whose area has gone (as after a CBS import without it): flagged, not hidden. Versions are
    // immutable, so the broken content is a new version, as an edit before the import would have made.
    const db = stack.database.client.db;
    const rule = 'soest-woonoverlast-herhaald';
    await db.insert(schema.routingRuleVersions).values({
      ruleId: rule,
      version: 2,
      name: 'Herhaalde woonoverlast op één adres',
      conditions: { categories: ['woonoverlast'], areaCodes: ['WK034299'] },
      outcome: { teamId: 'boa-team', priority: 'hoog', note: null },
    });
    await db.update(schema.routingRules).set({ currentVersion: 2 }).where(eq(schema.routingRules.id, rule));
    await staffUser(stack, 'boa.lezer@soest.test', 'boa', ['boa-team']);
    const { page, context } = browser;
    await context.clearCookies();
    await browserLogin(page, stack, 'boa.lezer@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.getByRole('link', { name: 'Indeelregels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indeelregels' }).waitFor();

    const invalid = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Herhaalde woonoverlast op één adres' }) });
    await expect.poll(() => invalid.textContent()).toContain('Ongeldig');
    await expect.poll(() => invalid.textContent()).toContain('Het gebied WK034299 is onbekend.');
    // Reading only: no buttons to change the rules, no form.
    expect(await page.getByRole('button', { name: /^Omhoog/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Nieuwe regel' }).count()).toBe(0);

    // The dry run without a rule that fits: the category's default, and the reason says so.
    await page.getByLabel('Categorie', { exact: true }).selectOption('jeugdoverlast');
    await page.getByRole('radio', { name: 'Nee' }).check();
    await page.getByRole('radio', { name: 'Coördinaten' }).check();
    await page.getByLabel('Breedtegraad (lat)').fill('52,1733');
    await page.getByLabel('Lengtegraad (lng)').fill('5.2917');
    await page.getByRole('button', { name: 'Proefindeling maken' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Uitkomst' });
    await expect.poll(() => result.textContent()).toContain('standaard van de categorie');
    await expect.poll(() => result.textContent()).toContain('standaardteam voor categorie');
    await expect.poll(() => result.textContent()).toContain('Boa-team Soest');
    await expectAccessible(page, 'routing rules for an officer');
  });
});
