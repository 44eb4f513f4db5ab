// The Dutch names of the weekdays (ISO order, Monday first) and the months, written once for every
// text that names a day: the melder's pick-up sentence, routing rules, the roster advice, the console.

export const weekdayNamesNl = [
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
] as const;

export const monthNamesNl = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;
