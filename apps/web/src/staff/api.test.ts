import { afterEach, describe, expect, it, vi } from 'vitest';
import { staffTexts } from '../texts/index.ts';
import { StaffApiError, staffApi } from './api.ts';

// The console's fetch helper parses every reply with the contract: a body that does not fit is a
// StaffApiError with a Dutch message (the pages show it), never a page that breaks on a missing field.

const session = {
  user: { id: '5f4e0d63-4c43-4f43-9a43-0e7a6a1c2b11', name: 'Test boa', role: 'boa', teams: [] },
  csrfToken: 'csrf',
  totpEnrolmentRequired: false,
};

function answer(status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(status === 204 ? null : text, { status })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('staffRequest', () => {
  it('gives back a reply that fits the contract, without fields the contract does not know', async () => {
    answer(200, { ...session, password: 'nooit' });
    expect(await staffApi.me()).toEqual(session);
  });

  it('turns a reply that does not fit into INVALID_RESPONSE with a Dutch message', async () => {
    answer(200, { ...session, user: { ...session.user, role: 'burgemeester' } });
    const error = await staffApi.me().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StaffApiError);
    expect(error).toMatchObject({
      status: 200,
      code: 'INVALID_RESPONSE',
      message: staffTexts.invalidResponse,
    });

    answer(200, '<!doctype html><p>Proxy</p>');
    await expect(staffApi.users()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('keeps dates as the ISO strings that were sent', async () => {
    const user = {
      id: '5f4e0d63-4c43-4f43-9a43-0e7a6a1c2b11',
      email: 'boa@soest.nl',
      name: 'Test boa',
      role: 'boa',
      teamIds: ['boa-team'],
      totpEnrolled: false,
      disabled: false,
      createdAt: '2026-11-26T20:30:00.000Z',
    };
    answer(200, { users: [user] });
    expect(await staffApi.users()).toEqual({ users: [user] });
  });

  it('reads a refusal with its code, message and fields; an empty answer is no body', async () => {
    answer(400, {
      statusCode: 400,
      code: 'VALIDATION',
      error: 'Bad Request',
      message: 'Controleer de velden.',
      details: [{ field: 'email', message: 'Vul een e-mailadres in.' }],
    });
    const error = await staffApi.login({ email: '', password: 'x' }).catch((err: unknown) => err);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', message: 'Controleer de velden.' });
    expect(error instanceof StaffApiError && error.fieldErrors()).toEqual({
      email: 'Vul een e-mailadres in.',
    });

    answer(502, '<html>Bad gateway</html>');
    await expect(staffApi.me()).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_502',
      message: staffTexts.serverError,
    });

    answer(204, null);
    await expect(staffApi.logout()).resolves.toBeUndefined();
  });
});
