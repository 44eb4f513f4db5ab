// The Dutch messages of the Web Push contract (contract/push.ts): what the console's opt-in sends.

export const pushMessages = {
  endpoint: 'Het adres van de pushdienst moet een http- of https-adres zijn.',
  key: 'De sleutel moet base64url zijn (letters, cijfers, - en _).',
  p256dh: 'De sleutel p256dh moet een openbare P-256-sleutel zijn (65 bytes, base64url).',
  auth: 'Het geheim auth moet 16 bytes zijn (base64url).',
} as const;
