/**
 * Every inline style of the HTML mails, in one place. Mail clients need styles inline; and the staff
 * console previews these mails inside its own page, whose CSP allows style attributes with exactly these
 * values (by hash, see the API's security headers) and no others.
 */
export const mailStyles = {
  body: 'margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff',
  container: 'max-width:600px;margin:0 auto',
  paragraph: 'margin:0 0 16px',
  heading: 'font-size:18px;margin:24px 0 8px',
  link: 'color:#01689b',
  summaryTable: 'border-collapse:collapse;margin:0 0 16px',
  summaryLabel: 'text-align:left;padding:2px 16px 2px 0;font-weight:bold',
  summaryValue: 'padding:2px 0',
  noReply: 'margin:24px 0 0;font-size:13px;color:#555',
  publicMessage: 'margin:0 0 16px;padding:8px 12px;border-left:4px solid #01689b;background:#f3f6f9',
} as const;
