// Shared by the two evidence rules (evidence-mismatch, citation-mismatch):
// the evidence-claims vocabulary by slot, which pack intervention a cue is
// about, which sources a sentence cites, and superiority claims checked
// against a finding's direction.

import { CLAUSE_JOIN, isAttributed, isNegated, wordCount, type ClaimAnalyzer, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { DocumentContext } from '../core/documentContext.js';
import type { EvidenceIndex } from '../core/knowledge/evidenceIndex.js';
import { isUsable, sourceShortName } from '../core/knowledge/evidenceIndex.js';
import type { PackFinding, PackSource } from '../core/knowledge/evidencePack.js';
import { matcherFor, type Lexicon, type LexiconEntry } from '../core/knowledge/lexicons.js';
import { PhraseScanner, type PhraseMatcher } from '../core/text/phrases.js';
import type { Cue, InterventionMention, Span } from '../core/types.js';
import type { RuleHit } from './rule.js';
import { quote } from './termMatches.js';

export type Slot =
  | 'outcome-remission'
  | 'outcome-response'
  | 'outcome-improvement'
  | 'time-period'
  | 'comparison-arm'
  | 'general-outcome'
  | 'effect-size'
  | 'outcome-duration'
  | 'outcome-duration-weak'
  | 'duration-permanent'
  | 'timepoint-onset'
  | 'regimen-single'
  | 'regimen-course'
  | 'regimen-maintenance'
  | 'session-noun'
  | 'treatment-choice'
  | 'approval-announcement'
  | 'share-100'
  | 'share-95'
  | 'share-51'
  | 'approval'
  | 'approval-plain'
  | 'regulator'
  | 'approval-other-indication'
  | 'scope-any'
  | 'scope-any-person'
  | 'scope-general'
  | 'approval-widened'
  | 'share-rare'
  | 'permission'
  | 'someone-else'
  | 'later-time'
  | 'population-minor'
  | 'status-standard'
  | 'bound-lower'
  | 'bound-lower-hedged'
  | 'bound-upper'
  | 'superiority'
  | 'route-exclusive'
  | 'care-setting'
  | 'change-not-share'
  | 'design-meta-analysis'
  | 'design-randomized'
  | 'design-controlled'
  | 'design-human'
  | 'species-animal'
  | 'design-uncontrolled'
  | 'design-single-case'
  | 'design-survey'
  | 'design-clinical-trial'
  | 'design-trial-plain'
  | 'source-null-outcome-after'
  | 'source-null-outcome-before'
  | 'null-outcome-generic'
  | 'design-size-large'
  | 'design-review'
  | 'study-mention'
  | 'clinical-effect'
  | 'design-name'
  | 'led-to'
  | 'responders'
  | 'among-responders'
  | 'published-between'
  | 'publication'
  | 'lead-role'
  | 'month'
  | 'source-uncertain'
  | 'settled-claim'
  | 'reference'
  | 'hedge-modal'
  | 'hedge-tentative'
  | 'design-other'
  | 'design-position'
  | 'population-chronic'
  | 'population-episodic'
  | 'comparator-generic'
  | 'determiner'
  | 'design-double-blind'
  | 'design-blind-partial'
  | 'design-placebo-claim'
  | 'design-no-placebo'
  | 'comparison-equivalence'
  | 'comparator-universal'
  | 'comparison-source'
  | 'comparator-active'
  | 'comparator-adjunct'
  | 'design-observational'
  | 'causal-risk'
  | 'continued'
  | 'source-length-word'
  | 'species-animal-exception'
  | 'scope-restricted'
  | 'benefit-result'
  | 'prior-treatment-single'
  | 'cohort-infants'
  | 'cohort-children'
  | 'cohort-teenagers'
  | 'cohort-adults'
  | 'cohort-older'
  | 'cohort-pregnant'
  | 'cohort-not-pregnant'
  | 'cohort-women'
  | 'cohort-men'
  | 'cohort-postmenopausal'
  | 'cohort-premenopausal'
  | 'dose-all-claim'
  | 'dose-low-claim'
  | 'dose-limited-high'
  | 'dose-limited-low'
  | 'comparison-equivalence-weak'
  | 'comparator-stated'
  | 'approval-basis-after'
  | 'comparison-verb';

export interface SlotCue extends Cue {
  slot: Slot;
}

/** The evidence-claims lexicon, one matcher per slot (a word may fill several slots: "begins working" is response and onset). */
export class EvidenceWords {
  /** For the sentence: matched in the analyzer's one pass over it, with every other lexicon. */
  private readonly sentenceMatchers = new Map<Slot, PhraseMatcher<LexiconEntry>>();
  /** For other text (footnotes, reference entries, design notes): one pass serves every slot. */
  private readonly textMatchers = new Map<Slot, PhraseMatcher<LexiconEntry>>();
  // Footnotes and source summaries are read again for every sentence that cites them.
  private readonly textScanner = new PhraseScanner(500);

  /**
   * `references`: the words that stand for the treatment being discussed ("it", "this treatment"), read as the slot 'reference';
   * `hedges`: modal hedges ("may") and tentative verbs ("suggests"), read as 'hedge-modal' and 'hedge-tentative'.
   */
  constructor(analyzer: ClaimAnalyzer, lexicon: Lexicon, references?: Lexicon, hedges?: Lexicon) {
    const sources: [Slot, Lexicon, string][] = [...new Set(lexicon.entries.map((e) => e.category ?? ''))].map((slot) => [slot as Slot, lexicon, slot]);
    if (references) sources.push(['reference', references, 'pronoun']);
    if (hedges) sources.push(['hedge-modal', hedges, 'modal'], ['hedge-tentative', hedges, 'tentative-verb']);
    for (const [slot, source, category] of sources) {
      this.sentenceMatchers.set(slot, analyzer.sentenceMatcher(source, [category]));
      this.textMatchers.set(slot, matcherFor(source, [category], this.textScanner));
    }
  }

  /** Cues of the slots in the sentence, in source offsets. */
  find(facts: SentenceFacts, ...slots: Slot[]): SlotCue[] {
    const at = facts.sentence.start;
    return slots.flatMap((slot) => (this.sentenceMatchers.get(slot)?.find(facts.text) ?? []).map((m) => ({ start: at + m.start, end: at + m.end, cue: m.text, slot })));
  }

  /** Whether the sentence has a word of any of the slots. */
  any(facts: SentenceFacts, ...slots: Slot[]): boolean {
    return slots.some((slot) => (this.sentenceMatchers.get(slot)?.find(facts.text).length ?? 0) > 0);
  }

  /** Whether plain text (a footnote, a reference entry, a design note) has a word of the slot. */
  test(text: string, slot: Slot): boolean {
    return this.textMatchers.get(slot)?.test(text) ?? false;
  }

  findIn(text: string, slot: Slot): readonly { start: number; end: number; text: string }[] {
    return this.textMatchers.get(slot)?.find(text) ?? [];
  }

  /** The lexicon entries of the slot that occur in plain text: one entry is one class of words ("ECT", "electroconvulsive therapy"). */
  entriesIn(text: string, slot: Slot): readonly LexiconEntry[] {
    return (this.textMatchers.get(slot)?.find(text) ?? []).map((m) => m.entry);
  }
}

/** The hits in source order, each dropped when it overlaps one listed before it (the checks are listed by priority). */
export function firstOfOverlapping(candidates: readonly (RuleHit | undefined)[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const hit of candidates) if (hit && !hits.some((h) => h.start < hit.end && hit.start < h.end)) hits.push(hit);
  return hits.sort((a, b) => a.start - b.start);
}

/** Words between two source offsets of the sentence, and whether a clause break separates them. */
export function gap(facts: SentenceFacts, a: Span, b: Span): { words: number; sameClause: boolean } {
  const at = facts.sentence.start;
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  const between = facts.text.slice(Math.max(first.end, first.start) - at, Math.max(second.start, first.end) - at);
  return { words: wordCount(between), sameClause: !CLAUSE_JOIN.test(between) };
}

/**
 * Words that say a benefit lasts or persists: "keeps working", "sustained" on
 * their own; "lasts", "persisted", "maintained" only with a benefit word in the
 * same clause ("the relief lasts for months", not "the programme lasts three months").
 */
export function durationCues(facts: SentenceFacts, words: EvidenceWords): SlotCue[] {
  const benefit = words.find(facts, 'clinical-effect', 'outcome-improvement', 'outcome-response', 'outcome-remission');
  const weak = words.find(facts, 'outcome-duration-weak').filter((c) => benefit.some((b) => gap(facts, b, c).sameClause && gap(facts, b, c).words <= 8));
  return [...words.find(facts, 'outcome-duration'), ...weak].sort((a, b) => a.start - b.start);
}

/** A pack intervention id and every id whose evidence also speaks for it: itself, then its family. */
export function interventionChain(index: EvidenceIndex, id: string): string[] {
  const own = index.intervention(id);
  if (!own) return [];
  return own.family && own.family !== id ? [id, own.family] : [id];
}

/**
 * The interventions a family's evidence covers: the family entry and the
 * members made of the same molecule ("ketamine" covers IV and oral racemic
 * ketamine, not esketamine or R-ketamine, which are other molecules).
 */
export function familyMembers(index: EvidenceIndex, family: string): string[] {
  const head = index.intervention(family);
  return index.packs.flatMap((p) =>
    p.interventions.filter((i) => i.id === family || (i.family === family && (!head?.molecule || i.molecule === head.molecule))).map((i) => i.id),
  );
}

/**
 * The treatment a cue is about: the nearest intervention named before it in its
 * clause (any intervention, so "antidepressants, which take six weeks" is not
 * read as ketamine), else the first one named after it, else the treatment
 * earlier sentences were about. Only pack interventions are returned.
 */
export function interventionFor(facts: SentenceFacts, cue: Span, index: EvidenceIndex): InterventionMention | undefined {
  const mentions = facts.interventions.filter((i) => !namesKindOfEffect(facts, i)).map((i) => standsForTopic(facts, i, index));
  const before = mentions.filter((i) => i.end <= cue.start && gap(facts, i, cue).sameClause).sort((a, b) => b.end - a.end)[0];
  const after = mentions.find((i) => i.start >= cue.end);
  const earlier = mentions.filter((i) => i.start < cue.start).sort((a, b) => b.end - a.end)[0];
  const chosen = before ?? after ?? earlier ?? topicIntervention(facts, index);
  return chosen && index.intervention(chosen.id) ? chosen : undefined;
}

/** "the antidepressant effect", "its anti-inflammatory action": a drug-class word before an effect noun names a kind of effect, not a treatment. */
const EFFECT_NOUN_AFTER = /^\s+(?:effects?|action|actions|activity|properties|property|benefits?|response)\b/i;

function namesKindOfEffect(facts: SentenceFacts, mention: InterventionMention): boolean {
  if (!isHere(mention) || mention.via !== 'name') return false;
  const at = facts.sentence.start;
  return EFFECT_NOUN_AFTER.test(facts.text.slice(mention.end - at, mention.end - at + 14));
}

/** The pack treatment earlier sentences were about, if the last treatment named was it or a generic word for it ("the infusions"). */
export function topicIntervention(facts: SentenceFacts, index: EvidenceIndex): InterventionMention | undefined {
  const topic = facts.topic.intervention;
  if (!topic) return undefined;
  const resolved = index.intervention(topic.id) ? topic : standsFor(topic, facts.topic.packIntervention, index);
  // Named in an earlier sentence: it has no place in this one.
  return resolved && { ...resolved, start: NOT_HERE, end: NOT_HERE, via: 'reference' };
}

/**
 * "Ketamine is given through an IV drip for depression. It's FDA-approved for depression now.": a sentence that opens with
 * "it", whose topic is a treatment no pack knows (the drip), stands for the one pack treatment the sentence just before it
 * in the same paragraph named ("ketamine"). Only then: with another pack treatment named there, or the paragraph's earlier
 * sentence none, "it" is left unresolved.
 */
export function pronounPackTopic(facts: SentenceFacts, document: DocumentContext, index: EvidenceIndex): InterventionMention | undefined {
  const pack = facts.topic.packIntervention;
  if (!pack || facts.interventions.length || topicIntervention(facts, index)) return undefined;
  // "It", "It's", "It’s" as the sentence's first word (the tokenizer reads a contraction as one word).
  if (!/^\s*it(?:['\u2019]s)?\s/i.test(facts.text)) return undefined;
  const block = document.block;
  const before = block.prose.slice(0, Math.max(0, facts.sentence.start - block.start));
  // The sentence just before: from the last full stop before this one.
  const previous = /(?:^|[.!?]\s)([^.!?]*[.!?]?\s*)$/.exec(before)?.[1] ?? '';
  if (!previous.trim()) return undefined;
  const related = new Set(interventionChain(index, pack.id).flatMap((id) => familyMembers(index, id)));
  const named = index.packs.flatMap((p) => p.interventions).filter((i) => [i.name, ...i.aliases].some((a) => new RegExp(`(?:^|[^\\p{L}-])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}-])`, 'iu').test(previous)));
  if (!named.length || named.some((i) => !related.has(i.id) && !interventionChain(index, i.id).includes(pack.id))) return undefined;
  return { ...pack, start: NOT_HERE, end: NOT_HERE, via: 'reference' };
}

/** The offset of a treatment named outside the sentence (the topic). */
export const NOT_HERE = -1;

/** Whether a mention is in the sentence (not the topic carried from an earlier one). */
export function isHere(mention: Span): boolean {
  return mention.start !== NOT_HERE;
}

/**
 * A generic word for how the topic's treatment is given ("a single infusion",
 * "the therapy") stands for the topic when the topic's names use it
 * ("ketamine infusion", "ketamine therapy"); "antidepressants" does not.
 */
export function standsForTopic(facts: SentenceFacts, mention: InterventionMention, index: EvidenceIndex): InterventionMention {
  if (index.intervention(mention.id)) return mention;
  return standsFor(mention, facts.topic.packIntervention, index) ?? mention;
}

const standsForCache = new WeakMap<EvidenceIndex, Map<string, boolean>>();

function standsFor(mention: InterventionMention, topic: InterventionMention | undefined, index: EvidenceIndex): InterventionMention | undefined {
  if (!topic || !index.intervention(topic.id)) return undefined;
  const word = mention.name.toLowerCase();
  let cache = standsForCache.get(index);
  if (!cache) standsForCache.set(index, (cache = new Map()));
  const key = `${topic.id}\u0000${word}`;
  let uses = cache.get(key);
  if (uses === undefined) {
    const chain = interventionChain(index, topic.id);
    const names = familyMembers(index, chain[chain.length - 1]!).flatMap((id) => index.intervention(id)?.aliases ?? []);
    const pattern = new RegExp(`(?:^|\\s)${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`);
    uses = names.some((a) => a.toLowerCase() !== word && pattern.test(a.toLowerCase()));
    cache.set(key, uses);
  }
  return uses ? { ...mention, id: topic.id, name: topic.name, via: 'reference' } : undefined;
}

export interface CitedSource {
  /** The pack source, when the citation is one the pack knows. */
  source?: PackSource;
  /** The citation's own text (a footnote or reference entry), read for design and species when the pack does not know the source. */
  text?: string;
  /** How the sentence points at it: its own citation, the study its section's heading names, or a study named earlier in the text. */
  via: 'citation' | 'section' | 'topic';
}

/** The sources a sentence cites (footnotes, numbered references, author-year, trial names, DOI links), or the one its section describes. */
export function citedSources(facts: SentenceFacts, document: DocumentContext): CitedSource[] {
  const index = document.knowledge.evidence;
  const out: CitedSource[] = [];
  const add = (source: PackSource | undefined, text?: string) => {
    if (source && out.some((o) => o.source?.id === source.id)) return;
    if (source || text) out.push({ source, text, via: 'citation' });
  };
  for (const c of facts.citations) {
    if (c.kind === 'footnote') {
      const text = document.footnotes.get(c.label)?.text;
      if (text) add(index.sourceForCitation(text), text);
    } else if (c.kind === 'numbered') {
      for (const n of referenceNumbers(c.label)) {
        const text = document.references.get(n)?.text;
        if (text) add(index.sourceForCitation(text), text);
      }
    } else if (c.kind === 'named-study') {
      add(index.source(c.label));
    } else if (c.kind === 'author-year') {
      // "(van Tulleken et al., 2018)": the pack's record, else the document's own reference entry for that author and year.
      const entry = bibliographyEntry(document, c.label);
      add(index.sourceForCitation(c.label) ?? (entry !== undefined ? index.sourceForCitation(entry) : undefined), entry);
    } else if (c.kind === 'link' && /\b10\.\d{4,9}\//.test(c.label)) {
      add(index.sourceForCitation(c.label));
    }
  }
  // "(Brain Sciences, 2023; Molecular Psychiatry, 2022)": journal-and-year citations in brackets.
  for (const group of facts.text.matchAll(/\(([^()]*\b(?:19|20)\d\d\b[^()]*)\)/g)) {
    for (const part of group[1]!.split(';')) add(index.sourceForCitation(part));
  }
  if (!out.length && facts.topic.source) {
    const source = index.source(facts.topic.source);
    if (source) out.push({ source, via: facts.topic.sourceFromHeading ? 'section' : 'topic' });
  }
  return out;
}

/** The reference-list entry an author-year citation points at: the entry that starts with the first author's surname and has the year. */
function bibliographyEntry(document: DocumentContext, label: string): string | undefined {
  if (!document.bibliography.length) return undefined;
  const author = /([\p{L}'\-]+(?:\s+[\p{L}'\-]+)?)\s*(?:et al\.?|and\b|&|,)/u.exec(label.replace(/^\(/, ''))?.[1] ?? /^\(?([\p{L}'\-]+)/u.exec(label)?.[1];
  const year = /\b(?:19|20)\d\d/.exec(label)?.[0];
  if (!author || !year) return undefined;
  const surname = author.toLowerCase();
  return document.bibliography.find((e) => e.text.toLowerCase().startsWith(surname) && e.text.includes(year))?.text;
}

function referenceNumbers(label: string): string[] {
  const out: string[] = [];
  for (const part of label.split(/[,;]/)) {
    const range = /^\s*(\d+)\s*[-\u2013]\s*(\d+)\s*$/.exec(part);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]) && n - Number(range[1]) < 20; n++) out.push(String(n));
    else if (/^\s*\d+\s*$/.test(part)) out.push(part.trim());
  }
  return out;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value));
}

export function formatRange(min: number, max: number, unit: string): string {
  const u = unit === '%' ? '%' : ` ${max === 1 && min === 1 ? unit.replace(/s$/, '') : unit}`;
  return min === max ? `${formatNumber(min)}${u}` : `${formatNumber(min)}\u2013${formatNumber(max)}${u}`;
}

export function findingSources(index: EvidenceIndex, finding: PackFinding): PackSource[] {
  return finding.sources.map((id) => index.source(id)).filter((s): s is PackSource => !!s);
}

/** "(Anand 2023)": the preferred source's short name. */
export function preferredName(index: EvidenceIndex, finding: PackFinding): string {
  const s = index.source(finding.preferredSource);
  return s ? sourceShortName(s) : finding.preferredSource;
}

const CHALLENGED_DIRECTIONS: ReadonlySet<string> = new Set(['non-inferior', 'inferior', 'mixed', 'no-significant-difference', 'uncertain', 'not-studied-in-humans']);

/**
 * "Ketamine outperformed ECT", "racemic ketamine outperforms esketamine at
 * every dose": a superiority claim over a comparator for which the pack's
 * finding is non-inferiority, inferiority or mixed. Hedged claims ("may be more
 * effective") are left alone.
 */
/** A sentence that talks about a particular study: "the trial", "this meta-analysis", "the systematic review", "the results". */
export function refersToStudy(facts: SentenceFacts, words: EvidenceWords): boolean {
  const determiners = words.find(facts, 'determiner');
  return words.find(facts, 'study-mention').some((m) => determiners.some((d) => d.end <= m.start && gap(facts, d, m).words <= 2 && gap(facts, d, m).sameClause));
}

/** A modal hedge ("may", "could") or, unless the sentence reports a study's conclusion, a tentative verb ("suggests"). */
export function isHedgedClaim(facts: SentenceFacts, words: EvidenceWords, before: number, reporting: boolean): boolean {
  return [...words.find(facts, 'hedge-modal'), ...(reporting ? [] : words.find(facts, 'hedge-tentative'))].some((h) => h.end <= before);
}

const UNSHOWN: ReadonlySet<string> = new Set(['uncertain', 'no-significant-difference', 'not-studied-in-humans']);

/**
 * "Esketamine prevents suicide", "the trial showed that esketamine prevents suicide attempts": an effect on a condition
 * stated as fact where the pack's finding for that treatment and condition has no range and a direction that shows no
 * effect (uncertain, no significant difference, not studied in people). `reporting`: the sentence reports what a study
 * found, so a tentative verb ("the trial suggests") reports its conclusion rather than hedging the claim.
 * Returns the span from the treatment (or the verb) to the condition, and the finding.
 */
export function unshownEffect(facts: SentenceFacts, index: EvidenceIndex, words: EvidenceWords, reporting: boolean): { span: Span; finding: PackFinding } | undefined {
  const at = facts.sentence.start;
  for (const verb of facts.claimVerbs) {
    // "Esketamine prevents suicide": the condition's own name can take in the verb ("prevents suicide"), leaving it no object.
    const object = verb.object ?? facts.conditions.find((c) => c.start <= verb.end && c.end > verb.end);
    if (verb.category === 'correlational' || verb.category === 'harm' || !object) continue;
    if (isHedgedClaim(facts, words, verb.start, reporting)) continue;
    if (isNegated(facts, verb) || isAttributed(facts, verb, { reportedSpeech: false })) continue;
    // "has been shown to prevent suicide": the outcome may be named by the verb and its object together ("prevent suicide").
    const condition = conditionOf(index, facts.text.slice(object.start - at, object.end - at));
    if (!condition) continue;
    const mention = verb.subject ?? interventionFor(facts, verb, index);
    if (!mention || !index.intervention(mention.id)) continue;
    const finding = interventionChain(index, mention.id)
      .flatMap((id) => index.findingsFor(id))
      .find((f) => f.condition === condition && f.direction && UNSHOWN.has(f.direction) && !f.range && isUsable(f) && (!f.comparator || /placebo|control/i.test(f.comparator)));
    if (!finding) continue;
    const start = verb.subject && verb.subject.start < verb.start ? verb.subject.start : verb.start;
    return { span: { start, end: object.end }, finding };
  }
  return undefined;
}

/**
 * The finding for an effect the evidence has not shown, as a hit: `describe` turns the quoted claim into the message's
 * opening ("… is not what the evidence shows", "The trial did not show that …"); `sourceIds` go before the finding's.
 */
export function unshownEffectHit(facts: SentenceFacts, found: { span: Span; finding: PackFinding }, index: EvidenceIndex, describe: (quoted: string) => string, sourceIds: readonly string[] = []): RuleHit {
  const { span, finding } = found;
  const at = facts.sentence.start;
  return {
    start: span.start,
    end: span.end,
    message: `${describe(quote(facts.text.slice(span.start - at, span.end - at)))}: ${finding.summary} (${preferredName(index, finding)}; certainty ${finding.certainty}).`,
    suggestions: [],
    evidenceIds: [...sourceIds, finding.id, ...finding.sources],
  };
}

export function superiorityClaim(facts: SentenceFacts, words: EvidenceWords, index: EvidenceIndex, cited: readonly CitedSource[] = [], reporting = false): { hit: RuleHit; finding: PackFinding } | undefined {
  // "may be more effective" is hedged; "the review suggests X is better" reports a conclusion, which is what a citation check tests.
  if (!reporting && isHedgedClaim(facts, words, facts.sentence.end, reporting)) return undefined;
  const at = facts.sentence.start;
  for (const cue of words.find(facts, 'superiority')) {
    // Reporting on a source, only a hedge before the claim qualifies it: "beat ECT and should now be first choice" still says it beat ECT.
    if (reporting && isHedgedClaim(facts, words, cue.start, reporting)) continue;
    if (isNegated(facts, cue)) continue;
    const named = facts.interventions.map((i) => standsForTopic(facts, i, index)).filter((i) => i.end <= cue.start).sort((a, b) => b.end - a.end)[0];
    // "It works better than ECT": a word for the treatment under discussion stands before the claim.
    const pronoun = words.find(facts, 'reference').some((r) => r.end <= cue.start && gap(facts, r, cue).sameClause);
    const subject = named ?? (pronoun || !facts.interventions.length ? topicIntervention(facts, index) : undefined);
    if (!subject || !index.intervention(subject.id)) continue;
    const ids = new Set(interventionChain(index, subject.id).flatMap((id) => familyMembers(index, id)));
    const fromCited = (f: PackFinding) => cited.some((c) => c.source && f.sources.includes(c.source.id));
    const conditions = facts.conditions.map((c) => conditionOf(index, c.cue)).filter((c): c is string => !!c);
    const aboutCondition = (f: PackFinding) => conditions.includes(f.condition);
    const findings = [...ids]
      .flatMap((id) => index.findingsFor(id))
      .filter((f) => f.comparator && f.direction && CHALLENGED_DIRECTIONS.has(f.direction) && isUsable(f))
      .sort((a, b) => Number(fromCited(b)) - Number(fromCited(a)) || Number(aboutCondition(b)) - Number(aboutCondition(a)));
    for (const f of findings) {
      if (!comparatorNamed(facts, f.comparator!, subject, index, words)) continue;
      const from = isHere(subject) ? subject.start : cue.start;
      const claim = facts.text.slice(from - at, cue.end - at);
      return {
        finding: f,
        hit: {
          start: from,
          end: cue.end,
          message: `${quote(claim)} claims superiority, but the evidence is ${directionWords(f.direction!)}: ${f.summary} (${preferredName(index, f)}).`,
          suggestions: [],
          evidenceIds: [f.id, ...f.sources],
        },
      };
    }
  }
  return undefined;
}

function directionWords(direction: string): string {
  switch (direction) {
    case 'non-inferior':
      return 'non-inferiority (at least as good, not better)';
    case 'inferior':
      return 'that it did worse';
    case 'mixed':
      return 'mixed';
    case 'no-significant-difference':
      return 'no significant difference';
    default:
      return 'uncertain';
  }
}

/**
 * Whether the finding's comparator ("ECT three times weekly", "esketamine",
 * "ketamine alone or psychotherapy alone") is named in the sentence outside
 * the subject: by a treatment's name, or by the comparator's own words
 * ("either treatment alone").
 */
function comparatorNamed(facts: SentenceFacts, comparator: string, subject: InterventionMention, index: EvidenceIndex, words: EvidenceWords): boolean {
  const at = facts.sentence.start;
  const outside = isHere(subject) ? facts.text.slice(0, subject.start - at) + ' '.repeat(subject.end - subject.start) + facts.text.slice(subject.end - at) : facts.text;
  for (const part of comparator.split(/\s+(?:or|and)\s+|[,(]/)) {
    const tokens = part.toLowerCase().match(/[\p{L}][\p{L}-]*/gu) ?? [];
    const head = tokens[0];
    if (!head || words.test(head, 'comparator-generic')) continue;
    const named = facts.interventions.some((i) => i !== subject && i.id !== subject.id && (i.id.toLowerCase().startsWith(head) || index.intervention(i.id)?.aliases.some((a) => a.toLowerCase() === head)));
    if (named) return true;
    // The subject's own molecule ("ketamine alone") is told apart by the word that qualifies it ("alone").
    const key = head === 'ketamine' || subject.name.toLowerCase().includes(head) ? tokens[1] : head;
    if (key && new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(outside)) return true;
    // The same treatment in other words: "electroconvulsive therapy" for a comparator recorded as "ECT" (one comparator class of the lexicon).
    // Only after the subject, where a comparison names what it beat ("ketamine beat electroconvulsive therapy").
    const classes = words.entriesIn(part, 'comparator-active');
    const after = isHere(subject) ? facts.text.slice(subject.end - at) : facts.text;
    if (classes.length && words.entriesIn(after, 'comparator-active').some((e) => classes.includes(e))) return true;
  }
  return false;
}

/** A condition cue's pack id (by name or alias, case-insensitively). */
/**
 * Whether the clause around a share of patients is about a condition no pack finding gives shares for ("works 100% of
 * the time for combat trauma", "80% of patients with chronic pain"): the depression findings cannot judge that figure.
 */
export function aboutOtherCondition(facts: SentenceFacts, span: Span, index: EvidenceIndex, words: EvidenceWords): boolean {
  if (!facts.conditions.length) return false;
  const inClause = facts.conditions.filter((c) => gap(facts, span, c).sameClause);
  if (!inClause.length) return false;
  const ids = inClause.map((c) => conditionOf(index, c.cue));
  if (ids.some((id) => id && hasShareFindings(index, id))) return false;
  const general = words.find(facts, 'general-outcome');
  return inClause.some((c, i) => (ids[i] || !general.some((g) => g.start <= c.start && c.end <= g.end)));
}

const shareConditions = new WeakMap<EvidenceIndex, Map<string, boolean>>();

/** Whether some finding gives a share of patients (a % range) for the condition, a broader one or a narrower one. */
function hasShareFindings(index: EvidenceIndex, conditionId: string): boolean {
  let known = shareConditions.get(index);
  if (!known) shareConditions.set(index, (known = new Map()));
  let has = known.get(conditionId);
  if (has === undefined) {
    const related = (a: string, b: string) => index.conditionAndBroader(a).includes(b) || index.conditionAndBroader(b).includes(a);
    has = index.packs.some((p) => (p.findings ?? []).some((f) => f.range?.unit === '%' && related(f.condition, conditionId)));
    known.set(conditionId, has);
  }
  return has;
}

export function conditionOf(index: EvidenceIndex, text: string): string | undefined {
  const wanted = text.toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
  for (const pack of index.packs) {
    for (const c of pack.conditions) if (c.name.toLowerCase() === wanted || c.aliases.some((a) => a.toLowerCase() === wanted)) return c.id;
  }
  return undefined;
}


/** "Canuso 2018", "Nikolin et al. 2023", "Canuso's 2018 trial": a pack source's first author and year, written without brackets. */
const AUTHOR_YEAR = /\b(\p{Lu}[\p{L}'\u2019-]+?)(?:['\u2019]s)?\s+(?:et\s+al\.?,?\s+|and\s+colleagues,?\s+)?\(?((?:19|20)\d\d)\b/gu;

/** The pack sources a sentence names by first author and year, with where each year stands (sentence offsets). */
export function sourcesNamedByAuthorYear(text: string, index: EvidenceIndex): { source: PackSource; yearStart: number }[] {
  const out: { source: PackSource; yearStart: number }[] = [];
  for (const m of text.matchAll(AUTHOR_YEAR)) {
    const source = index.sourceForCitation(`${m[1]} ${m[2]}`);
    // The name must be the source's first author, not a word that happens to stand before a year ("In 2018").
    if (source && source.firstAuthor?.toLowerCase() === m[1]!.toLowerCase()) out.push({ source, yearStart: m.index + m[0].length - 4 });
  }
  return out;
}

/** A year that dates a study named by its author ("Canuso 2018"), not the event the sentence dates. */
export function isCitationYear(facts: SentenceFacts, year: Span, index: EvidenceIndex): boolean {
  return sourcesNamedByAuthorYear(facts.text, index).some((n) => n.yearStart === year.start - facts.sentence.start);
}
