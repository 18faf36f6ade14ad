// evidence-mismatch: a figure, a duration, a share of patients or a
// regulatory status that contradicts what the evidence pack records for the
// treatment and outcome the sentence is about ("ketamine puts 70% of patients
// into remission", "a single infusion keeps working for six months",
// "ketamine is FDA-approved for depression", "Spravato was approved in 2015").
//
// Only usable records decide (verified or secondary); a figure inside a
// finding's range (with a few points of tolerance), or a study's own figure
// attributed to that study, passes.

import { CLAUSE_JOIN, isAttributed, isNegated, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { EvidenceIndex } from '../core/knowledge/evidenceIndex.js';
import { isUsable, sourceShortName } from '../core/knowledge/evidenceIndex.js';
import type { Measure, PackFinding, PackRegulatory, PackSource, SourceOutcome, Unit } from '../core/knowledge/evidencePack.js';
import type { InterventionMention, NumberMention, Span, Suggestion } from '../core/types.js';
import {
  aboutOtherCondition,
  citedSources,
  conditionOf,
  durationCues,
  EvidenceWords,
  firstOfOverlapping,
  familyMembers,
  formatRange,
  gap,
  interventionChain,
  interventionFor,
  isCitationYear,
  isHere,
  preferredName,
  standsForTopic,
  refersToStudy,
  isHedgedClaim,
  superiorityClaim,
  pronounPackTopic,
  topicIntervention,
  unshownEffect,
  unshownEffectHit,
  type CitedSource,
  type SlotCue,
} from './evidenceClaims.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { SafetyEvidence } from './safetyEvidence.js';
import { doubtedByWriter } from './reportedDoubt.js';
import { quote } from './termMatches.js';
import { toNumber } from '../core/analysis/numbers.js';
import { matcherFor } from '../core/knowledge/lexicons.js';

/** "Studies found that…" is the claim under test, not someone else's words: only quotation marks, distancing labels and myths excuse a figure. */
const OWN_VOICE = { reportedSpeech: false };
const SHARE_KINDS: ReadonlySet<NumberMention['kind']> = new Set(['percent', 'fraction', 'range']);
/** How far outside a range a figure may fall before it is called wrong: a few points, or a tenth of the top of the range. */
const POINTS_TOLERANCE = 5;
const RELATIVE_TOLERANCE = 0.1;
/** A duration is called wrong when it is more than this many times the longest the evidence supports. */
const DURATION_FACTOR = 3;
const DAYS: Partial<Record<Unit, number>> = { minutes: 1 / 1440, hours: 1 / 24, days: 1, weeks: 7, months: 30 };
const MEASURE_WORDS: Partial<Record<Measure, string>> = {
  response: 'response',
  remission: 'remission',
  'si-response': 'response of suicidal ideation',
  'si-remission': 'remission of suicidal ideation',
};

export const evidenceMismatch: RuleDefinition = {
  id: 'evidence-mismatch',
  title: 'Claim contradicts the evidence',
  description: 'A figure, duration, share of patients or regulatory status that contradicts what the evidence pack records for that treatment and outcome.',
  defaultSeverity: 'warning',
  needsEvidence: true,
  create(knowledge, analyzer) {
    const index = knowledge.evidence;
    if (index.isEmpty) return () => [];
    const words = new EvidenceWords(analyzer, knowledge.lexicons['evidence-claims'], knowledge.lexicons.references, knowledge.lexicons.hedges);
    const researchNouns = analyzer.sentenceMatcher(knowledge.lexicons.citations, ['research-noun']);
    const findingVerbs = analyzer.sentenceMatcher(knowledge.lexicons.citations, ['finding-verb']);
    const doubts = matcherFor(knowledge.lexicons.citations, ['reported-doubt']);
    // "proved that", "consistently found": words that vouch for a claim, which overstated-evidence reports.
    const vouching = analyzer.sentenceMatcher(knowledge.lexicons['overstated-evidence']);
    /**
     * An effect no study has shown, vouched for by overstated-evidence words before it ("ASPIRE I proved that Spravato
     * prevents suicide attempts", "studies have consistently found that…"): the fault is the proof claimed, which that
     * rule reports (and citation-mismatch, when a study is named); reported here too it would be counted twice.
     */
    const vouchedFor = (facts: SentenceFacts, hit: Span): boolean => {
      const at = facts.sentence.start;
      return vouching.find(facts.text).some((v) => {
        const span = { start: at + v.start, end: at + v.end };
        return span.end <= hit.start && !isNegated(facts, span) && gap(facts, span, hit).sameClause && gap(facts, span, hit).words <= 3;
      });
    };
    const safety = new SafetyEvidence(index, analyzer, words);
    /** "Studies clearly show", "research has consistently found": the claim is put in research's mouth. */
    const creditsResearch = (facts: SentenceFacts): boolean => {
      const verbs = findingVerbs.find(facts.text);
      if (!verbs.length) return false;
      const at = facts.sentence.start;
      return researchNouns.find(facts.text).some((n) =>
        verbs.some((v) => {
          if (v.start < n.end) return false;
          const between = gap(facts, { start: at + n.start, end: at + n.end }, { start: at + v.start, end: at + v.end });
          return between.words <= 3 && between.sameClause;
        }),
      );
    };
    return (sentence, document) => {
      if (sentence.question || document.block.kind === 'heading' || document.block.columnHeader || document.referenceEntry) return [];
      const facts = ownVoice(sentence);
      // Nothing to judge without a pack treatment in the sentence or before it.
      const pronounTopic = pronounPackTopic(facts, document, index);
      if (!facts.interventions.some((i) => index.intervention(standsForTopic(facts, i, index).id)) && !topicIntervention(facts, index) && !pronounTopic) {
        // An approval credited to a cited study needs no treatment named: the study's population decides.
        if (!facts.conditions.length || !words.any(facts, 'approval', 'approval-plain')) return [];
        const cited = citedSources(facts, document);
        return firstOfOverlapping(words.find(facts, 'approval', 'approval-plain').map((cue) => basisHit(facts, cue, index, cited)));
      }
      // Something to judge: a figure, a duration or year, a status or comparison word, or a benefit claimed for a condition.
      const figures = facts.numbers.some((n) => SHARE_KINDS.has(n.kind) || n.kind === 'duration' || n.kind === 'year' || n.kind === 'effect-size');
      const cues = words.any(facts, 'share-100', 'share-95', 'share-51', 'duration-permanent', 'approval', 'approval-plain', 'status-standard', 'route-exclusive', 'superiority', 'effect-size', 'session-noun');
      const aboutSafety = safety.mentions(facts);
      if (!figures && !cues && !aboutSafety && !facts.claimVerbs.some((v) => v.object) && !facts.conditions.length) return [];
      // "'Seventy percent of our patients remit,' he said. His office could not say where that figure came from.":
      // someone else's claim the writer doubts is examined, not made.
      if ((facts.quotes.length || facts.attributions.some((a) => a.category === 'reporting-verb')) && doubtedByWriter(facts, document, doubts)) return [];
      const cited = citedSources(facts, document);
      const candidates: (RuleHit | undefined)[] = [];
      const add = (hit: RuleHit | undefined) => candidates.push(hit);
      // Side effects and rules of use first: a share of patients who felt sedated is not a response rate.
      if (aboutSafety) for (const hit of safety.hits(facts)) add(hit);
      for (const n of facts.numbers) if (SHARE_KINDS.has(n.kind)) add(responderShareHit(facts, n, index, words, cited) ?? figureHit(facts, n, index, words, cited) ?? sustainedFigureHit(facts, n, index, words, cited));
      add(responderCourseHit(facts, index, words, cited));
      add(courseHit(facts, index, words, cited));
      for (const cue of words.find(facts, 'share-100', 'share-95', 'share-51')) add(shareHit(facts, cue, index, words));
      for (const d of durationClaims(facts, words)) add(durationHit(facts, d, index, words, cited));
      for (const cue of words.find(facts, 'approval', 'approval-plain')) add(basisHit(facts, cue, index, cited) ?? regulatoryHit(facts, cue, index, words, pronounTopic));
      for (const cue of words.find(facts, 'status-standard')) add(standardHit(facts, cue, index));
      add(effectSizeHit(facts, index, words, cited));
      add(routeHit(facts, index, words));
      const direction = directionHit(facts, index, words);
      if (direction && !vouchedFor(facts, direction)) add(direction);
      const superiority = superiorityClaim(facts, words, index, cited);
      // Superiority over a comparator that a cited study did not show is citation-mismatch's to report; credited to
      // uncited research ("studies clearly show X beats Y") it is an evidence claim that needs a source, not a figure to correct.
      // After a citation in its paragraph ("…41.2% with ECT.[^4] In other words, ketamine outperformed ECT") it sums up that study.
      const summarisesCited = document.paragraphCited && !document.citedFrom(facts.sentence.start);
      if (superiority && !cited.length && !summarisesCited && !facts.studyClaims.length && !refersToStudy(facts, words) && !creditsResearch(facts)) add(superiority.hit);
      return firstOfOverlapping(candidates);
    };
  },
};

/**
 * Whose voice a sentence speaks in, adjusted for two constructions claim analysis reads the other way:
 * - "Esketamine (sold as Spravato) was cleared in 2017": a selling label followed by a treatment's name gives its brand,
 *   it does not put the rest of the sentence in a seller's mouth the way "marketed as a cure" does.
 * - "Be wary of any clinic that says ketamine works for everyone": a reporting or promising verb in a relative clause
 *   describes what someone else claims, so the rest of the clause is theirs, however plainly it is worded.
 */
function ownVoice(facts: SentenceFacts): SentenceFacts {
  const at = facts.sentence.start;
  const names = (a: Span) => facts.interventions.some((i) => isHere(i) && i.start >= a.end && gap(facts, a, i).words === 0);
  const labels = facts.attributions.filter((a) => a.category === 'distancing' && names(a));
  const relative = (c: Span) => RELATIVE_BEFORE.test(facts.text.slice(Math.max(0, c.start - at - 12), c.start - at));
  const reported = [...facts.attributions.filter((a) => a.category === 'reporting-verb'), ...facts.assurances].filter(relative).map((c) => ({ ...c, category: 'stance-verb' }));
  if (!labels.length && !reported.length) return facts;
  return { ...facts, attributions: [...facts.attributions.filter((a) => !labels.includes(a)), ...reported] };
}

/** "approved for use with one antidepressant": a drug taken alongside, not one that failed. */
const ALONGSIDE_BEFORE = /\b(?:with|alongside|plus|and)\s+(?:(?:their|a|an|the)\s+)?$/i;
const RELATIVE_BEFORE = /\b(?:that|who|which)\s+$/i;
const RELATIVE_AFTER = /^[\s,]*(?:which|that|who|where)\b/i;

// ---- Figures: "70% of patients into remission", "nine out of ten respond" ----

function figureHit(facts: SentenceFacts, n: NumberMention, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  if (n.value === undefined || !Number.isFinite(n.value) || isNegated(facts, n) || isAttributed(facts, n, OWN_VOICE)) return undefined;
  const at = facts.sentence.start;
  // "a 50% reduction", "95% of the research": a change or a share of something other than patients.
  const after = facts.text.slice(n.end - at).split(/\s+/).filter(Boolean).slice(0, 3).join(' ');
  if (words.findIn(after, 'change-not-share').some((m) => m.start <= 1)) return undefined;
  // "55% versus 30%": the second figure is the comparison group's.
  if (words.find(facts, 'comparison-arm').some((c) => c.end <= n.start && gap(facts, c, n).words <= 3 && gap(facts, c, n).sameClause)) return undefined;
  const measure = measureNear(facts, n, words, index);
  if (!measure || isNegated(facts, measure.cue) || aboutOtherCondition(facts, n, index, words)) return undefined;
  // "Among responders, 80% stayed well", "60% of responders": a share of those who responded, not of everyone treated.
  if (words.find(facts, 'among-responders').some((r) => r.end <= n.start || gap(facts, n, r).words <= 1)) return undefined;
  const mention = subjectFor(facts, n, index, words);
  if (!mention) return undefined;
  const low = n.value;
  const high = n.max ?? n.value;
  if (attributedFigure(cited, low, high)) return undefined;
  const judged = judgeShare(index, mention.id, measure.measure, low, high, true);
  if (!judged) return undefined;
  const { finding } = judged;
  const supported = formatRange(finding.range!.min, finding.range!.max, '%');
  const suggestions: Suggestion[] = [
    { title: `Use the supported figure: ${supported} (${preferredName(index, finding)})`, replacement: supported, citeSourceId: finding.preferredSource, preferred: true },
  ];
  return {
    start: n.start,
    end: n.end,
    message: shareMessage(index, finding, quote(n.text), measure.measure, high < finding.range!.min),
    suggestions,
    evidenceIds: [finding.id, ...finding.sources],
  };
}

/**
 * "55% of patients experiencing sustained improvement" where 55% is a response rate a study measured at the end of treatment:
 * a share that responded is restated as a share whose benefit lasted. A figure the evidence gives for lasting benefit passes.
 */
function sustainedFigureHit(facts: SentenceFacts, n: NumberMention, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  if (n.value === undefined || !Number.isFinite(n.value) || isNegated(facts, n) || isAttributed(facts, n, OWN_VOICE)) return undefined;
  // A study cited in the sentence and misreported is citation-mismatch's to say.
  if (cited.some((c) => c.via === 'citation')) return undefined;
  const lasting = words.find(facts, 'outcome-duration').find((c) => c.start >= n.end && gap(facts, n, c).sameClause && gap(facts, n, c).words <= 5 && !isNegated(facts, c));
  // "60% were still well at 8 weeks": a share at a stated time is a duration claim, judged as one.
  if (!lasting || facts.numbers.some((d) => d.kind === 'duration' && gap(facts, n, d).sameClause)) return undefined;
  const mention = subjectFor(facts, n, index, words);
  if (!mention) return undefined;
  const chain = interventionChain(index, mention.id);
  const ids = new Set([...chain, ...familyMembers(index, chain[chain.length - 1]!)]);
  const low = n.value;
  const high = n.max ?? n.value;
  const durable = (f: { outcome?: Measure; measure?: Measure }) => (f.outcome ?? f.measure) === 'duration-of-benefit';
  if (index.packs.some((p) => (p.findings ?? []).some((f) => ids.has(f.intervention) && durable(f) && isUsable(f) && f.range?.unit === '%' && covers(f.range, low, high, 1.5)))) return undefined;
  const sources = index.allSources().filter((src) => isUsable(src) && src.intervention && ids.has(src.intervention));
  if (sources.some((src) => (src.outcomes ?? []).some((o) => durable(o) && o.unit === '%' && covers(o, low, high, 1.5)))) return undefined;
  for (const source of sources) {
    const measured = (source.outcomes ?? []).find((o) => (o.measure === 'response' || o.measure === 'remission') && o.unit === '%' && isUsable(o) && o.timepoint && covers(o, low, high, 1.5));
    if (!measured) continue;
    return {
      start: n.start,
      end: n.end,
      message: `${quote(n.text)} is a response rate, not a share whose benefit lasted: in ${sourceShortName(source)}, ${formatRange(measured.min ?? measured.value!, measured.max ?? measured.value!, '%')} had reached ${measured.measure} at the ${measured.timepoint}; ${quote(lasting.cue)} claims more than that figure shows.`,
      suggestions: [],
      evidenceIds: [source.id],
    };
  }
  return undefined;
}

/**
 * The treatment a figure or duration is about, passing over a comparator: in "ketamine beat ECT, with 55% of patients staying
 * well", ECT is what ketamine was measured against, not the subject of what follows.
 */
function subjectFor(facts: SentenceFacts, span: Span, index: EvidenceIndex, words: EvidenceWords): InterventionMention | undefined {
  const comparators = words.find(facts, 'superiority', 'comparison-arm');
  // "…compared with ECT, which keeps symptoms at bay": a relative clause is about the comparator itself.
  const compared = (i: InterventionMention) =>
    isHere(i) && comparators.some((c) => c.end <= i.start && gap(facts, c, i).words <= 1 && gap(facts, c, i).sameClause) && !RELATIVE_AFTER.test(textBetween(facts, i, span));
  if (!facts.interventions.some(compared)) return interventionFor(facts, span, index);
  return interventionFor({ ...facts, interventions: facts.interventions.filter((i) => !compared(i)) }, span, index);
}

// ---- Shares in words: "every patient responds", "virtually everyone", "most patients ... in remission" ----

function shareHit(facts: SentenceFacts, cue: SlotCue, index: EvidenceIndex, words: EvidenceWords): RuleHit | undefined {
  if (isNegated(facts, cue) || isAttributed(facts, cue, OWN_VOICE)) return undefined;
  const share = Number(cue.slot.slice('share-'.length));
  const measure = measureNear(facts, cue, words, index);
  // "most patients are not in remission": the outcome itself is denied.
  if (!measure || isNegated(facts, measure.cue) || aboutOtherCondition(facts, cue, index, words)) return undefined;
  const mention = subjectFor(facts, cue, index, words);
  if (!mention) return undefined;
  // A word like "most" claims more than half: no tolerance, the word is already vague.
  const judged = judgeShare(index, mention.id, measure.measure, share, share, false);
  if (!judged) return undefined;
  return {
    start: cue.start,
    end: Math.max(cue.end, measure.cue.end),
    message: shareMessage(index, judged.finding, quote(cue.cue), measure.measure),
    suggestions: [],
    evidenceIds: [judged.finding.id, ...judged.finding.sources],
  };
}

function shareMessage(index: EvidenceIndex, f: PackFinding, claimed: string, measure: Measure, below = false): string {
  const label = MEASURE_WORDS[measure] ?? measure;
  const when = f.timepoint ? ` (${f.timepoint})` : '';
  return `${claimed} is ${below ? 'less' : 'more'} than the evidence shows for ${label}: studies found about ${formatRange(f.range!.min, f.range!.max, '%')} of patients${when}. ${f.summary} (${preferredName(index, f)}; certainty ${f.certainty}).`;
}

/**
 * The outcome a figure is about: the nearest response or remission word in its clause. Looser words
 * ("improve", "feel better") name a weaker outcome than response, so a share of patients who improve is not held to response rates.
 */
function measureNear(facts: SentenceFacts, span: Span, words: EvidenceWords, index: EvidenceIndex): { measure: Measure; cue: SlotCue } | undefined {
  const candidates = words
    .find(facts, 'outcome-remission', 'outcome-response')
    .map((cue) => ({ cue, ...gap(facts, span, cue) }))
    .filter((c) => c.sameClause && c.words <= 10 && !(c.cue.start < span.end && span.start < c.cue.end) && !recoveryFromOther(facts, c.cue))
    // "26% responded and 15% reached remission": an outcome word belongs to the figure nearest to it.
    // On a tie the word goes to the figure it is not split from by "and" or a comma: "26% had responded and 15% were in remission".
    .filter(
      (c) =>
        !facts.numbers.some((n) => {
          if (n.start === span.start || !SHARE_KINDS.has(n.kind) || !gap(facts, n, c.cue).sameClause) return false;
          const other = gap(facts, n, c.cue).words;
          return other < c.words || (other === c.words && COORDINATED.test(textBetween(facts, span, c.cue)) && !COORDINATED.test(textBetween(facts, n, c.cue)));
        }),
    )
    .sort((a, b) => a.words - b.words || (a.cue.start < span.start ? -1 : 1));
  const best = candidates[0];
  if (!best) return undefined;
  const base: Measure = best.cue.slot === 'outcome-remission' ? 'remission' : 'response';
  const suicidal = facts.conditions.some((c) => conditionOf(index, c.cue) === 'suicidal-ideation' && gap(facts, c, best.cue).sameClause);
  return { measure: suicidal ? (`si-${base}` as Measure) : base, cue: best.cue };
}

const COORDINATED = /,|\b(?:and|while|whereas|but|versus|vs)\b/i;

function textBetween(facts: SentenceFacts, a: Span, b: Span): string {
  const at = facts.sentence.start;
  return a.end <= b.start ? facts.text.slice(a.end - at, b.start - at) : facts.text.slice(b.end - at, a.start - at);
}

/** "fully recovered from the dissociation", "recovered from the anaesthetic": recovery from something other than an illness. */
function recoveryFromOther(facts: SentenceFacts, cue: Span): boolean {
  const at = facts.sentence.start;
  const from = /^\s+from\s+/i.exec(facts.text.slice(cue.end - at, cue.end - at + 12));
  if (!from) return false;
  const next = cue.end + from[0].length;
  return !facts.conditions.some((c) => c.start >= next && gap(facts, { start: next, end: next }, c).words <= 2);
}

/** The findings that speak for an intervention: its own, else its family's and the family members'. */
function findingsFor(index: EvidenceIndex, interventionId: string, filter: (f: PackFinding) => boolean): PackFinding[] {
  const chain = interventionChain(index, interventionId);
  const own = index.findingsFor(interventionId).filter(filter);
  const isFamily = chain.length === 1;
  if (own.length && !isFamily) return own;
  const family = chain[chain.length - 1]!;
  return familyMembers(index, family).flatMap((id) => index.findingsFor(id)).filter(filter);
}

function judgeShare(index: EvidenceIndex, interventionId: string, measure: Measure, low: number, high: number, tolerant: boolean): { finding: PackFinding } | undefined {
  const findings = findingsFor(index, interventionId, (f) => f.outcome === measure && isUsable(f) && f.range?.unit === '%');
  if (!findings.length) return undefined;
  const inside = findings.some((f) => {
    const tol = tolerant ? Math.max(POINTS_TOLERANCE, RELATIVE_TOLERANCE * f.range!.max) : 0;
    return high >= f.range!.min - tol && low <= f.range!.max + tol;
  });
  if (inside) return undefined;
  // A figure a checked study reported is not wrong, even when no finding's range holds it.
  const ids = new Set(findings.map((f) => f.intervention));
  const reported = index
    .allSources()
    .filter((s) => isUsable(s) && s.intervention && ids.has(s.intervention))
    .some((s) => (s.outcomes ?? []).some((o) => o.measure === measure && isUsable(o) && o.unit === '%' && covers(o, low, high, tolerant ? 1.5 : 0)));
  if (reported) return undefined;
  const finding = [...findings].sort((a, b) => distance(a, low, high) - distance(b, low, high) || (a.regimen === 'any' ? -1 : 1))[0]!;
  return { finding };
}

function covers(o: { value?: number; min?: number; max?: number }, low: number, high: number, tol: number): boolean {
  const min = o.min ?? o.value ?? NaN;
  const max = o.max ?? o.value ?? NaN;
  return high >= min - tol && low <= max + tol;
}

function distance(f: PackFinding, low: number, high: number): number {
  return Math.max(0, f.range!.min - high, low - f.range!.max);
}

/** The sentence cites a study, and that study's own numbers include the figure: reporting it is not a mismatch. */
function attributedFigure(cited: CitedSource[], low: number, high: number): boolean {
  return cited.some((c) =>
    (c.source?.outcomes ?? []).some((o) => o.unit === '%' && (covers(o, low, high, 1.5) || (o.comparatorValue !== undefined && covers({ value: o.comparatorValue }, low, high, 1.5)))),
  );
}

// ---- Effect sizes: "effect sizes were small (0.15 to 0.23)" about ketamine, when those are esketamine's ----

const EFFECT_TOLERANCE = 0.05;
const DECIMAL = /(?<![\d.])\d?\.\d{1,3}(?![\d.%])/g;

function effectSizeHit(facts: SentenceFacts, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  const cue = [...words.find(facts, 'effect-size'), ...facts.numbers.filter((n) => n.kind === 'effect-size')].sort((a, b) => a.start - b.start)[0];
  if (!cue || isNegated(facts, cue) || isAttributed(facts, cue, OWN_VOICE)) return undefined;
  const at = facts.sentence.start;
  const values: Span[] = [];
  DECIMAL.lastIndex = 0;
  for (let m = DECIMAL.exec(facts.text); m; m = DECIMAL.exec(facts.text)) {
    const span = { start: at + m.index, end: at + m.index + m[0].length };
    if (span.start >= cue.end && gap(facts, cue, span).words <= 12) values.push(span);
  }
  if (!values.length) return undefined;
  const numbers = values.map((v) => Math.abs(Number(facts.text.slice(v.start - at, v.end - at))));
  const mention = interventionFor(facts, cue, index);
  if (!mention) return undefined;
  // The outcome the figures are about is named in their clause: "…effect sizes of 0.15–0.23, and found no effect on suicidality" is about depression.
  const suicidal = facts.conditions.some((c) => conditionOf(index, c.cue) === 'suicidal-ideation' && (gap(facts, c, values[0]!).sameClause || gap(facts, c, cue).sameClause));
  const effect = (f: PackFinding) => f.outcome === 'effect-size' && isUsable(f) && !!f.range && (f.condition === 'suicidal-ideation') === suicidal;
  const findings = findingsFor(index, mention.id, effect);
  if (!findings.length) return undefined;
  const inside = (f: PackFinding, x: number) => x >= f.range!.min - EFFECT_TOLERANCE && x <= f.range!.max + EFFECT_TOLERANCE;
  if (numbers.some((x) => findings.some((f) => inside(f, x)))) return undefined;
  if (cited.some((c) => (c.source?.outcomes ?? []).some((o) => o.measure === 'effect-size' && numbers.some((x) => covers({ value: o.value && Math.abs(o.value), min: o.min, max: o.max }, x, x, EFFECT_TOLERANCE))))) return undefined;
  const best = findings.find((f) => f.regimen === 'single-dose') ?? findings[0]!;
  // Whose figures are they? Another treatment's finding may hold them.
  const elsewhere = index.packs.flatMap((p) => p.findings ?? []).find((f) => effect(f) && f.intervention !== best.intervention && numbers.every((x) => inside(f, x)));
  const whose = elsewhere ? ` Those figures are what the evidence shows for ${index.intervention(elsewhere.intervention)?.name ?? elsewhere.intervention} (${preferredName(index, elsewhere)}).` : '';
  const shown = facts.text.slice(values[0]!.start - at, values[values.length - 1]!.end - at);
  return {
    start: values[0]!.start,
    end: values[values.length - 1]!.end,
    message: `The effect sizes ${quote(shown)} do not match the evidence for ${named(facts, mention)}: ${best.summary} (${preferredName(index, best)}; certainty ${best.certainty}).${whose}`,
    suggestions: [],
    evidenceIds: [best.id, ...best.sources, ...(elsewhere ? [elsewhere.id] : [])],
  };
}

// ---- Durations: "a single infusion keeps working for six months", "benefits last permanently" ----

interface DurationClaim extends Span {
  text: string;
  days: number;
}

function durationClaims(facts: SentenceFacts, words: EvidenceWords): DurationClaim[] {
  const out: DurationClaim[] = facts.numbers
    .filter((n) => n.kind === 'duration' && n.value !== undefined && Number.isFinite(n.value) && n.value > 0)
    .map((n) => ({ start: n.start, end: n.end, text: n.text, days: n.value! }));
  for (const cue of words.find(facts, 'duration-permanent')) {
    if (!out.some((d) => d.start < cue.end && cue.start < d.end)) out.push({ start: cue.start, end: cue.end, text: cue.cue, days: Infinity });
  }
  return out;
}

function durationHit(facts: SentenceFacts, d: DurationClaim, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  if (isNegated(facts, d) || isAttributed(facts, d, OWN_VOICE)) return undefined;
  const at = facts.sentence.start;
  // "within hours", "kicks in within minutes": when an effect starts, not how long it lasts.
  const onset = words.find(facts, 'timepoint-onset').some((c) => c.end <= d.start && gap(facts, c, d).words <= 2 && gap(facts, c, d).sameClause);
  if (onset || /^(?:within|in)\b/i.test(d.text)) return undefined;
  // "in the last five years": calendar time.
  if (words.find(facts, 'time-period').some((c) => c.end <= d.start && gap(facts, c, d).words === 0)) return undefined;
  // "it lasts forever": a word for the treatment (or its effect) is a benefit's subject when the claim is of permanence.
  // "the improvement is permanent", "relief is lifelong": a benefit word just before a claim of permanence is its subject.
  const forever =
    d.days === Infinity
      ? [
          ...words.find(facts, 'outcome-duration-weak').filter((c) => words.find(facts, 'reference').some((r) => r.end <= c.start && gap(facts, r, c).words <= 1)),
          ...words.find(facts, 'outcome-improvement', 'outcome-remission').filter((c) => c.end <= d.start && gap(facts, c, d).words <= 2 && !isNegated(facts, c)),
          ...benefitSubjects(facts, d, words),
        ]
      : [];
  const lasting = [...durationCues(facts, words), ...forever]
    .filter((c) => gap(facts, c, d).sameClause && gap(facts, c, d).words <= 8)
    .sort((a, b) => gap(facts, a, d).words - gap(facts, b, d).words)[0];
  if (!lasting) return undefined;
  const lowerBound = words.find(facts, 'bound-lower').some((b) => gap(facts, b, d).words <= 1 && gap(facts, b, d).sameClause);
  const claimed = quote(facts.text.slice(Math.min(lasting.start, d.start) - at, Math.max(lasting.end, d.end) - at));
  const prefix = /^(?:for|over|after|lasting)\s+/i.exec(d.text)?.[0] ?? '';

  // A sentence about a cited study is judged against what that study reported.
  // A benefit a study saw last while treatment continued does not say how long one dose or one course lasts.
  const claimRegimen = regimenOf(facts, words, d);
  const underMaintenance = (o: SourceOutcome) => claimRegimen !== undefined && claimRegimen !== 'maintenance' && words.test(o.definition ?? '', 'regimen-maintenance');
  const reported = cited.flatMap((c) =>
    c.source && isUsable(c.source)
      ? (c.source.outcomes ?? [])
          .filter((o) => (o.measure === 'duration-of-benefit' || o.measure === 'relapse-time') && isUsable(o) && DAYS[o.unit] !== undefined && !underMaintenance(o))
          .map((o) => ({ o, source: c.source!, via: c.via }))
      : [],
  );
  if (reported.length) {
    const { o, source } = reported.reduce((best, r) => (days(r.o.max ?? r.o.value ?? 0, r.o.unit) > days(best.o.max ?? best.o.value ?? 0, best.o.unit) ? r : best));
    const longest = days(o.max ?? o.value ?? 0, o.unit);
    const upperOnly = words.test(o.definition ?? '', 'bound-upper') && !words.test(o.definition ?? '', 'bound-lower');
    const floor = lowerBound && upperOnly && d.days >= longest * 0.9;
    if (!floor && d.days <= longest * DURATION_FACTOR) return undefined;
    // "…for at least six weeks.[^6]" where the cited study says "up to": the sentence misreports its own source, which is
    // citation-mismatch's to say. Without a citation in the sentence it reads as a claim about the treatment, and is ours.
    if (floor && reported.some((r) => r.source === source && r.via === 'citation')) return undefined;
    const value = formatRange(o.min ?? o.value ?? 0, o.max ?? o.value ?? 0, o.unit);
    const replacement = floor ? `up to ${facts.text.slice(d.start - at, d.end - at)}` : `${prefix}${value}`;
    const span = floor ? spanWithBound(facts, d, words) : d;
    return {
      start: span.start,
      end: span.end,
      message: `${claimed} goes beyond what ${sourceShortName(source)} reported: ${o.definition ?? value} (${upperOnly ? 'up to ' : ''}${value}).`,
      suggestions: d.days === Infinity ? [] : [{ title: `Use the reported duration: ${replacement}`, replacement, citeSourceId: source.id, preferred: true }],
      evidenceIds: [source.id],
    };
  }

  const mention = subjectFor(facts, lasting, index, words);
  if (!mention) return undefined;
  // Permanence claimed for a treatment whose own evidence on lasting benefit is unsettled: that evidence answers it, not its family's durations.
  if (d.days === Infinity && !index.findingsFor(mention.id).some((f) => f.intervention === mention.id && isDurationFinding(f) && !!f.range)) {
    const own = permanenceHit(facts, d, mention, index, claimed, (f) => f.intervention === mention.id);
    if (own) return own;
  }
  const regimen = regimenOf(facts, words, d);
  const suicidal = facts.conditions.some((c) => conditionOf(index, c.cue) === 'suicidal-ideation');
  const findings = findingsFor(
    index,
    mention.id,
    (f) =>
      (f.outcome === 'duration-of-benefit' || f.outcome === 'relapse-time') &&
      isUsable(f) &&
      !!f.range &&
      DAYS[f.range.unit] !== undefined &&
      (f.condition === 'suicidal-ideation') === suicidal &&
      (regimen ? f.regimen === regimen : f.regimen !== 'maintenance'),
  );
  if (!findings.length) return d.days === Infinity ? permanenceHit(facts, d, mention, index, claimed) : undefined;
  const longest = findings.reduce((best, f) => (days(f.range!.max, f.range!.unit) > days(best.range!.max, best.range!.unit) ? f : best));
  const maxDays = days(longest.range!.max, longest.range!.unit);
  if (d.days <= maxDays * DURATION_FACTOR) return undefined;
  const supported = formatRange(longest.range!.min, longest.range!.max, longest.range!.unit);
  const replacement = `${prefix}${supported}`;
  return {
    start: d.start,
    end: d.end,
    message: `${claimed} goes beyond the evidence: benefit has been shown to last about ${supported}${longest.timepoint ? ` (${longest.timepoint})` : ''}. ${longest.summary} (${preferredName(index, longest)}; certainty ${longest.certainty}).`,
    suggestions:
      d.days === Infinity
        ? []
        : [{ title: `Use the supported duration: ${replacement} (${preferredName(index, longest)})`, replacement, citeSourceId: longest.preferredSource, preferred: true }],
    evidenceIds: [longest.id, ...longest.sources],
  };
}

/** "Benefit after stopping may be limited", "long-term evidence is mixed": what a claim of permanence runs into when no finding gives a duration. */
const UNSETTLED_DURATION: ReadonlySet<string> = new Set(['mixed', 'uncertain', 'no-significant-difference', 'not-studied-in-humans']);

function isDurationFinding(f: PackFinding): boolean {
  return (f.outcome === 'duration-of-benefit' || f.outcome === 'relapse-time') && isUsable(f);
}

function permanenceHit(facts: SentenceFacts, d: DurationClaim, mention: InterventionMention, index: EvidenceIndex, claimed: string, only: (f: PackFinding) => boolean = () => true): RuleHit | undefined {
  const unsettled = findingsFor(index, mention.id, (f) => isDurationFinding(f) && !!f.direction && UNSETTLED_DURATION.has(f.direction) && only(f))[0];
  if (!unsettled) return undefined;
  return {
    start: d.start,
    end: d.end,
    message: `${claimed} goes beyond the evidence for ${named(facts, mention)}: the evidence does not show that benefit lasts once treatment stops. ${unsettled.summary} (${preferredName(index, unsettled)}; certainty ${unsettled.certainty}).`,
    suggestions: [],
    evidenceIds: [unsettled.id, ...unsettled.sources],
  };
}

/** What a claim of permanence is about when a phrase stands between ("the improvement from those early sessions is permanent", "the results are permanent"). */
const COPULA_BEFORE = /\b(?:is|are|was|were|will be|stays?|remains?|becomes?)\s+$/i;
const SUBJECT_SPAN_WORDS = 8;

function benefitSubjects(facts: SentenceFacts, d: Span, words: EvidenceWords): SlotCue[] {
  return words
    .find(facts, 'outcome-improvement', 'outcome-remission', 'benefit-result')
    .filter((c) => c.end <= d.start && gap(facts, c, d).sameClause && gap(facts, c, d).words <= SUBJECT_SPAN_WORDS && COPULA_BEFORE.test(textBetween(facts, c, d)) && !isNegated(facts, c));
}

function spanWithBound(facts: SentenceFacts, d: Span, words: EvidenceWords): Span {
  const bound = words.find(facts, 'bound-lower').find((b) => b.end <= d.start && gap(facts, b, d).words <= 1);
  return bound ? { start: bound.start, end: d.end } : d;
}

/**
 * The regimen a claim is about. With `claim`, the regimen words in the claim's own clause decide when there are any:
 * in "one infusion lasts four months, so maintenance is scheduled quarterly" the duration is one infusion's, and the
 * maintenance that follows is what the writer concludes from it. A count of sessions ("six infusions") is a course.
 */
function regimenOf(facts: SentenceFacts, words: EvidenceWords, claim?: Span): PackFinding['regimen'] | undefined {
  const all: { slot: string; span: Span }[] = [
    ...words.find(facts, 'regimen-maintenance', 'regimen-course', 'regimen-single').map((c) => ({ slot: c.slot, span: c as Span })),
    ...(claim ? sessionCounts(facts, words).filter((c) => !c.after).map((c) => ({ slot: 'regimen-course', span: c as Span })) : []),
  ];
  // "a single booster", "one top-up": one dose, though the word is a maintenance word.
  const singles = all.filter((c) => c.slot === 'regimen-single');
  for (const c of all) if (c.slot === 'regimen-maintenance' && singles.some((x) => x.span.start <= c.span.start && c.span.end <= x.span.end)) c.slot = 'regimen-single';
  const own = claim ? all.filter((c) => gap(facts, c.span, claim).sameClause) : [];
  const cues = own.length ? own : all;
  if (cues.some((c) => c.slot === 'regimen-maintenance')) return 'maintenance';
  if (cues.some((c) => c.slot === 'regimen-course')) return 'repeated-course';
  if (cues.some((c) => c.slot === 'regimen-single')) return 'single-dose';
  return undefined;
}

function days(value: number, unit: Unit): number {
  return value * (DAYS[unit] ?? 1);
}

// ---- Regulatory status: "ketamine is FDA-approved for depression", "Spravato was approved in 2015" ----

function regulatoryHit(facts: SentenceFacts, cue: SlotCue, index: EvidenceIndex, words: EvidenceWords, pronounTopic?: InterventionMention): RuleHit | undefined {
  if (isNegated(facts, cue) || isAttributed(facts, cue, OWN_VOICE)) return undefined;
  const at = facts.sentence.start;
  const years = facts.numbers.filter((n) => n.kind === 'year' && gap(facts, cue, n).words <= 8 && gap(facts, cue, n).sameClause && !isCitationYear(facts, n, index));
  if (cue.slot === 'approval-plain') {
    const agency = words.find(facts, 'regulator').length > 0;
    // "approved for adults with…", "approved for preventing suicide", "approved for teenagers": an indication or a population follows.
    const forWhat = /^\s+for\s+/i.exec(facts.text.slice(cue.end - at));
    const indicationAfter = (span: Span) => span.start >= cue.end && gap(facts, cue, span).words <= 6 && gap(facts, cue, span).sameClause;
    const followed =
      (!!forWhat && (/^(?:the\s+)?(?:treatment|use|adults|patients|people|anyone|everyone|those|depression|treatment-resistant|any|all|every)\b/i.test(facts.text.slice(cue.end - at + forWhat[0].length)) || facts.conditions.some(indicationAfter) || words.find(facts, 'population-minor').some(indicationAfter))) ||
      years.some((y) => y.start >= cue.end && gap(facts, cue, y).words <= 4) ||
      // "the approval was extended to all adults with…": the noun's scope, widened.
      words.find(facts, 'approval-widened').some((w) => w.start >= cue.end && gap(facts, cue, w).words <= 4 && gap(facts, cue, w).sameClause);
    if (!agency && !followed) return undefined;
  }
  const mention = subjectOfStatus(facts, cue, index, words) ?? pronounTopic;
  if (!mention) return undefined;
  const entries = index.regulatoryFor(mention.id);
  if (!entries.length) return undefined;
  const usable = entries.filter(isUsable);
  const evidenceIds = (list: PackRegulatory[]) => [...new Set(list.flatMap((e) => [e.id, ...e.sources]))];
  const name = named(facts, mention);
  const span: Span = isHere(mention) ? { start: Math.min(mention.start, cue.start), end: Math.max(mention.end, cue.end) } : cue;
  const claim = facts.text.slice(span.start - at, span.end - at);

  // A year that is no approval date on record.
  for (const y of years) {
    if (entries.some((e) => e.date?.startsWith(String(y.value)) || e.asOf?.startsWith(String(y.value)))) continue;
    // "approved in 2019, not 2017": the wrong year named to be corrected, beside the right one.
    if (CORRECTED_BEFORE.test(facts.text.slice(0, y.start - at)) && years.some((r) => r !== y && entries.some((e) => e.date?.startsWith(String(r.value))))) continue;
    const approved = usable.filter((e) => e.status === 'approved' || e.status === 'approved-other-indication');
    if (!approved.length) continue;
    const dates = approved.map((e) => `${describeDate(e.date)} (${lowerFirst(e.indication)})`).join('; ');
    const first = approved.filter((e) => e.date).sort((a, b) => a.date!.localeCompare(b.date!))[0];
    return {
      start: y.start,
      end: y.end,
      message: `${name} was not approved in ${y.value}: the record shows approval in ${dates}.`,
      suggestions: first?.date ? [{ title: `Use the approval year ${first.date.slice(0, 4)}`, replacement: first.date.slice(0, 4), citeSourceId: first.sources[0], preferred: true }] : [],
      evidenceIds: evidenceIds(approved),
    };
  }
  const rightYear = years.some((y) => entries.some((e) => e.date?.startsWith(String(y.value))));

  // Approved at all? Racemic ketamine is approved as an anaesthetic only.
  const otherIndication = words.find(facts, 'approval-other-indication').length > 0;
  if (!usable.some((e) => e.status === 'approved') && !otherIndication && !rightYear) {
    const other = usable.filter((e) => e.status === 'approved-other-indication');
    const offLabel = usable.filter((e) => e.status === 'off-label' || e.status === 'not-approved');
    if (!other.length && !offLabel.length) return undefined;
    const siblings = approvedSiblings(index, mention.id);
    const parts = [
      ...other.map((e) => `${name} is approved only for ${lowerFirst(e.indication)}${e.date ? ` (since ${e.date.slice(0, 4)})` : ''}`),
      ...offLabel.slice(0, 1).map((e) => `for ${lowerFirst(e.indication)} its use is ${e.status === 'off-label' ? 'off-label' : 'not approved'}`),
    ];
    const also = siblings.length ? ` The approved product is ${siblings.map((e) => `${index.intervention(e.intervention)?.name ?? e.intervention}, for ${lowerFirst(e.indication)} (${describeDate(e.date)})`).join('; ')}.` : '';
    return {
      start: span.start,
      end: span.end,
      message: `${quote(claim)} misstates its regulatory status: ${parts.join('; ')}.${also}`,
      suggestions: [],
      evidenceIds: evidenceIds([...other, ...offLabel, ...siblings]),
    };
  }

  // Approved for what? An indication on record as not approved ("approved for preventing suicide").
  const approved = usable.filter((e) => e.status === 'approved' && e.condition);
  const inClause = (s: Span) => s.start > cue.start && gap(facts, cue, s).sameClause;
  const indications = facts.conditions.filter((c) => inClause(c) && !isNegated(facts, c)).map((c) => ({ cue: c, id: conditionOf(index, c.cue) }));
  for (const { cue: said, id } of indications) {
    const refused = usable.find((e) => e.status === 'not-approved' && e.condition === id && e.intervention === mention.id);
    if (!refused || approved.some((e) => e.condition === id)) continue;
    return {
      start: said.start,
      end: said.end,
      message: `${name} is not approved for ${lowerFirst(refused.indication)}${refused.notes ? `: ${refused.notes}` : '.'} It is approved ${approved.map((e) => `for ${lowerFirst(e.indication)} (${describeDate(e.date)})`).join(' and ')}.`,
      suggestions: [],
      evidenceIds: evidenceIds([refused, ...approved]),
    };
  }

  // Approved for whom? Children or teenagers, when every approval on record is for adults.
  const minors = words.find(facts, 'population-minor').filter((m) => inClause(m) && !isNegated(facts, m));
  if (approved.length && minors.length && approved.every((e) => /\badults?\b/i.test(e.indication))) {
    return {
      start: minors[0]!.start,
      end: minors[0]!.end,
      message: `${name} is approved for adults only: ${approved.map((e) => `${lowerFirst(e.indication)} (${describeDate(e.date)})`).join('; ')}.`,
      suggestions: [],
      evidenceIds: evidenceIds(approved),
    };
  }

  // "approved for people who haven't responded to their first antidepressant" when the indication needs more failures.
  const fewerFailures = words.find(facts, 'prior-treatment-single').filter((m) => inClause(m) && !ALONGSIDE_BEFORE.test(facts.text.slice(0, m.start - at)));
  const needsFailures = approved.filter((e) => (e.priorTreatmentFailures ?? 0) > 1);
  const otherIndicationNamed = indications.some(({ id }) => id && approved.some((e) => e.condition === id && !e.priorTreatmentFailures));
  if (fewerFailures.length && needsFailures.length && !otherIndicationNamed) {
    const said = fewerFailures[0]!;
    return {
      start: said.start,
      end: said.end,
      message: `${quote(said.cue)} broadens the approval: ${name} is approved ${needsFailures.map((e) => `for ${lowerFirst(e.indication)} (${describeDate(e.date)}), which requires that at least ${e.priorTreatmentFailures} antidepressants have failed`).join('; ')}.`,
      suggestions: [],
      evidenceIds: evidenceIds(needsFailures),
    };
  }

  // "for all adults with depression", "for any form of major depression" when approval covers narrower groups.
  const everyone = words.find(facts, 'share-100', 'share-95', 'scope-any', 'scope-any-person', 'scope-general').filter((s) => s.start > cue.start && gap(facts, cue, s).sameClause);
  if (approved.length && everyone.length) {
    const claimed = facts.conditions.filter((c) => c.start > cue.start).map((c) => conditionOf(index, c.cue)).filter((c): c is string => !!c);
    const broader = claimed.some((c) => approved.every((e) => e.condition !== c));
    if (broader) {
      return {
        start: everyone[0]!.start,
        end: Math.max(everyone[0]!.end, facts.conditions.find((c) => c.start > everyone[0]!.start)?.end ?? everyone[0]!.end),
        message: `${name} is not approved for everyone with depression: it is approved ${approved.map((e) => `for ${lowerFirst(e.indication)} (${describeDate(e.date)})`).join(' and ')}.`,
        suggestions: [],
        evidenceIds: evidenceIds(approved),
      };
    }
  }
  return undefined;
}

/**
 * "That approval rested on ASPIRE I and II, in adults with treatment-resistant depression.[^2]", "the study found…, leading to
 * FDA approval for treatment-resistant depression": an approval tied to a cited study whose population was another condition.
 */
function basisHit(facts: SentenceFacts, cue: SlotCue, index: EvidenceIndex, cited: CitedSource[]): RuleHit | undefined {
  if (isNegated(facts, cue) || isAttributed(facts, cue, OWN_VOICE)) return undefined;
  const stated = facts.conditions
    .filter((c) => c.start >= cue.end && gap(facts, cue, c).sameClause && !isNegated(facts, c))
    .map((c) => ({ cue: c, id: conditionOf(index, c.cue) }))
    .filter((c): c is { cue: typeof c.cue; id: string } => !!c.id);
  if (!stated.length) return undefined;
  for (const { source, via } of cited) {
    const studied = source && isUsable(source) && via !== 'topic' ? source.population?.condition : undefined;
    if (!studied || stated.some((c) => related(index, c.id, studied))) continue;
    const said = stated[0]!.cue;
    return {
      start: said.start,
      end: said.end,
      message: `${sourceShortName(source!)} did not study ${quote(said.cue)}. Its population: ${lowerFirst(source!.population!.description)} An approval for ${quote(said.cue)} cannot rest on it.`,
      suggestions: [],
      evidenceIds: [source!.id, ...index.packs.flatMap((p) => p.regulatory ?? []).filter((e) => e.sources.includes(source!.id)).map((e) => e.id)],
    };
  }
  return undefined;
}

/** Whether two conditions are the same or one is a narrower form of the other (TRD within major depression). */
function related(index: EvidenceIndex, a: string, b: string): boolean {
  const chain = (id: string) => {
    const out: string[] = [];
    for (let c: string | undefined = id; c && !out.includes(c); c = index.condition(c)?.broader) out.push(c);
    return out;
  };
  return chain(a).includes(b) || chain(b).includes(a);
}

/** "Ketamine is a first-line treatment for depression" when its use for depression is off-label. */
function standardHit(facts: SentenceFacts, cue: SlotCue, index: EvidenceIndex): RuleHit | undefined {
  if (isNegated(facts, cue) || isAttributed(facts, cue, OWN_VOICE)) return undefined;
  // The treatment the phrase describes: named before it in the clause ("ketamine is … first-line"), not a comparator after it.
  const mention = facts.interventions.filter((i) => i.end <= cue.start && gap(facts, i, cue).sameClause && gap(facts, i, cue).words <= 8).sort((a, b) => b.end - a.end)[0];
  if (!mention || !index.intervention(mention.id)) return undefined;
  const entries = index.regulatoryFor(mention.id).filter(isUsable);
  if (entries.some((e) => e.status === 'approved')) return undefined;
  const offLabel = entries.filter((e) => e.status === 'off-label' || e.status === 'not-approved');
  if (!offLabel.length) return undefined;
  return {
    start: cue.start,
    end: cue.end,
    message: `${quote(cue.cue)} overstates the status of ${named(facts, mention)}: ${offLabel.map((e) => `for ${lowerFirst(e.indication)} its use is ${e.status === 'off-label' ? 'off-label' : 'not approved'}${e.jurisdiction === 'international' ? ' anywhere' : ` in the ${e.jurisdiction}`}`).join('; ')}.`,
    suggestions: [],
    evidenceIds: [...new Set(offLabel.flatMap((e) => [e.id, ...e.sources]))],
  };
}

/** The treatment a status word is about: named before it in the clause ("ketamine is FDA-approved"), or right after ("FDA-approved ketamine"). */
function subjectOfStatus(facts: SentenceFacts, cue: Span, index: EvidenceIndex, words: EvidenceWords): InterventionMention | undefined {
  // "The spray is now approved for…": a generic word for how the last pack treatment is given stands for it.
  const mentions = facts.interventions.map((i) => standsForTopic(facts, i, index));
  const before = mentions.filter((i) => i.end <= cue.start && sameClauseOverAsides(facts, i, cue) && gap(facts, i, cue).words <= 12).sort((a, b) => b.end - a.end)[0];
  const after = mentions.find((i) => i.start >= cue.end && gap(facts, cue, i).words <= 1);
  // "…, it is also approved for…": a word for the treatment under discussion, nearer than any name, stands for the topic.
  const reference = words.find(facts, 'reference').some((r) => r.end <= cue.start && r.start >= (before?.end ?? 0) && sameClauseOverAsides(facts, r, cue) && gap(facts, r, cue).words <= 3);
  const chosen = (reference ? topicIntervention(facts, index) : undefined) ?? before ?? after ?? (mentions.length ? undefined : topicIntervention(facts, index));
  return chosen && index.intervention(chosen.id) ? chosen : undefined;
}

/** "Esketamine (sold as Spravato), was cleared…": a bracketed aside between subject and verb does not end the clause. */
function sameClauseOverAsides(facts: SentenceFacts, a: Span, b: Span): boolean {
  const at = facts.sentence.start;
  const between = facts.text.slice(a.end - at, b.start - at).replace(/\([^()]*\)/g, ' ');
  return !CLAUSE_JOIN.test(between);
}

function approvedSiblings(index: EvidenceIndex, interventionId: string): PackRegulatory[] {
  const chain = interventionChain(index, interventionId);
  const family = chain[chain.length - 1]!;
  // Any treatment of the family, whatever its molecule: "the approved product is esketamine".
  return index.packs
    .flatMap((p) => p.interventions.filter((i) => i.family === family || i.id === family).map((i) => i.id))
    .filter((id) => id !== interventionId)
    .flatMap((id) => index.regulatoryFor(id).filter((e) => e.intervention === id && e.status === 'approved' && isUsable(e)));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function describeDate(date: string | undefined): string {
  if (!date) return 'date not recorded';
  const [y, m] = date.split('-');
  return m ? `${MONTHS[Number(m) - 1]} ${y}` : y!;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** How the sentence names the treatment ("ketamine", "Spravato"), or the topic's name when it says "it". */
function named(facts: SentenceFacts, mention: InterventionMention): string {
  const at = facts.sentence.start;
  if (mention.via === 'name' && mention.start >= at && mention.end <= at + facts.text.length) return facts.text.slice(mention.start - at, mention.end - at);
  return mention.name;
}

// ---- Route: "ketamine must be given by infusion" when the family is also given by mouth, nasal spray or injection ----

function routeHit(facts: SentenceFacts, index: EvidenceIndex, words: EvidenceWords): RuleHit | undefined {
  const at = facts.sentence.start;
  // "is only given in certified centres", "only given under supervision": where or how it is supervised, not its route.
  // "is only given through a restricted program", "only via certified clinics": access, not route.
  const settings = words.find(facts, 'care-setting');
  const setting = (c: Span) =>
    /^\s+(?:in|at|under|to|within)\b/i.test(facts.text.slice(c.end - at, c.end - at + 10)) ||
    (/^\s+(?:through|via|by)\b/i.test(facts.text.slice(c.end - at, c.end - at + 10)) && settings.some((s) => s.start >= c.end && gap(facts, c, s).words <= 4 && gap(facts, c, s).sameClause));
  const cue = words.find(facts, 'route-exclusive').find((c) => !isNegated(facts, c) && !isAttributed(facts, c, OWN_VOICE) && !setting(c));
  if (!cue) return undefined;
  const mention = interventionFor(facts, cue, index);
  if (!mention) return undefined;
  const chain = interventionChain(index, mention.id);
  const family = chain[chain.length - 1]!;
  const routes = index.packs
    .flatMap((p) => p.interventions)
    .filter((i) => (i.family === family || i.id === family) && i.kind === 'drug' && i.route && i.route !== 'unspecified')
    .map((i) => ({ id: i.id, name: i.name, route: i.route! }));
  if (new Set(routes.map((r) => r.route)).size < 2) return undefined;
  return {
    start: cue.start,
    end: cue.end,
    message: `${quote(cue.cue)}: ${named(facts, mention)} is not limited to one route. The evidence covers ${routes.map((r) => r.name).join(', ')}.`,
    suggestions: [],
    evidenceIds: routes.map((r) => index.allSources().find((src) => src.intervention === r.id && isUsable(src))?.id).filter((id): id is string => !!id),
  };
}

// ---- Direction: a benefit the evidence has not shown ("reduces suicidal thoughts and behaviors") ----

function directionHit(facts: SentenceFacts, index: EvidenceIndex, words: EvidenceWords): RuleHit | undefined {
  const found = unshownEffect(facts, index, words, false);
  return found && unshownEffectHit(facts, found, index, (quoted) => `${quoted} is not what the evidence shows`);
}

// ---- Responders' figures for everyone, and courses of treatment ----
//
//   "60% of patients were still improved eight weeks later"   60% is the share of responders who kept their response
//   "most patients improve after just three sessions"           3 is the responders' median number of infusions
//   "those veterans got just six infusions"                     the study gave a mean of 18 infusions over 12 months
//
// Decided by the pack's source outcomes: whom a number counts ('among': responders) and how much treatment a study gave
// ('sessions-received', 'sessions-to-response').

const outcomesOf = (s: PackSource): SourceOutcome[] => (s.outcomes ?? []).filter((o) => isUsable(o) && o.verification !== 'inference');
const measureIs = (o: SourceOutcome, m: SourceOutcome['measure']) => o.measure === m;

/** The sources a claim is judged against: the ones the sentence cites, else every checked source on the treatment's molecule. */
function sourcesFor(facts: SentenceFacts, span: Span, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[], viaTopic: boolean): PackSource[] {
  const own = cited.filter((c) => c.source && isUsable(c.source) && (c.via !== 'topic' || viaTopic)).map((c) => c.source!);
  if (own.length || cited.some((c) => c.via === 'citation')) return own;
  const mention = subjectFor(facts, span, index, words);
  if (!mention) return [];
  const chain = interventionChain(index, mention.id);
  const ids = new Set([...chain, ...familyMembers(index, chain[chain.length - 1]!)]);
  return index.allSources().filter((src) => isUsable(src) && src.intervention && ids.has(src.intervention));
}

/** "60% of patients were still improved at eight weeks" where the study's 60% counted only those who had responded. */
function responderShareHit(facts: SentenceFacts, n: NumberMention, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  if (n.value === undefined || !Number.isFinite(n.value) || isNegated(facts, n) || isAttributed(facts, n, OWN_VOICE)) return undefined;
  // The sentence says whom it counts: "60% of responders", "those who had responded".
  if (namesResponders(facts, words)) return undefined;
  // "still improved", "continued to respond": a benefit word after a word of continuing says it lasted.
  const benefits = words.find(facts, 'outcome-improvement', 'outcome-response', 'outcome-remission');
  const continued = words.find(facts, 'continued').filter((c) => benefits.some((b) => b.start >= c.end && gap(facts, c, b).words <= 2));
  const lasting = [...durationCues(facts, words), ...continued].some((c) => gap(facts, n, c).sameClause && gap(facts, n, c).words <= 8 && !isNegated(facts, c));
  const measure = lasting ? 'duration-of-benefit' : measureNear(facts, n, words, index)?.measure;
  if (!measure) return undefined;
  const low = n.value;
  const high = n.max ?? n.value;
  const sources = sourcesFor(facts, n, index, words, cited, false);
  const matches = (o: SourceOutcome) => o.measure === measure && o.unit === '%' && covers(o, low, high, 1.5);
  // The same figure counted among everyone somewhere in the evidence: not a misreading.
  if (sources.some((src) => outcomesOf(src).some((o) => matches(o) && o.among !== 'responders'))) return undefined;
  for (const source of sources) {
    const theirs = outcomesOf(source).find((o) => matches(o) && o.among === 'responders');
    if (!theirs) continue;
    const all = outcomesOf(source).find((o) => o.measure === 'response' && o.unit === '%' && o.among !== 'responders');
    const share = all ? `; ${formatRange(all.min ?? all.value!, all.max ?? all.value!, '%')} of patients had responded in the first place${all.timepoint ? ` (${all.timepoint})` : ''}` : '';
    return {
      start: n.start,
      end: n.end,
      message: `${quote(n.text)} counts only the patients who responded, not everyone treated. In ${sourceShortName(source)}, ${theirs.definition ?? `${theirs.value}% of responders`}${theirs.timepoint ? `, ${theirs.timepoint}` : ''}${share}. Say that the figure applies to responders.`,
      suggestions: [],
      evidenceIds: [source.id],
    };
  }
  return undefined;
}

/** "most patients improve after just three sessions" where the study's 3 was the responders' median number of infusions. */
function responderCourseHit(facts: SentenceFacts, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  const shares = words.find(facts, 'share-51', 'share-95', 'share-100').filter((c) => !isNegated(facts, c) && !isAttributed(facts, c, OWN_VOICE));
  if (!shares.length || namesResponders(facts, words)) return undefined;
  for (const count of sessionCounts(facts, words)) {
    // How soon the share of everyone got somewhere: "most patients improve … after just three sessions" (not "most patients get six infusions").
    if (!count.after || isNegated(facts, count)) continue;
    const share = shares.find((c) => c.end <= count.start && gap(facts, c, count).words <= 8 && gap(facts, c, count).sameClause);
    if (!share) continue;
    if (facts.hedges.some((h) => (h.end <= share.start || h.start >= share.end) && !(h.start < count.end && count.start < h.end))) continue;
    const sources = sourcesFor(facts, count, index, words, cited, false);
    const toResponse = (o: SourceOutcome) => measureIs(o, 'sessions-to-response') && o.value !== undefined;
    // Some study counted it for everyone treated, and the claim is within it.
    if (sources.some((src) => outcomesOf(src).some((o) => toResponse(o) && o.among !== 'responders' && count.value >= o.value!))) continue;
    for (const source of sources) {
      const theirs = outcomesOf(source).find((o) => toResponse(o) && o.among === 'responders' && count.value <= o.value!);
      if (!theirs) continue;
      const all = outcomesOf(source).find((o) => o.measure === 'response' && o.unit === '%' && o.among !== 'responders');
      const share2 = all ? `; ${formatRange(all.min ?? all.value!, all.max ?? all.value!, '%')} of patients responded at all${all.timepoint ? ` (${all.timepoint})` : ''}` : '';
      const at = facts.sentence.start;
      return {
        start: share.start,
        end: count.end,
        message: `${quote(facts.text.slice(share.start - at, count.end - at))} puts the responders' figure on everyone: in ${sourceShortName(source)}, ${theirs.definition ?? `responders needed ${theirs.value} sessions`}${share2}. Say that it applies to the patients who responded.`,
        suggestions: [],
        evidenceIds: [source.id],
      };
    }
  }
  return undefined;
}

/** "those veterans got just six infusions" where the study gave a mean of 18 infusions over 12 months. */
function courseHit(facts: SentenceFacts, index: EvidenceIndex, words: EvidenceWords, cited: CitedSource[]): RuleHit | undefined {
  if (!cited.length || facts.hedges.length) return undefined;
  const at = facts.sentence.start;
  // A study named only earlier in the text is this sentence's subject when the sentence points back at it or its participants.
  const pointsBack = refersToStudy(facts, words) || DEMONSTRATIVE_GROUP.test(facts.text);
  const sources = cited.filter((c) => c.source && isUsable(c.source) && (c.via !== 'topic' || pointsBack)).map((c) => c.source!);
  for (const count of sessionCounts(facts, words)) {
    // "improved after three sessions", "by the third infusion": how soon, not how much treatment.
    if (count.after || isNegated(facts, count) || isAttributed(facts, count, OWN_VOICE)) continue;
    for (const source of sources) {
      const given = outcomesOf(source).filter((o) => measureIs(o, 'sessions-received'));
      if (!given.length) continue;
      const fits = (o: SourceOutcome) => {
        const min = o.min ?? o.value!;
        const max = o.max ?? o.value!;
        if (o.statistic === 'mean') return count.value >= min / 2 && count.value <= max * 2;
        return count.value >= min - Math.max(1, min * 0.2) && count.value <= max + Math.max(1, max * 0.2);
      };
      if (given.some(fits) || outcomesOf(source).some((o) => measureIs(o, 'sessions-to-response') && o.value === count.value)) continue;
      const o = given[0]!;
      return {
        start: count.start,
        end: count.end,
        message: `${quote(facts.text.slice(count.start - at, count.end - at))} is not the treatment ${sourceShortName(source)} gave: ${o.definition ?? formatRange(o.min ?? o.value!, o.max ?? o.value!, 'sessions')}.`,
        suggestions: [],
        evidenceIds: [source.id],
      };
    }
  }
  return undefined;
}

/** The sentence counts responders as a group ("of responders", "those who had responded"), not "59% of patients responded". */
function namesResponders(facts: SentenceFacts, words: EvidenceWords): boolean {
  return words.any(facts, 'among-responders') || words.find(facts, 'responders').some((c) => /responders?$/i.test(c.cue) || /\bwho\b/i.test(c.cue));
}

/** "those veterans", "these patients": a group the text has already introduced. */
const DEMONSTRATIVE_GROUP = /\b(?:these|those)\s+\p{L}+/iu;
const COUNT_WORD = /^(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)$/i;
/** A unit or a linking word between a count and a session noun: the count is of something else ("6 months as infusions…"). */
/** ", not 2017", "rather than 2017", "instead of in 2017": a value named as the wrong one. */
const CORRECTED_BEFORE = /(?:,\s*not|\brather than|\binstead of)\s+(?:in\s+)?$/i;
const LINKING = /^(?:as|of|in|to|over|and|or|with|after|per|for|by|at|minutes?|hours?|days?|weeks?|months?|years?)$/i;
/** "after just three sessions", "by the third infusion", "within two doses": how soon an effect came, not the course. */
const AFTER_BEFORE = /\b(?:after|by|within|until|following)\s+(?:(?:just|only|a|the|as\s+few\s+as)\s+)*$/i;

interface SessionCount extends Span {
  value: number;
  after: boolean;
}

/** Counts of sessions in the sentence: "six IV ketamine infusions", "three sessions"; never a single one (that is a regimen word). */
function sessionCounts(facts: SentenceFacts, words: EvidenceWords): SessionCount[] {
  const at = facts.sentence.start;
  const out: SessionCount[] = [];
  for (const noun of words.find(facts, 'session-noun')) {
    const before = facts.text.slice(Math.max(0, noun.start - at - 60), noun.start - at);
    const tail = /(?:[\p{L}\d-]+\s+){1,4}$/u.exec(before);
    if (!tail) continue;
    const tokens = [...tail[0].matchAll(/[\p{L}\d-]+/gu)].reverse();
    const stop = tokens.findIndex((t) => COUNT_WORD.test(t[0]) || LINKING.test(t[0]));
    const count = stop >= 0 && COUNT_WORD.test(tokens[stop]![0]) ? tokens[stop]! : undefined;
    if (!count) continue;
    const value = /^\d/.test(count[0]) ? Number(count[0]) : toNumber(count[0]);
    if (!Number.isFinite(value) || value < 2) continue;
    const start = noun.start - before.length + tail.index + count.index!;
    out.push({ start, end: noun.end, value, after: AFTER_BEFORE.test(facts.text.slice(Math.max(0, start - at - 30), start - at)) });
  }
  return out;
}
