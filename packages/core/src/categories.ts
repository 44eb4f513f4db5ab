// Soest's categories as data. Labels, descriptions and questions are Dutch texts that residents read.
// Later a coördinator OOV manages these in the database; this file is the seed and the default.

export const categoryIds = ['jeugdoverlast', 'woonoverlast', 'verdachte_situatie'] as const;
export type CategoryId = (typeof categoryIds)[number];

export const priorities = ['normaal', 'hoog', 'spoed'] as const;
export type Priority = (typeof priorities)[number];

/** A value a resident can give as an answer (multi_choice gives a list of option values). */
export type AnswerValue = string | number | boolean | string[];

export interface QuestionOption {
  value: string;
  label: string;
}

interface QuestionBase {
  id: string;
  label: string;
  help?: string;
  required: boolean;
  /** When the answer equals this value, the form shows the 112 advice prominently. */
  triggers112?: { equals: string | number | boolean };
}

export type Question = QuestionBase &
  (
    | { type: 'choice'; options: QuestionOption[] }
    | { type: 'multi_choice'; options: QuestionOption[] }
    | { type: 'number'; min: number; max: number }
    | { type: 'boolean' }
  );

export type QuestionType = Question['type'];

export interface Subcategory {
  id: string;
  label: string;
}

export interface CategoryDefinition {
  id: CategoryId;
  label: string;
  /** One line, Dutch, shown under the label in the category picker. */
  description: string;
  show112Advice: boolean;
  /** Show the Meld Misdaad Anoniem (0800-7000) advice. */
  showAnonymousTipAdvice: boolean;
  defaultTeam: string;
  defaultPriority: Priority;
  subcategories: Subcategory[];
  questions: Question[];
}

export interface TeamSeed {
  id: string;
  name: string;
}

export const defaultTeams: readonly TeamSeed[] = [
  { id: 'boa-team', name: 'Boa-team Soest' },
  { id: 'politie-basisteam', name: 'Politie basisteam Eemland-Noord' },
];

/** [value, label] pairs as a question's options. */
const optionsOf = (pairs: readonly (readonly [string, string])[]): QuestionOption[] =>
  pairs.map(([value, label]) => ({ value, label }));

/** [id, label] pairs as a category's subcategories. */
const subcategoriesOf = (pairs: readonly (readonly [string, string])[]): Subcategory[] =>
  pairs.map(([id, label]) => ({ id, label }));

const nuGaande = (required: boolean): Question => ({
  id: 'nu_gaande',
  label: 'Is het nu aan de gang?',
  help: 'Is er nu direct gevaar? Bel dan 112.',
  type: 'boolean',
  required,
  triggers112: { equals: true },
});

const jeugdoverlast: CategoryDefinition = {
  id: 'jeugdoverlast',
  label: 'Jeugdoverlast',
  description: 'Overlast door jongeren: rondhangen, lawaai, vernieling of intimidatie.',
  show112Advice: true,
  showAnonymousTipAdvice: false,
  defaultTeam: 'boa-team',
  defaultPriority: 'normaal',
  subcategories: subcategoriesOf([
    ['hangen', 'Rondhangen'],
    ['geluid', 'Geluidsoverlast'],
    ['vernieling', 'Vernieling'],
    ['intimidatie', 'Intimidatie of bedreiging'],
    ['drugs_alcohol', 'Drugs of alcohol'],
  ]),
  questions: [
    {
      id: 'aantal_personen',
      label: 'Om hoeveel personen gaat het ongeveer?',
      type: 'number',
      min: 1,
      max: 100,
      required: false,
    },
    {
      id: 'leeftijd_indicatie',
      label: 'Hoe oud zijn ze ongeveer?',
      type: 'choice',
      required: false,
      options: optionsOf([
        ['onder_12', 'Jonger dan 12 jaar'],
        ['12_17', '12 tot 18 jaar'],
        ['18_plus', '18 jaar of ouder'],
        ['onbekend', 'Weet ik niet'],
      ]),
    },
    nuGaande(false),
  ],
};

const woonoverlast: CategoryDefinition = {
  id: 'woonoverlast',
  label: 'Woonoverlast',
  description: 'Overlast vanuit een woning: lawaai, bedreiging, drugshandel, stank of vervuiling.',
  show112Advice: true,
  showAnonymousTipAdvice: true,
  defaultTeam: 'boa-team',
  defaultPriority: 'normaal',
  subcategories: subcategoriesOf([
    ['geluid', 'Geluidsoverlast'],
    ['bedreiging', 'Bedreiging of intimidatie'],
    ['drugs_vanuit_woning', 'Drugs vanuit een woning'],
    ['vervuiling_stank', 'Vervuiling of stank'],
  ]),
  questions: [
    {
      id: 'hoe_vaak',
      label: 'Hoe vaak heeft u hier last van?',
      type: 'choice',
      required: false,
      options: optionsOf([
        ['eenmalig', 'Eenmalig'],
        ['regelmatig', 'Regelmatig'],
        ['dagelijks', 'Dagelijks'],
      ]),
    },
    nuGaande(false),
  ],
};

const verdachteSituatie: CategoryDefinition = {
  id: 'verdachte_situatie',
  label: 'Verdachte situatie',
  description: 'Iets wat niet klopt: iemand die aan deuren voelt, een auto die rondjes rijdt.',
  show112Advice: true,
  showAnonymousTipAdvice: true,
  defaultTeam: 'politie-basisteam',
  defaultPriority: 'hoog',
  subcategories: subcategoriesOf([
    ['persoon', 'Verdacht persoon'],
    ['voertuig', 'Verdacht voertuig'],
    ['woning', 'Verdachte situatie bij een woning'],
  ]),
  questions: [
    nuGaande(true),
    {
      id: 'kenmerken',
      label: 'Wat is u opgevallen?',
      help: 'Kies wat u heeft gezien. Beschrijf de details (kleding, kenteken) in uw melding.',
      type: 'multi_choice',
      required: false,
      options: optionsOf([
        ['deuren_ramen', 'Iemand voelt aan deuren of ramen'],
        ['rondkijken', 'Iemand kijkt opvallend rond bij woningen'],
        ['voertuig_rondrijden', 'Een voertuig rijdt steeds rondjes'],
        ['kenteken_gezien', 'Ik heb een kenteken gezien'],
        ['anders', 'Iets anders'],
      ]),
    },
  ],
};

export const categories: readonly CategoryDefinition[] = [jeugdoverlast, woonoverlast, verdachteSituatie];

const byId = new Map<string, CategoryDefinition>(categories.map((c) => [c.id, c]));

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && byId.has(value);
}

/** The team a melding of this category goes to when no routing rule says otherwise; undefined for an unknown category. */
export function defaultTeamOf(category: string): string | undefined {
  return byId.get(category)?.defaultTeam;
}

/**
 * Reference data as two parallel lists (category ids, their default team), e.g. for SQL that needs the
 * mapping as parameters (`($2::text[])[array_position($1::text[], category)]`).
 */
export function categoryDefaultTeams(): { categories: string[]; teams: string[] } {
  return { categories: categories.map((c) => c.id), teams: categories.map((c) => c.defaultTeam) };
}

export function getCategory(id: CategoryId): CategoryDefinition;
export function getCategory(id: string): CategoryDefinition | undefined;
export function getCategory(id: string): CategoryDefinition | undefined {
  return byId.get(id);
}
