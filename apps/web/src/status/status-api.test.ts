import { describe, expect, it } from 'vitest';
import { parseMelderStatus } from './status-api.ts';

const body = {
  reference: 'SOE-2026-000123',
  category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
  subcategory: { id: 'geluid', label: 'Geluidsoverlast' },
  createdAt: '2026-11-26T20:30:00.000Z',
  status: { code: 'in_behandeling', label: 'In behandeling' },
  timeline: [
    { at: '2026-11-27T08:00:00.000Z', status: 'In behandeling', message: 'We kijken ernaar.\nTot snel.' },
    { at: '2026-11-26T20:30:00.000Z', status: 'Ontvangen', message: null },
  ],
  question: null,
  feedbackOpen: false,
};

describe('parseMelderStatus', () => {
  it('keeps the melder view as sent', () => {
    expect(parseMelderStatus(body)).toEqual(body);
  });

  it('drops fields the page does not know, so nothing unexpected is shown', () => {
    const parsed = parseMelderStatus({ ...body, email: 'melder@example.nl', location: { lat: 52, lng: 5 } });
    expect(parsed).toEqual(body);
  });

  it('takes feedbackOpen as true only when it is true', () => {
    expect(parseMelderStatus({ ...body, feedbackOpen: true })?.feedbackOpen).toBe(true);
    expect(parseMelderStatus({ ...body, feedbackOpen: 'ja' })?.feedbackOpen).toBe(false);
    const { feedbackOpen: _, ...withoutFeedback } = body;
    expect(parseMelderStatus(withoutFeedback)?.feedbackOpen).toBe(false);
  });

  it('keeps a well-formed question and drops a malformed one', () => {
    const question = { text: 'Om hoe laat?', askedAt: '2026-11-27T08:00:00.000Z', open: true };
    expect(parseMelderStatus({ ...body, question })?.question).toEqual(question);
    expect(parseMelderStatus({ ...body, question: { text: 'Om hoe laat?' } })?.question).toBeNull();
    const { question: _, ...withoutQuestion } = body;
    expect(parseMelderStatus(withoutQuestion)?.question).toBeNull();
  });

  it('accepts a melding without subcategory', () => {
    const { subcategory: _, ...rest } = body;
    expect(parseMelderStatus(rest)).toEqual(rest);
  });

  it('rejects what is not a melder view', () => {
    expect(parseMelderStatus(null)).toBeNull();
    expect(parseMelderStatus('<!doctype html>')).toBeNull();
    expect(parseMelderStatus({ ...body, status: 'in_behandeling' })).toBeNull();
    expect(parseMelderStatus({ ...body, timeline: [{ at: 'x', status: 'Ontvangen' }] })).toBeNull();
  });
});
