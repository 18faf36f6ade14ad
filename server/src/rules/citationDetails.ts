// citation-mismatch, bibliographic details: a sentence that identifies a pack
// source and gives it another journal ("a review in The Lancet" for one in
// Lancet Psychiatry), another month or year of publication ("In January, … issued
// a report" for one published in March), or another person as the one who led
// it ("led by Dr. John Krystal" where Krystal was the senior author and Berman
// the first). Only details the pack records as verified or secondary are read;
// journals are told apart by data/lexicons/journals.json, and a journal it does
// not know is not judged.

import type { SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { EvidenceIndex } from '../core/knowledge/evidenceIndex.js';
import { isUsable } from '../core/knowledge/evidenceIndex.js';
import type { CheckedDetail, PackSource } from '../core/knowledge/evidencePack.js';
import { matcherFor, type Lexicon, type LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { ClaimAnalyzer } from '../core/analysis/claimAnalyzer.js';
import { gap, type EvidenceWords } from './evidenceClaims.js';
import type { RuleHit } from './rule.js';
import { quote } from './termMatches.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Words that make a month relative ("last January"): out of scope. */
const RELATIVE_BEFORE = /\b(?:last|next|this|every|each|early|late|mid)\s*-?\s*$/i;
/** Words before a journal that say the source appeared in it: "in The Lancet", "published in", "from JAMA". */
const IN_JOURNAL_BEFORE = /\b(?:in|from)\s+(?:the\s+)?$/i;
/** Between a study word and its journal: "a review in", "a review and analysis in", "a study from". */
const STUDY_IN_JOURNAL = /^\s*(?:and\s+[\p{L}-]+\s+)?(?:in|from)\s+(?:the\s+)?$/iu;
/** After a surname, words that make it an author: "et al.", "and colleagues", "'s team". */
const AUTHOR_AFTER = /^(?:\s+et\s+al\b|\s+and\s+(?:colleagues|co-?workers|(?:his|her|their)\s+(?:team|colleagues))|['\u2019]s\b)/;
const FILLER = /^(?:of|the|and|for|on|in|&|:)$/i;

export interface DateMention {
  start: number;
  end: number;
  year?: number;
  /** 1–12. */
  month?: number;
  day?: number;
}

/** How a source's record can be named: its journal as a lexicon entry, its dates and authors. */
export class BibliographicWords {
  private readonly journals: PhraseMatcher<LexiconEntry>;
  private readonly months: PhraseMatcher<LexiconEntry>;
  private readonly monthOf = new Map<LexiconEntry, number>();
  private readonly journalByName = new Map<string, LexiconEntry>();

  constructor(analyzer: ClaimAnalyzer, journals: Lexicon, evidenceClaims: Lexicon) {
    this.journals = analyzer.sentenceMatcher(journals, ['journal']);
    this.months = matcherFor(evidenceClaims, ['month']);
    // The month an entry stands for comes from its full name, not from where the entry sits in the file.
    for (const e of evidenceClaims.entries) {
      if (e.category !== 'month') continue;
      const month = MONTH_NAMES.findIndex((name) => e.terms.some((t) => t.toLowerCase() === name.toLowerCase())) + 1;
      if (month) this.monthOf.set(e, month);
    }
    for (const e of journals.entries) if (e.category === 'journal') for (const t of e.terms) this.journalByName.set(normalizeJournal(t), e);
  }

  /** The lexicon's entry for a journal name, if it knows the journal. */
  journalEntry(name: string): LexiconEntry | undefined {
    return this.journalByName.get(normalizeJournal(name));
  }

  /** Journals named in text, written as titles (each significant word capitalised, so "depression and anxiety" is no journal). */
  journalsIn(text: string): { start: number; end: number; text: string; entry: LexiconEntry }[] {
    return this.journals.find(text).filter((m) => m.text.split(/[\s.]+/).every((w) => !w || FILLER.test(w) || /^[\p{Lu}\d(]/u.test(w) || /^e[A-Z]/.test(w)));
  }

  /**
   * Dates written in text: "March 2017", "April 5", "5 April 2017", "In January", a year on its own. Months must be
   * capitalised and written as dates (with a day or year, or after "in"/"on"); relative months ("last January") are left out.
   */
  datesIn(text: string): DateMention[] {
    const out: DateMention[] = [];
    for (const m of this.months.find(text)) {
      if (!/^\p{Lu}/u.test(m.text)) continue;
      const month = this.monthOf.get(m.entry);
      if (!month) continue;
      const before = text.slice(0, m.start);
      const after = text.slice(m.end);
      if (RELATIVE_BEFORE.test(before)) continue;
      const dayAfter = /^\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s+cent|mg|patients|people|days|weeks|months|years))(?:,?\s+((?:19|20)\d\d)\b)?/.exec(after);
      const yearAfter = /^\.?,?\s+((?:19|20)\d\d)\b/.exec(after);
      const dayBefore = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$/.exec(before);
      const abbreviated = m.text.length < MONTH_NAMES[month - 1]!.length;
      let end = m.end;
      let start = m.start;
      let day: number | undefined;
      let year: number | undefined;
      if (dayAfter) {
        day = Number(dayAfter[1]);
        year = dayAfter[2] ? Number(dayAfter[2]) : undefined;
        end = m.end + dayAfter[0].length;
      } else if (yearAfter) {
        year = Number(yearAfter[1]);
        end = m.end + yearAfter[0].length;
      }
      if (dayBefore) {
        day = Number(dayBefore[1]);
        start = m.start - dayBefore[0].length;
      }
      // "In January", "on March 3": a bare month needs a preposition; an abbreviation ("Mar") a day or year.
      if (day === undefined && year === undefined && (abbreviated || !/\b(?:in|on|since|of|during)\s+$/i.test(before))) continue;
      if (day !== undefined && (day < 1 || day > 31)) day = undefined;
      out.push({ start, end, month, day, year });
    }
    for (const y of text.matchAll(/\b(?:19|20)\d\d\b/g)) {
      if (out.some((d) => d.start <= y.index! && y.index! < d.end)) continue;
      out.push({ start: y.index!, end: y.index! + 4, year: Number(y[0]) });
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

function normalizeJournal(name: string): string {
  return name.toLowerCase().replace(/[().,:]/g, ' ').replace(/&/g, 'and').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

/** Year, month and day of a pack date ("2017-05", "2013-12-03"). */
function parts(date: string | undefined): { year: number; month?: number; day?: number } | undefined {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(date ?? '');
  return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined } : undefined;
}

function formatDate(date: string): string {
  const p = parts(date)!;
  if (p.day && p.month) return `${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}`;
  if (p.month) return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
  return String(p.year);
}

function secondaryNote(detail: CheckedDetail): string {
  return detail.verification === 'secondary' ? ' (per a secondary source)' : '';
}

/** The surname a source's record gives for its first author, and for its last (senior) author. */
function authorsOf(source: PackSource): { first?: string; last?: string } {
  const b = source.bibliographic;
  return { first: b?.firstAuthor?.name ?? source.firstAuthor, last: b?.lastAuthor?.name };
}

// ---- Naming a source by its details ----

/**
 * Pack sources a text names by a recorded author and the year ("in 2000 by a team … led by Dr. John Krystal"), or by
 * its day of publication ("an April 5 review"), when exactly one source fits. A surname counts only written as a name
 * (capitalised, not the sentence's first word) within a short distance of the year.
 */
export function sourcesNamedByDetails(text: string, index: EvidenceIndex, words: BibliographicWords): { start: number; end: number; source: PackSource }[] {
  const out: { start: number; end: number; source: PackSource; key: string }[] = [];
  const dates = words.datesIn(text);
  const years = dates.filter((d) => d.year !== undefined);
  const days = dates.filter((d) => d.month !== undefined && d.day !== undefined);
  const { surnames, records } = recordsOf(index);
  // One pass over the text for every recorded surname, rather than one per source.
  if (years.length && surnames) {
    for (const m of text.matchAll(surnames)) {
      const surname = m[0];
      // The sentence's first word is capitalised anyway ("Short reviews…"): there it must read as an author ("Short et al.", "Sanacora and colleagues").
      if (/^\W*$/.test(text.slice(0, m.index)) && !AUTHOR_AFTER.test(text.slice(m.index! + surname.length))) continue;
      for (const record of records) {
        if (!record.surnames.includes(surname)) continue;
        const year = years.find((y) => record.years.has(y.year!) && Math.abs(y.start - m.index!) <= 120);
        if (year) out.push({ start: m.index!, end: m.index! + surname.length, source: record.source, key: `author:${surname.toLowerCase()}:${year.year}` });
      }
    }
  }
  if (days.length) {
    for (const record of records) {
      for (const p of record.days) {
        for (const d of days) {
          if (d.month === p.month && d.day === p.day && (d.year === undefined || d.year === p.year)) out.push({ start: d.start, end: d.end, source: record.source, key: `day:${d.month}-${d.day}` });
        }
      }
    }
  }
  // A name and year, or a day, that fit two sources name neither.
  return out.filter((m) => new Set(out.filter((o) => o.key === m.key).map((o) => o.source.id)).size === 1);
}

/** What of each usable source can name it in text: its authors' surnames, years and days of publication. */
interface SourceRecord {
  source: PackSource;
  surnames: string[];
  years: Set<number>;
  days: { year: number; month: number; day: number }[];
}

/** Per evidence index (built once: this is asked for every sentence that may name a source). */
const RECORDS = new WeakMap<EvidenceIndex, { surnames: RegExp | undefined; records: SourceRecord[] }>();

function recordsOf(index: EvidenceIndex): { surnames: RegExp | undefined; records: SourceRecord[] } {
  let known = RECORDS.get(index);
  if (known) return known;
  const records: SourceRecord[] = [];
  for (const source of index.allSources()) {
    if (!isUsable(source)) continue;
    const published = source.bibliographic?.published;
    const years = new Set([source.year, parts(published?.date)?.year, parts(published?.epub)?.year].filter((y): y is number => !!y));
    const { first, last } = authorsOf(source);
    const surnames = [...new Set([first, last].filter((n): n is string => !!n))];
    const days = [published?.date, published?.epub]
      .map((recorded) => parts(recorded))
      .filter((p): p is { year: number; month: number; day: number } => !!p?.day && !!p.month);
    records.push({ source, surnames, years, days });
  }
  // Longest first, so "McIntyre" is not read as a shorter surname it begins with.
  const all = [...new Set(records.flatMap((r) => r.surnames))].sort((a, b) => b.length - a.length);
  const surnames = all.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  known = { surnames, records };
  RECORDS.set(index, known);
  return known;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- The checks ----

/**
 * A journal, date or lead author the sentence gives a source it clearly identifies (one pack source, cited or named),
 * that the source's record contradicts.
 */
export function bibliographicHits(facts: SentenceFacts, source: PackSource, name: string, words: EvidenceWords, bib: BibliographicWords): RuleHit[] {
  if (!source.bibliographic) return [];
  return [journalHit(facts, source, name, words, bib), dateHit(facts, source, name, words, bib), leadHit(facts, source, name, words)].filter((h): h is RuleHit => !!h);
}

function journalHit(facts: SentenceFacts, source: PackSource, name: string, words: EvidenceWords, bib: BibliographicWords): RuleHit | undefined {
  const journal = source.bibliographic?.journal;
  if (!journal) return undefined;
  const own = [journal.name, ...(journal.aliases ?? [])].map((n) => bib.journalEntry(n)).find((e) => !!e);
  if (!own) return undefined;
  const inCitation = (m: { start: number }) => facts.citations.some((c) => c.start - facts.sentence.start <= m.start && m.start < c.end - facts.sentence.start);
  const named = bib.journalsIn(facts.text).filter((m) => !inCitation(m));
  // One journal, said to be where the source appeared; two journals in a sentence are not judged.
  if (new Set(named.map((m) => m.entry)).size !== 1) return undefined;
  const m = named[0]!;
  if (m.entry === own || !IN_JOURNAL_BEFORE.test(facts.text.slice(Math.max(0, m.start - 30), m.start))) return undefined;
  const at = facts.sentence.start;
  // Said to be where the source appeared: "published in", "a review (and analysis) in"; "discussed in The Lancet" is not.
  const span = { start: at + m.start, end: at + m.end };
  const before = (c: { start: number; end: number }, most: number) => c.end <= span.start && gap(facts, c, span).sameClause && gap(facts, c, span).words <= most;
  const tied = words.find(facts, 'publication').some((c) => before(c, 8)) || words
      .find(facts, 'study-mention', 'design-review', 'design-meta-analysis', 'design-name')
      .some((c) => c.end <= span.start && STUDY_IN_JOURNAL.test(facts.text.slice(c.end - at, m.start)));
  if (!tied) return undefined;
  // The journal's full title where the record gives one ("The Lancet Psychiatry" rather than "Lancet Psychiatry").
  const title = [journal.name, ...(journal.aliases ?? [])].reduce((a, b) => (b.length > a.length ? b : a));
  return {
    start: at + m.start,
    end: at + m.end,
    message: `${name} appeared in ${title}${secondaryNote(journal)}, not ${m.text}.`,
    suggestions: [{ title: `Name the journal: ${title}`, replacement: title }],
    evidenceIds: [source.id],
  };
}

function dateHit(facts: SentenceFacts, source: PackSource, name: string, words: EvidenceWords, bib: BibliographicWords): RuleHit | undefined {
  const published = source.bibliographic?.published;
  const print = parts(published?.date);
  if (!published || !print) return undefined;
  const epub = parts(published.epub);
  const at = facts.sentence.start;
  const publication = words.find(facts, 'publication');
  const studies = words.find(facts, 'study-mention', 'design-review', 'design-meta-analysis', 'design-name');
  const inCitation = (d: DateMention) => facts.citations.some((c) => c.start - at <= d.start && d.start < c.end - at) || /^[^(]*\)/.test(facts.text.slice(d.end)) && /\([^)]*$/.test(facts.text.slice(0, d.start));
  for (const d of bib.datesIn(facts.text)) {
    if (inCitation(d)) continue;
    const span = { start: at + d.start, end: at + d.end };
    // The date is the source's: a word of publication in its clause ("issued", "published in"), or it qualifies a study word ("an April 5 review", "a 2019 trial").
    const byPublication = publication.some((p) => gap(facts, p, span).sameClause && gap(facts, p, span).words <= 12);
    const qualifies = studies.some((s) => s.start >= span.end && gap(facts, span, s).words <= 3 && gap(facts, span, s).sameClause);
    const leads = d.month !== undefined && /^\W*$/.test(facts.text.slice(0, d.start).replace(/\b(?:in|on)\b/gi, '')) && publication.length > 0;
    if (!byPublication && !qualifies && !leads) continue;
    const years = new Set([print.year, epub?.year].filter((y): y is number => !!y));
    let wrong = false;
    if (d.year !== undefined && !years.has(d.year)) wrong = true;
    if (!wrong && d.month !== undefined && print.month !== undefined) {
      const fits = [print, epub].some((p) => p && p.month === d.month && (d.year === undefined || p.year === d.year));
      if (!fits) wrong = true;
    }
    if (!wrong) continue;
    const when = published.epub ? `${formatDate(published.epub)} online and ${formatDate(published.date)} in print` : formatDate(published.date);
    return {
      ...span,
      message: `${name} was published ${parts(published.epub ?? published.date)?.day ? 'on ' : 'in '}${when}${secondaryNote(published)}, not ${quote(facts.text.slice(d.start, d.end))}.`,
      suggestions: [],
      evidenceIds: [source.id],
    };
  }
  return undefined;
}

/** "led by Dr. John Krystal", "lead researcher Paul Pfeiffer": the person a sentence credits with leading the study. */
const PERSON_AFTER = /^\s*,?\s*(?:(?:Dr|Prof|Professor|Doctor)\.?\s+)?((?:\p{Lu}[\p{L}'\u2019-]*\.?\s+){0,3}\p{Lu}[\p{L}'\u2019-]+)/u;

function leadHit(facts: SentenceFacts, source: PackSource, name: string, words: EvidenceWords): RuleHit | undefined {
  const b = source.bibliographic;
  const first = b?.firstAuthor;
  const last = b?.lastAuthor;
  // Only a senior author the record names, credited with leading a study whose record names another first author.
  if (!first || !last || first.name.toLowerCase() === last.name.toLowerCase()) return undefined;
  const at = facts.sentence.start;
  for (const cue of words.find(facts, 'lead-role')) {
    const m = PERSON_AFTER.exec(facts.text.slice(cue.end - at));
    if (!m) continue;
    const surname = m[1]!.trim().split(/\s+/).pop()!;
    if (surname.toLowerCase() !== last.name.toLowerCase()) continue;
    const start = cue.end + m.index + m[0].indexOf(m[1]!);
    return {
      start,
      end: start + m[1]!.length,
      message: `${name} was led by its first author, ${first.name}${secondaryNote(first)}; ${last.name} was its senior (last) author${secondaryNote(last)}.`,
      suggestions: [],
      evidenceIds: [source.id],
    };
  }
  return undefined;
}
