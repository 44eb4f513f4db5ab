import { getCategory } from '@buurtsignaal/core';
import type { NotificationContext } from '@buurtsignaal/db/queries/melder/notification-context';
import { renderOntvangen, streetFromAddress } from '@buurtsignaal/mail';
import { type LinkDeps, melderLinksFor } from '../melder-links.ts';
import type { PreparedMail } from './prepared-mail.ts';

/** Confirmation of receipt: always due once the melder can receive mail. */
export function prepareOntvangen(deps: LinkDeps, ctx: NotificationContext): PreparedMail {
  return ({ pickup }) => {
    const category = getCategory(ctx.category);
    const subcategory = category?.subcategories.find((s) => s.id === ctx.subcategory);
    return renderOntvangen({
      reference: ctx.reference,
      categoryLabel: category?.label ?? ctx.category,
      subcategoryLabel: subcategory?.label,
      street: streetFromAddress(ctx.addressText),
      statusUrl: melderLinksFor(deps, ctx)?.statusUrl,
      pickup,
    });
  };
}
