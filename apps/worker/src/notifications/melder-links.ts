import type { SecretBox } from '@buurtsignaal/db';
import type { NotificationContext } from '@buurtsignaal/db/queries/melder/notification-context';
import { type MelderLinks, melderLinks } from '@buurtsignaal/mail';
import type { Logger } from 'pino';

export interface LinkDeps {
  /** Without a trailing slash. */
  publicBaseUrl: string;
  statusLinkBox: SecretBox | undefined;
  logger: Logger;
}

/**
 * The melder's private links, rebuilt from the sealed status token. Undefined when there is no key, no
 * sealed token (older meldingen, anonymised) or it does not open: the mail then points to the link that
 * the melder got at intake.
 */
export function melderLinksFor(deps: LinkDeps, ctx: NotificationContext): MelderLinks | undefined {
  if (!deps.statusLinkBox || !ctx.statusTokenSealed) return undefined;
  const token = deps.statusLinkBox.open(ctx.statusTokenSealed, ctx.meldingId);
  if (token === null) {
    deps.logger.warn(
      { meldingId: ctx.meldingId },
      'sealed status token does not open; mail goes without link',
    );
    return undefined;
  }
  return melderLinks(deps.publicBaseUrl, token);
}
