export * from './dev-mailbox.ts';
export * from './street.ts';
export * from './templates/html.ts';
export * from './templates/ontvangen.ts';
export * from './texts-nl.ts';
export * from './transport.ts';
