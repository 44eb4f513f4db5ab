/** 1 → one, otherwise many: the Dutch plural of the texts. */
export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
