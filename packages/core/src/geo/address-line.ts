/** A Dutch address's house number as written: 46, 46a, 12-2 (number, letter, then "-toevoeging"). */
export function houseNumberText(parts: {
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberAddition: string | null;
}): string | null {
  if (parts.houseNumber === null) return null;
  const letter = parts.houseLetter?.trim() ?? '';
  const addition = parts.houseNumberAddition?.trim() ?? '';
  return `${parts.houseNumber}${letter}${addition ? `-${addition}` : ''}`;
}

/** "Steenhoffstraat 46a": the street with its house number (the street alone without one). */
export function streetAndNumber(parts: {
  street: string;
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberAddition: string | null;
}): string {
  const number = houseNumberText(parts);
  return number ? `${parts.street} ${number}` : parts.street;
}
