// missing-citation: a statistic about health outcomes, or a claim about what
// studies show, with no source in the sentence or its paragraph. With an
// evidence pack, the fixes offer matching sources ("Add source").

import { isAttributed, isNegated, wordCount, type ClaimAnalyzer, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { isMagnitude } from '../core/analysis/numbers.js';
import { addSourceSuggestions } from '../core/evidence/evidenceFixes.js';
import { matcherFor, type LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { NumberMention, ProseBlock, Span } from '../core/types.js';
import type { RuleDefinition } from './rule.js';
import { quote } from './termMatches.js';

const PREPOSITION_BEFORE = /\b(?:of|in|into|at|from|during|throughout|for|to|after|before|out of)\s+$/i;
const STATISTIC_KINDS: ReadonlySet<NumberMention['kind']> = new Set(['percent', 'fraction', 'range', 'effect-size', 'multiple']);

interface StatisticWords {
  /** Measured outcomes a count of people can be the subject of ("8 of them responded"). */
  measuredOutcomes: PhraseMatcher<LexiconEntry>;
  /** What a percentage can describe besides an outcome: the product itself, or a share of intake. */
  productAttributes: PhraseMatcher<LexiconEntry>;
  intake: PhraseMatcher<LexiconEntry>;
}

export const missingCitation: RuleDefinition = {
  id: 'missing-citation',
  title: 'Missing citation',
  description: 'A statistic or a claim about what studies show, with no source in the sentence or its paragraph.',
  defaultSeverity: 'information',
  create(knowledge, analyzer) {
    const L = knowledge.lexicons;
    // Words that claim what studies showed need a source; superlatives are overstated-evidence's business,
    // and agreement among doctors is an opinion, not a finding a source could back.
    const evidenceWords = analyzer.sentenceMatcher(L['overstated-evidence'], ['proof', 'confirmation', 'certainty', 'consensus', 'consistency']);
    const outcomeWords = analyzer.sentenceMatcher(L['health-context'], ['outcome']);
    const appraisals = analyzer.sentenceMatcher(L.citations, ['evidence-appraisal']);
    const unnamedStudies = analyzer.sentenceMatcher(L.citations, ['unnamed-study']);
    // Fragments around a figure get their own matchers, so they do not displace the sentence's shared scan.
    const words: StatisticWords = {
      measuredOutcomes: matcherFor(L['outcome-measures'], ['response', 'remission', 'relapse-time', 'dropout']),
      productAttributes: matcherFor(L['health-context'], ['product-attribute']),
      intake: matcherFor(L['health-context'], ['intake']),
    };
    // "The trial found" points at a study; "dropped out of the study" only mentions the one being described.
    const journals = matcherFor(L.citations, ['journal']);
    const studyReferences = matcherFor(L.citations, ['study-reference']);
    let lastBlock: ProseBlock | undefined;
    let lastNames = false;
    const namesSource = (block: ProseBlock): boolean => {
      if (block !== lastBlock) {
        lastBlock = block;
        lastNames = journals.test(block.prose) || studyReferences.find(block.prose).some((m) => !PREPOSITION_BEFORE.test(block.prose.slice(Math.max(0, m.start - 12), m.start)));
      }
      return lastNames;
    };
    return (facts, document) => {
      if (facts.question || facts.instruction || document.block.kind === 'heading') return [];
      if (document.referenceEntry) return [];
      if (facts.analysis.cited || document.citedFrom(facts.sentence.start)) return [];
      // A named source ("published in JAMA", "the trial found", "according to the CDC") is a source readers can find,
      // and so is a study whose title heads the section the sentence describes.
      if ((document.paragraphNamesSource && namesSource(document.block)) || /\baccording to (?:the )?[A-Z]/.test(facts.text) || facts.citations.some((c) => c.kind === 'named-study')) return [];
      if (facts.topic.source && facts.topic.sourceFromHeading) return [];
      const at = facts.sentence.start;
      // A quoted label ("Clinically proven calm" in a list the text then rebuts) or a myth set up to be refuted is examined, not claimed.
      const asserted = (span: Span) => !isNegated(facts, span) && !isAttributed(facts, span, { reportedSpeech: false });
      // Research mentioned by an unnamed noun phrase ("a recent study", "published research") is a claim only when the
      // sentence reports what it found or is about a treatment, condition, outcome or figure: "answers based on
      // published research" claims nothing a source could back.
      const unnamedOnly = (span: Span) => unnamedStudies.find(facts.text).some((m) => at + m.start === span.start);
      const claimsFinding = (span: Span) =>
        facts.attributions.some((a) => a.category === 'reporting-verb' && a.end > span.start) ||
        facts.interventions.length > 0 || facts.conditions.length > 0 || facts.numbers.some(isMagnitude) || outcomeWords.test(facts.text);
      const studyClaim = facts.studyClaims.find((c) => asserted(c) && (!unnamedOnly(c) || claimsFinding(c)));
      const evidence = evidenceWords
        .find(facts.text)
        .map((m) => ({ start: at + m.start, end: at + m.end }))
        .find((span) => asserted(span) && !/\b(?:before|until|if|whether)\b/i.test(facts.text.slice(0, span.start - at)));
      // An appraisal of the trials ("a high risk of bias") is itself a finding about research.
      const appraisal = appraisals.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end })).find(asserted);
      const trigger: Span | undefined = studyClaim ?? evidence ?? appraisal ?? statistic(facts, analyzer, words);
      if (!trigger) return [];
      return [
        {
          start: trigger.start,
          end: trigger.end,
          message: `${quote(facts.text.slice(trigger.start - at, trigger.end - at))} has no source. Readers cannot check a figure or a "studies show" claim they cannot trace: cite the study (a footnote, "(Author, Year)" or a link to its DOI or PubMed record).`,
          suggestions: addSourceSuggestions(knowledge, facts, trigger),
        },
      ];
    };
  },
};

/** A figure about outcomes, next to an outcome word; not a count of the writer's own operations or of a trial's size. */
function statistic(facts: SentenceFacts, analyzer: ClaimAnalyzer, words: StatisticWords): NumberMention | undefined {
  const at = facts.sentence.start;
  return facts.numbers.find((n) => {
    const rest = facts.text.slice(n.end - at);
    if (n.kind === 'count') return countedOutcome(rest, words);
    if (!STATISTIC_KINDS.has(n.kind)) return false;
    // "100% natural", "99.9% purity", "about 25% of energy needs": the product or the dose, not an outcome.
    if (words.productAttributes.find(rest.split(/\s+/, 3).join(' ')).some((m) => m.start <= 1)) return false;
    const share = /^\s*of\s+(?:the\s+|your\s+|their\s+|daily\s+)?/i.exec(rest);
    if (share && words.intake.find(rest.slice(share[0].length).split(/\s+/, 4).join(' ')).some((m) => m.start === 0)) return false;
    const before = facts.text.slice(0, n.start - at).split(/\s+/).slice(-6).join(' ');
    const after = rest.split(/[;:]/)[0]!.split(/\s+/).slice(0, 10).join(' ');
    return wordCount(before + after) > 0 && analyzer.isOutcomeWord(`${before} ${after}`);
  });
}

/**
 * A count of people who had a measured outcome: "8 of them responded", "only 4 actually remitted",
 * "8 other patients dropped out". The outcome must be the count's own verb, a few words on and in the
 * same clause; "403 adults who had not responded to treatment" describes whom a trial enrolled.
 */
function countedOutcome(rest: string, words: StatisticWords): boolean {
  const clause = rest.split(/[,;:()\u2014\u2013]/)[0]!;
  if (/^\s*(?:who|that|which|whose|with|without|from|in|at|for|to)\b/i.test(clause)) return false;
  const first = clause.split(/\s+/).filter(Boolean).slice(0, 4).join(' ');
  return words.measuredOutcomes.test(first);
}
