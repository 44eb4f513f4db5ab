import { describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, currentTotp, staffUser } from './staff-helpers.ts';

// The coordinator's side of the console: TOTP enrolment at the first login, the code at the next one,
// standard texts and users; and the public form never loads any of it.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 10_000 }, (s, b) => {
  stack = s;
  browser = b;
});

describe('the coordinator in the staff console', () => {
  it('the public form loads no console code', async () => {
    const scripts: string[] = [];
    const pending: Promise<void>[] = [];
    browser.page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => {
          if (body.includes('Inloggen bij de balie') || body.includes('Interne notitie toevoegen')) {
            scripts.push(response.url());
          }
        }),
      );
    });
    await browser.page.goto(stack.baseUrl);
    await browser.page.getByRole('heading', { name: 'Wat wilt u melden?' }).waitFor();
    await browser.page.waitForLoadState('networkidle');
    await Promise.all(pending);
    browser.page.removeAllListeners('response');
    expect(scripts).toEqual([]);
  });

  it('enrols TOTP at the first login, needs the code at the next, and manages standard texts and users', async () => {
    await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
    const { page } = browser;
    await browserLogin(page, stack, 'coordinator@soest.test');

    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByText('Voer deze sleutel in uw app in').waitFor();
    await expectAccessible(page, 'TOTP enrolment');
    await page.getByLabel('Code uit uw authenticator-app').fill(currentTotp(secret, new Date()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.getByText('Tweestapsverificatie is ingesteld.').waitFor();

    // Standard texts: create one and deactivate it.
    await page.getByRole('link', { name: 'Standaardteksten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Standaardteksten' }).waitFor();
    await page.getByRole('button', { name: 'Standaardtekst opslaan' }).click();
    await page.getByRole('link', { name: 'Vul een titel in.' }).waitFor();
    await page.getByLabel('Titel').fill('Doorgestuurd naar de politie');
    await page.getByLabel('Bij status').selectOption('doorgestuurd');
    await page.getByLabel('Tekst aan de melder').fill('Wij hebben uw melding doorgestuurd naar de politie.');
    await page.getByRole('button', { name: 'Standaardtekst opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De standaardtekst is opgeslagen.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Doorgestuurd naar de politie' }).waitFor();
    await expectAccessible(page, 'standard texts');
    await page.getByRole('button', { name: /^Niet meer gebruiken.*Doorgestuurd naar de politie/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'De standaardtekst wordt niet meer gebruikt.' })
      .waitFor();

    // Users: a coordinator creates a boa.
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await page.getByLabel('E-mailadres').fill('nieuwe.boa@soest.test');
    await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Boa');
    await page.getByRole('radio', { name: 'Boa' }).check();
    await page.getByRole('checkbox', { name: 'Boa-team Soest' }).check();
    await page.getByLabel('Eerste wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByRole('link', { name: 'Het wachtwoord moet minstens 12 tekens lang zijn.' }).waitFor();
    await page.getByLabel('Eerste wachtwoord').fill('een lang genoeg wachtwoord');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Het account voor nieuwe.boa@soest.test is aangemaakt.' })
      .waitFor();
    await expectAccessible(page, 'users');

    // Next login: password and code together, in one form. A wrong code is answered like a wrong
    // password (the answer does not tell that the password was right) and counts as a failed login.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await page.getByLabel('E-mailadres').fill('coordinator@soest.test');
    await page.getByLabel('Wachtwoord').fill('correct horse battery');
    const code = page.getByLabel('Code uit uw authenticator-app');
    await expect.poll(() => code.getAttribute('inputmode'), { timeout: 10_000 }).toBe('numeric');
    await expect.poll(() => code.getAttribute('autocomplete'), { timeout: 10_000 }).toBe('one-time-code');
    const now = currentTotp(secret, new Date());
    await code.fill(now === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page
      .getByText('Het e-mailadres, het wachtwoord of de code uit de authenticator-app klopt niet.')
      .waitFor();
    await expectAccessible(page, 'login with the TOTP field');
    // The code of the enrolment is used up; the app's next code (within the allowed drift) is not.
    expect(await code.inputValue()).toBe('');
    await code.fill(currentTotp(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    // Told about the failed attempt since the previous login.
    const warning = page.getByRole('status').filter({ hasText: 'Er is 1 keer geprobeerd' });
    await warning.waitFor();
    await expectAccessible(page, 'queue with the failed-login notice');
    await warning.getByRole('button', { name: 'Gelezen' }).click();
    await warning.waitFor({ state: 'detached' });
  });
});
