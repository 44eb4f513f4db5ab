// A Dutch postcode (1234 AB, also without the space); residents type it in every position.
const postcode = /\b\d{4}\s?[A-Za-z]{2}\b/g;

/**
 * The street of an address text, without house number, addition, postcode or place:
 * "Steenhoffstraat 46a, 3764 BM Soest" → "Steenhoffstraat". E-mails and other texts that leave the
 * system show no more than the street. When in doubt, this removes too much rather than too little.
 */
export function streetFromAddress(addressText: string | null | undefined): string | undefined {
  if (!addressText) return undefined;
  const firstPart = (addressText.split(',')[0] ?? '').replace(postcode, ' ').replace(/\s+/g, ' ').trim();
  // Everything from the first number that follows a word: the house number and whatever comes after
  // it. A street may start with a number ("2e Hogeweg"), so the first word is kept.
  const street = firstPart.replace(/^(\S+(?:\s+\D\S*)*?)\s+\d.*$/, '$1').trim();
  if (!street || (/^\d/.test(street) && !/^\d+e\s/i.test(street))) return undefined;
  return street;
}
