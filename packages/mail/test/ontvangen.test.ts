import { describe, expect, it } from 'vitest';
import { renderOntvangen } from '../src/templates/ontvangen.ts';

const base = {
  reference: 'SOE-2026-000123',
  categoryLabel: 'Jeugdoverlast',
  subcategoryLabel: 'Rondhangen',
  street: 'Steenhoffstraat',
};

describe('renderOntvangen', () => {
  it('puts the reference in the subject and the body', () => {
    const mail = renderOntvangen({ ...base, statusUrl: 'https://buurtsignaal.soest.nl/m/abc123' });
    expect(mail.subject).toBe('Uw melding SOE-2026-000123 is ontvangen');
    expect(mail.text).toContain('SOE-2026-000123');
    expect(mail.html).toContain('SOE-2026-000123');
    expect(mail.text).toContain('Jeugdoverlast – Rondhangen');
    expect(mail.text).toContain('Steenhoffstraat');
    expect(mail.text).toContain('Wat gebeurt er nu?');
  });

  it('gives the private status link and asks to keep it', () => {
    const mail = renderOntvangen({ ...base, statusUrl: 'https://buurtsignaal.soest.nl/m/abc123' });
    expect(mail.text).toContain('https://buurtsignaal.soest.nl/m/abc123');
    expect(mail.text).toMatch(/Bewaar deze link/);
    expect(mail.html).toContain('<a href="https://buurtsignaal.soest.nl/m/abc123"');
  });

  it('without a status link, points to the link from the intake and gives the reference', () => {
    const mail = renderOntvangen(base);
    expect(mail.text).not.toContain('http');
    expect(mail.text).toContain('persoonlijke link die u kreeg');
    expect(mail.text).toContain('Noem het nummer SOE-2026-000123');
  });

  it('escapes every interpolated value in the HTML', () => {
    const mail = renderOntvangen({
      reference: 'SOE-2026-<b>1</b>',
      categoryLabel: '<script>alert(1)</script>',
      subcategoryLabel: '"quoted" & \'single\'',
      street: '<img src=x onerror=alert(1)>straat',
      statusUrl: 'https://example.nl/m/a"onmouseover="x',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>1</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(mail.html).not.toMatch(/href="[^"]*"onmouseover/);
  });

  it('refuses a status link that is not http(s)', () => {
    expect(() => renderOntvangen({ ...base, statusUrl: 'javascript:alert(1)' })).toThrow();
  });

  it('shows no house number or postcode when given only the street', () => {
    const mail = renderOntvangen(base);
    expect(mail.text).not.toMatch(/\d{4}\s?[A-Z]{2}/);
    expect(mail.text).not.toMatch(/Steenhoffstraat\s*\d/);
    expect(mail.html).not.toMatch(/Steenhoffstraat\s*\d/);
  });

  it('leaves the street line out when there is no street', () => {
    const mail = renderOntvangen({ reference: 'SOE-2026-000001', categoryLabel: 'Woonoverlast' });
    expect(mail.text).not.toContain('Straat:');
    expect(mail.text).toContain('- Soort: Woonoverlast\n');
  });
});

describe('renderOntvangen with who picks it up and when', () => {
  it('says the pickup sentence and the 112 / 0900-8844 line instead of the general text', () => {
    const mail = renderOntvangen({
      ...base,
      pickup: {
        message: 'Boa-team Soest is nu niet in dienst; uw melding wordt morgen vanaf 07:00 opgepakt.',
        safety: 'Is er nu gevaar? Bel 112. Wilt u de politie spreken zonder spoed? Bel 0900-8844.',
      },
    });
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('uw melding wordt morgen vanaf 07:00 opgepakt');
      expect(body).toContain('0900-8844');
      expect(body).not.toContain('werkvoorraad');
    }
  });

  it('leaves the safety line out when the team is at work', () => {
    const mail = renderOntvangen({
      ...base,
      pickup: { message: 'Boa-team Soest is nu in dienst en krijgt uw melding direct.', safety: null },
    });
    expect(mail.text).toContain('krijgt uw melding direct');
    expect(mail.text).not.toContain('0900-8844');
  });
});
