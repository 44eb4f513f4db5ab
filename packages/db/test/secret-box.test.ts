import { describe, expect, it } from 'vitest';
import { SecretBox } from '../src/secret-box.ts';

describe('SecretBox', () => {
  const box = SecretBox.fromBase64(SecretBox.generateKey());

  it('opens what it sealed, for the same associated data only', () => {
    const sealed = box.seal('token-123', 'melding-a');
    expect(sealed).not.toContain('token-123');
    expect(box.open(sealed, 'melding-a')).toBe('token-123');
    expect(box.open(sealed, 'melding-b')).toBeNull();
  });

  it('refuses another key and tampered values', () => {
    const sealed = box.seal('token-123', 'm');
    const other = SecretBox.fromBase64(SecretBox.generateKey());
    expect(other.open(sealed, 'm')).toBeNull();
    const parts = sealed.split('.');
    const tampered = [parts[0], parts[1], parts[2], `A${parts[3]?.slice(1)}`].join('.');
    expect(box.open(tampered, 'm')).toBeNull();
    expect(box.open('garbage', 'm')).toBeNull();
  });

  it('rejects keys of the wrong length', () => {
    expect(() => SecretBox.fromBase64('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
