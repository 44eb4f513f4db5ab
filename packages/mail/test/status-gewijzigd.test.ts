import { meldingStatuses } from '@buurtsignaal/core';
import { describe, expect, it } from 'vitest';
import { melderLinks } from '../src/melder-links.ts';
import { mailStyles } from '../src/templates/mail-styles.ts';
import { renderOntvangen } from '../src/templates/ontvangen.ts';
import { renderStatusGewijzigd, type StatusGewijzigdInput } from '../src/templates/status-gewijzigd.ts';

const links = melderLinks('https://buurtsignaal.soest.nl/', 'tok-123');
const base = {
  reference: 'SOE-2026-000123',
  categoryLabel: 'Jeugdoverlast',
  street: 'Steenhoffstraat',
  ...links,
} satisfies Partial<StatusGewijzigdInput>;

const hostile =
  'Wij zijn langs geweest.\r\n' +
  '<script>alert(1)</script>\n' +
  '<a href="https://evil.example/x">hier</a>\n\n\n\n' +
  'Zie https://evil.example of www.evil.example en mail naar boef@evil.example';

describe('melderLinks', () => {
  it('points every link at the status page, the forms by their fragment', () => {
    expect(links).toEqual({
      statusUrl: 'https://buurtsignaal.soest.nl/m/tok-123',
      answerUrl: 'https://buurtsignaal.soest.nl/m/tok-123#vraag',
      feedbackUrl: 'https://buurtsignaal.soest.nl/m/tok-123#opgelost',
    });
  });
});

describe('renderStatusGewijzigd', () => {
  it.each([
    ['in_behandeling', 'in behandeling', 'Een medewerker is met uw melding aan de slag.'],
    ['reactie_gevraagd', 'er is een vraag aan u', 'We hebben een vraag over uw melding.'],
    ['doorgestuurd', 'doorgestuurd', 'We hebben uw melding doorgestuurd naar'],
    ['afgehandeld', 'afgehandeld', 'We hebben uw melding afgehandeld.'],
    ['geannuleerd', 'afgehandeld', 'We hebben uw melding afgehandeld.'],
    ['heropend', 'heropend', 'We hebben uw melding opnieuw geopend.'],
  ] as const)('%s: subject "…: %s" and the news in plain words', (status, subject, sentence) => {
    const mail = renderStatusGewijzigd({ ...base, status, publicMessage: 'Bericht.' });
    expect(mail.subject).toBe(`Uw melding SOE-2026-000123: ${subject}`);
    expect(mail.text).toContain(sentence);
    expect(mail.html).toContain(sentence);
    expect(mail.text).toContain('SOE-2026-000123');
  });

  it('renders every status of the machine without throwing', () => {
    for (const status of meldingStatuses) {
      expect(renderStatusGewijzigd({ ...base, status }).subject).toMatch(/^Uw melding SOE-2026-000123: /);
    }
  });

  it('shows geannuleerd to the melder as "Afgehandeld", with a general reason when there is no message', () => {
    const mail = renderStatusGewijzigd({ ...base, status: 'geannuleerd' });
    expect(mail.text).toContain('- Status: Afgehandeld');
    expect(mail.text).not.toMatch(/geannuleerd/i);
    expect(mail.text).toContain('We ondernemen er geen verdere actie op.');
    expect(mail.text).not.toContain('#opgelost');
  });

  it('escapes the officer’s message, keeps its line breaks and never makes a link of it', () => {
    const mail = renderStatusGewijzigd({ ...base, status: 'afgehandeld', publicMessage: hostile });
    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Wij zijn langs geweest.<br>');
    // Four empty lines become one; no stray carriage returns.
    expect(mail.html).toContain('&lt;/a&gt;<br>\n<br>\nZie');
    expect(mail.html).not.toContain('\r');
    // Only our own links are anchors: the feedback form and the status page.
    const anchors = [...mail.html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(anchors).toEqual([links.feedbackUrl, links.statusUrl]);
    // URLs and addresses in the message are broken up for link detectors, but still read the same.
    expect(mail.html).not.toMatch(/https:\/\/evil|www\.evil|evil\.example|boef@evil/);
    expect(mail.html).toContain('https:&#8203;//evil.&#8203;example');
    expect(mail.html).toContain('boef@&#8203;evil.&#8203;example');
    expect(mail.html.replaceAll('&#8203;', '')).toContain('Zie https://evil.example of www.evil.example');
    // The plain-text part shows the message as written.
    expect(mail.text).toContain(
      '  Zie https://evil.example of www.evil.example en mail naar boef@evil.example',
    );
    expect(mail.text).not.toContain('\r');
    // Nothing of the message in the subject line.
    expect(mail.subject).not.toMatch(/evil|script/);
  });

  it('reactie_gevraagd: the question under its own heading and the link to answer it, no feedback link', () => {
    const mail = renderStatusGewijzigd({
      ...base,
      status: 'reactie_gevraagd',
      publicMessage: 'Hoe laat ziet u de groep meestal?',
    });
    expect(mail.text).toContain('Onze vraag:\n  Hoe laat ziet u de groep meestal?');
    expect(mail.text).toContain(`Beantwoord de vraag via deze link:\n${links.answerUrl}`);
    expect(mail.html).toContain(`<a href="${links.answerUrl}"`);
    expect(mail.text).not.toContain('#opgelost');
  });

  it('afgehandeld: asks whether it was solved, with the feedback link, and gives the status link', () => {
    const mail = renderStatusGewijzigd({ ...base, status: 'afgehandeld', publicMessage: 'Klaar.' });
    expect(mail.text).toContain(`Is uw melding opgelost? Laat het ons weten:\n${links.feedbackUrl}`);
    expect(mail.text).toContain(links.statusUrl);
    expect(mail.text).toMatch(/Bewaar deze link/);
    expect(mail.text).not.toContain('#vraag');
  });

  it("quotes the melder's own reason to reopen as theirs, not as a message of the behandelaar", () => {
    const own = renderStatusGewijzigd({
      ...base,
      status: 'heropend',
      publicMessage: 'Ze zijn er nog steeds, elke avond.',
      messageBy: 'melder',
    });
    expect(own.text).toContain('Wat u ons liet weten:\n  Ze zijn er nog steeds, elke avond.');
    expect(own.text).not.toContain('Bericht van de behandelaar');
    expect(own.html).toContain('Wat u ons liet weten');
    // Reopened by staff with a message: that message is the behandelaar's.
    const staff = renderStatusGewijzigd({ ...base, status: 'heropend', publicMessage: 'We kijken opnieuw.' });
    expect(staff.text).toContain('Bericht van de behandelaar:\n  We kijken opnieuw.');
  });

  it('in_behandeling and heropend carry neither form link', () => {
    for (const status of ['in_behandeling', 'heropend'] as const) {
      const mail = renderStatusGewijzigd({ ...base, status });
      expect(mail.text).not.toMatch(/#vraag|#opgelost/);
      expect(mail.text).toContain(links.statusUrl);
    }
  });

  it('without the status token, points to the link from intake for the status, the answer and the feedback', () => {
    const { statusUrl: _s, answerUrl: _a, feedbackUrl: _f, ...noLinks } = base;
    const vraag = renderStatusGewijzigd({ ...noLinks, status: 'reactie_gevraagd', publicMessage: 'Vraag?' });
    expect(vraag.text).not.toContain('http');
    expect(vraag.text).toContain('Beantwoord de vraag via de persoonlijke link die u kreeg');
    const klaar = renderStatusGewijzigd({ ...noLinks, status: 'afgehandeld', publicMessage: 'Klaar.' });
    expect(klaar.text).not.toContain('http');
    expect(klaar.text).toContain('Laat het ons weten via de persoonlijke link die u kreeg');
    expect(klaar.html).not.toContain('<a ');
  });

  it('refuses links that are not http(s)', () => {
    expect(() =>
      renderStatusGewijzigd({ ...base, status: 'afgehandeld', feedbackUrl: 'javascript:alert(1)' }),
    ).toThrow();
    expect(() =>
      renderStatusGewijzigd({ ...base, status: 'in_behandeling', statusUrl: 'data:text/html,x' }),
    ).toThrow();
  });

  it('escapes the reference, category and street, and places the melding no closer than the street', () => {
    const mail = renderStatusGewijzigd({
      ...base,
      reference: 'SOE-<b>1</b>',
      categoryLabel: '<img src=x onerror=alert(1)>',
      status: 'in_behandeling',
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>1</b>');
    expect(mail.text).toContain('- Straat: Steenhoffstraat\n');
    expect(mail.text).not.toMatch(/\d{4}\s?[A-Z]{2}|Steenhoffstraat\s*\d/);
  });
});

describe('inline styles', () => {
  it('uses only the styles of mailStyles (the console’s CSP allows exactly those)', () => {
    const allowed = new Set<string>(Object.values(mailStyles));
    const mails = [
      ...meldingStatuses.map((status) => renderStatusGewijzigd({ ...base, status, publicMessage: hostile })),
      renderOntvangen({
        reference: 'SOE-2026-000123',
        categoryLabel: 'Jeugdoverlast',
        street: 'Steenhoffstraat',
        statusUrl: links.statusUrl,
      }),
    ];
    const used = mails.flatMap((m) => [...m.html.matchAll(/style="([^"]*)"/g)].map((s) => s[1] ?? ''));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((s) => !allowed.has(s))).toEqual([]);
  });
});
