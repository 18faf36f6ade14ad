// Quantities in a sentence: percentages, "8 of 28", ranges, confidence
// intervals, effect sizes, multiples, durations, counts, years, doses.

import type { NumberMention } from '../types.js';

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, half: 0.5, several: 3, few: 2, 'a few': 2, many: 6,
};
/** "seventy-five", "eighty five": a tens word and a unit, as spelled-out percentages are written. */
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:${TENS})(?:[\s-](?:${UNITS})\b)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const NUMBER_GATE = /\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety/i;
const PERCENT_GATE = /%|percent|per cent/i;
const UNIT_DAYS: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

interface Pattern {
  kind: NumberMention['kind'];
  /** A cheap test the text must pass before the full pattern runs: most sentences hold no quantity of most kinds. */
  gate: RegExp;
  regex: RegExp;
  read: (m: RegExpExecArray) => Partial<NumberMention>;
}

const PATTERNS: Pattern[] = [
  { kind: 'ci', gate: /\bci\b|confidence/i, regex: /\b95\s?%\s?(?:CI|confidence interval)\b[^;)]*|\bconfidence intervals?\b/gi, read: () => ({}) },
  {
    kind: 'range',
    gate: PERCENT_GATE,
    regex: new RegExp(String.raw`\b(${NUM})\s?(?:%|percent|per cent)?\s?(?:-|\u2013|\u2014|to)\s?(${NUM})\s?(%|percent|per cent)`, 'gi'),
    read: (m) => ({ value: toNumber(m[1]!), max: toNumber(m[2]!), unit: '%' }),
  },
  { kind: 'percent', gate: PERCENT_GATE, regex: new RegExp(String.raw`\b(${NUM})\s?(%|percent\b|per cent\b)`, 'gi'), read: (m) => ({ value: toNumber(m[1]!), unit: '%' }) },
  {
    kind: 'fraction',
    gate: NUMBER_GATE,
    regex: new RegExp(String.raw`\b(${NUM})\s+(?:out\s+of|of|in)\s+(?:every\s+|our\s+|the\s+|their\s+|its\s+)?(${NUM})\b(?!\s*(?:%|percent|mg|days?|weeks?|months?|years?|hours?))`, 'gi'),
    read: (m) => {
      const a = toNumber(m[1]!);
      const b = toNumber(m[2]!);
      return b > 0 && a <= b ? { value: (a / b) * 100, unit: '%' } : {};
    },
  },
  {
    // A share in words: "about a third of patients", "two-thirds of users", "half of those treated"; not a part of an hour, a dose or a price.
    kind: 'fraction',
    gate: /half|third|quarter|fifth/i,
    regex: /\b(half|(?:a|one|two)[\s-]+thirds?|(?:a|one|three)[\s-]+quarters?|(?:a|one|two|three|four)[\s-]+fifths?)(?=\s+of\b(?!\s+(?:an?\s+|the\s+|each\s+|every\s+)?(?:hour|minute|day|week|month|year|time|dose|price|cost|amount|mg|cup|glass|tablet|pill|capsule)s?\b))/gi,
    read: (m) => ({ value: wordFraction(m[1]!), unit: '%' }),
  },
  {
    kind: 'effect-size',
    gate: /effect|hedges|cohen|smd|standardi|ratio|nnt|needed|=/i,
    regex: /\b(?:effect sizes?|hedges'? g|cohen'?s d|SMD|standardi[sz]ed mean difference|odds ratio|risk ratio|hazard ratio|NNT|number needed to treat|\b[dg]\s?=|\bOR\s?=|\bRR\s?=|\bHR\s?=|\u03b2\*?\s?=)/gi,
    read: () => ({}),
  },
  { kind: 'p-value', gate: /[<=>\u2264]/, regex: /\bp\s?[<=>\u2264]\s?0?\.\d+/gi, read: () => ({}) },
  {
    kind: 'multiple',
    // "twice as likely", "three times less likely", "half as likely", "five times as often"; and a risk that "doubles" or is "halved".
    gate: /twice|double|triple|half|halve|quadruple|x\s|times|fold/i,
    regex: new RegExp(
      String.raw`\b(twice|double|triple|half(?=\s+as\b)|(?:${NUM})\s?(?:x|times|-fold|fold))\s+(?:as|more|less|higher|lower|faster|slower|better|worse|greater|smaller|fewer|likely|likelier|the)\b|\b(doubles|doubled|doubling|triples|tripled|quadruples|quadrupled|halves|halved|halving)\b`,
      'gi',
    ),
    read: (m) => {
      const head = (m[1] ?? m[2]!).toLowerCase();
      if (/^half|^halv/.test(head)) return { value: 0.5 };
      if (/^(?:twice|doubl)/.test(head)) return { value: 2 };
      if (/^tripl/.test(head)) return { value: 3 };
      if (/^quadrupl/.test(head)) return { value: 4 };
      const times = toNumber(head.replace(/\s?(x|times|-fold|fold)$/i, ''));
      // "three times less likely" is a third as likely.
      return { value: /\s(?:less|lower|slower|smaller|fewer)$/i.test(m[0]) && times > 0 ? 1 / times : times };
    },
  },
  {
    // A count per period: "six to eight colds a year", "up to ten ear infections a year", "3 migraines a month". Whether
    // what is counted is an illness (a rate) or a schedule ("two cups a day", "40 patients a week") is the reader's call.
    kind: 'rate',
    gate: /\b(?:a|per|each|every)\s+(?:year|month|week|day)\b/i,
    regex: new RegExp(String.raw`\b(${NUM})(?:\s?(?:-|\u2013|to)\s?(${NUM}))?\s+((?:(?!(?:mg|mcg|ml|iu|g|times|hours?|minutes?|days?|weeks?|months?|years?)\b)[\p{L}-]+\s+){1,3}?)(?:a|per|each|every)\s+(year|month|week|day)\b`, 'giu'),
    read: (m) => ({ value: toNumber(m[1]!), ...(m[2] ? { max: toNumber(m[2]) } : {}), unit: `per ${m[4]!.toLowerCase()}` }),
  },
  {
    kind: 'duration',
    gate: /minute|hour|day|week|month|year|perman|forever|for good|for life|lifelong|long-term|long-lasting|lasting/i,
    regex: new RegExp(String.raw`\b(?:(${NUM}|a few|several|a couple of|many|half an?|an?)\s?[-\u2013]?\s?)(?:(?:full|whole|entire)\s+)?(minutes?|hours?|days?|weeks?|months?|years?)\b|\b(?:for|within|over|after|lasting)\s+(minutes|hours|days|weeks|months|years)\b|\b(permanently|permanent|forever|for good|for life|lifelong|long-term|long-lasting|lasting)\b`, 'gi'),
    read: (m) => {
      // Groups: 1 count, 2 unit ("six months", "a full year"); 3 unit after "for"/"within" ("for months"); 4 a word for ever ("permanently").
      if (m[4]) return { value: Infinity, unit: 'days' };
      const unit = (m[2] ?? m[3] ?? '').toLowerCase().replace(/s$/, '');
      const count = m[1] ? toNumber(m[1]) : m[3] ? 2 : 1;
      return { value: count * (UNIT_DAYS[unit] ?? 1), unit: 'days' };
    },
  },
  { kind: 'dose', gate: /\d/, regex: /\b\d+(?:\.\d+)?\s?(?:mg\/kg|mg|mcg|\u00b5g|ml|mL|IU|ng\/mL)\b/g, read: () => ({}) },
  {
    // "24 patients", and a part of a group named before: "8 of them", "of those 8, only 4".
    kind: 'count',
    gate: /\d/,
    regex:
      /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:[a-z-]+\s+){0,2}(patients|people|participants|adults|veterans|subjects|volunteers|women|men|children|trials|studies|RCTs|reviews|articles|clinics|infusions|sessions|treatments|doses)\b|(?:out\s+)?of\s+(?:them|those|these)\b)|\bof\s+(?:those|these|the)\s+\d+,\s+(?:only\s+|just\s+)?(\d+)\b/gi,
    read: (m) => ({ value: toNumber(m[1] ?? m[3]!) }),
  },
  { kind: 'year', gate: /\d/, regex: /\b(19[5-9]\d|20[0-4]\d)\b/g, read: (m) => ({ value: Number(m[1]) }) },
];

export function findNumbers(text: string, offset: number): NumberMention[] {
  const found: NumberMention[] = [];
  for (const p of PATTERNS) {
    if (!p.gate.test(text)) continue;
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(text); m; m = p.regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // A quantity already read overlaps this one ("26-71%" covers "71%"; "8 of 28 patients" is one fraction).
      if (found.some((f) => f.start < offset + end && offset + start < f.end)) continue;
      found.push({ kind: p.kind, start: offset + start, end: offset + end, text: m[0], ...p.read(m) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const FRACTION_WORDS: Record<string, number> = { half: 1 / 2, third: 1 / 3, quarter: 1 / 4, fifth: 1 / 5 };

/** "two-thirds" as a percentage (66.7). */
function wordFraction(words: string): number {
  const [count, part] = words.toLowerCase().split(/[\s-]+/);
  if (!part) return 50;
  return (count === 'a' ? 1 : toNumber(count!)) * (FRACTION_WORDS[part.replace(/s$/, '')] ?? 0) * 100;
}

export function toNumber(word: string): number {
  const w = word.toLowerCase().trim();
  if (w in WORD_NUMBERS) return WORD_NUMBERS[w]!;
  if (/^half an?$/.test(w)) return 0.5;
  const compound = /^([a-z]+)[\s-]([a-z]+)$/.exec(w);
  if (compound && compound[1]! in WORD_NUMBERS && compound[2]! in WORD_NUMBERS) return WORD_NUMBERS[compound[1]!]! + WORD_NUMBERS[compound[2]!]!;
  return Number(w.replace(/,/g, ''));
}

/** Quantities that express a magnitude of benefit or harm, as opposed to dates, doses and counts. */
export function isMagnitude(n: NumberMention): boolean {
  return n.kind === 'percent' || n.kind === 'fraction' || n.kind === 'range' || n.kind === 'ci' || n.kind === 'effect-size' || n.kind === 'multiple' || n.kind === 'p-value';
}

/** An age range a text gives for the people it is about, in years, with where it stands. */
export interface AgeRange {
  low: number;
  high: number;
  start: number;
  end: number;
}

const OLDEST = 120;
/** "aged 30–50", "ages 18 to 65", "30-50 years old", "aged 65 and over", "aged 65+": the ages a study enrolled. */
const AGE_RANGE = /\b(?:aged|ages?|age range)\s+(\d{1,3})\s*(?:[-\u2010-\u2015]|to)\s*(\d{1,3})\b|\b(\d{1,3})\s*(?:[-\u2010-\u2015]|to)\s*(\d{1,3})\s*(?:years?\s+old|years\s+of\s+age|-?year-olds)\b|\baged\s+(\d{1,3})\s*(?:\+|and\s+(?:over|older|above)|or\s+(?:over|older|above))/gi;

export function ageRanges(text: string): AgeRange[] {
  const out: AgeRange[] = [];
  for (const m of text.matchAll(AGE_RANGE)) {
    const [low, high] = m[1] ? [Number(m[1]), Number(m[2])] : m[3] ? [Number(m[3]), Number(m[4])] : [Number(m[5]), OLDEST];
    if (low <= high && high <= OLDEST) out.push({ low, high, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
