// overstated-evidence: "proven", "research proves", "clearly shows",
// "widely accepted", "consistently found", "among the most effective ever";
// and research in general ("studies have shown") made to vouch, unsourced,
// for a claim stated without any qualifier.

import { CLAUSE_JOIN, isAttributed, isCited, isNegated, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { isMagnitude } from '../core/analysis/numbers.js';
import type { Cue } from '../core/types.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { assertedTerms, quote, replacementsFor } from './termMatches.js';

/** Research in general, not a study one can look up: "research shows", "studies have shown", "clinical trials show". */
const GENERIC_RESEARCH = /^(?:(?:recent|new|latest|clinical|scientific|modern)\s+)?(?:research|studies|science|trials)\b/i;
/** "could", "can", "may" before the claim make it a possibility, which research may well show. */
const MODAL_BEFORE = /\b(?:can|could|may|might)\s+(?:\w+\s+)?$/i;
const AGREES_TO_ACT = /^\s+(?:to|with|on the (?:need|importance|value)|about the need|(?:that\s+)?(?:it['\u2019]s|it is) (?:worth|wise|sensible|important|best to))\b/i;
/** "Doctors and biohackers agree:", "nutritionists all agree that": a consensus asserted for a group. */
const GROUP_AGREES = /\b[\p{L}-]+s\s+(?:all\s+)?agree(?:\s*:|\s+that\b|\s+(?!to\b|with\b|on\b|about\b|upon\b|in\b)[\p{L}]+\s+(?:is|are|works?|should|can)\b|\s+(?:it|this|they)['\u2019](?:s|re)\s+(?:the\s+|a\s+)?(?:best|safest|most|only|effective|safe|cure|answer)\b)/iu;
/** "the debate about whether it works is over": a question declared closed, with what it was about in between. */
const DEBATE_CLOSED = /\bthe\s+(?:debate|question|argument|controversy)\s+(?:about|over|on|of)\s+[^,;:.!?\u2014]{1,80}?\s+is\s+(?:over|settled|closed)\b/i;

/** "the research on esketamine is clear now", "the data are conclusive": a verdict on a body of research, whatever it is about. Not "is not yet clear". */
const VERDICT_GIVEN = /\bthe\s+(?:research|evidence|science|data|studies|literature)\s+(?:(?:on|about|for|behind|into|around)\s+[^,;:.!?\u2014]{1,60}?\s+)?(?:is|are)\s+(?:now\s+)?(?:clear|conclusive|unequivocal|settled|overwhelming|in(?=\s*[:;,.!\u2014\u2013]))\b/i;
/** "nobody in that room doubted that…", "no one on the panel questions whether…": doubt denied to everyone, so the claim sounds settled. */
const DOUBT_DENIED = /\b(?:no one|nobody|no scientist|no expert|no doctor|no researcher)\s+(?:(?:on|in|at|among|from)\s+[^,;:.!?\u2014]{1,40}?\s+)?(?:(?:seriously|really|now|still)\s+)?(?:doubts?|doubted|disputes?|disputed|questions?|questioned)\s+(?:any\s?more\s+|any longer\s+)?(?:that|whether)\b/i;

/** Where a sentence declares a research question closed ("the debate about X is over", "the research on X is clear", "nobody doubts that"), for the claims it vouches for. */
export function closedQuestion(text: string): RegExpExecArray | null {
  return DEBATE_CLOSED.exec(text) ?? VERDICT_GIVEN.exec(text) ?? DOUBT_DENIED.exec(text);
}

export const overstatedEvidence: RuleDefinition = {
  id: 'overstated-evidence',
  title: 'Overstated evidence',
  description: 'Words such as "proven", "clearly shows", "widely accepted" or "consistently found" that make evidence sound settled.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons['overstated-evidence']);
    const absolutes = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language'], ['', 'outcome-statement']);
    const safetyTerms = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['']);
    return (facts, document) => {
      if (!facts.aboutHealth) return [];
      const at = facts.sentence.start;
      const hits: RuleHit[] = assertedTerms(facts, terms)
        // "yet to be proven", "before it can be proven": the proof is still missing.
        .filter((t) => !/\b(?:yet to be|before (?:it|they) (?:can|could) be|needs? to be|until|if|whether)\s+$/i.test(facts.text.slice(0, t.start - at)))
        // "proves nothing about depression", "proved little": the proof is denied.
        .filter((t) => !/^\s+(?:nothing|little|none|no\b)/i.test(facts.text.slice(t.end - at)))
        // "experts agree on the need for larger trials", "patients agree to…": agreeing to act, not a consensus about what works.
        .filter((t) => !(t.entry.category === 'agreement' && AGREES_TO_ACT.test(facts.text.slice(t.end - at))))
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} makes the evidence sound more certain than research can be. ${t.entry.note ?? ''}`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
      if (!hits.length && /agree/i.test(facts.text) && !facts.question) {
        const m = GROUP_AGREES.exec(facts.text);
        const span = m && { start: at + m.index, end: at + m.index + m[0].replace(/\s*(?::|that)$/i, '').length };
        if (span && !isNegated(facts, span) && !isAttributed(facts, span, { reportedSpeech: false }) && !/\b(?:not|few|no)\s+(?:all\s+)?$/i.test(facts.text.slice(0, m!.index))) {
          hits.push({ ...span, message: `${quote(facts.text.slice(span.start - at, span.end - at))} asserts a consensus no source shows. Name the guideline or review, or say that some experts recommend it.`, suggestions: [] });
        }
      }
      const closed = hits.length ? null : closedQuestion(facts.text);
      if (closed) {
        const span = { start: at + closed.index, end: at + closed.index + closed[0].length };
        if (!isNegated(facts, span) && !isAttributed(facts, span, { reportedSpeech: false })) {
          hits.push({ ...span, message: `${quote(closed[0])} declares an open research question closed. Say what the trials found, for whom, and what is still uncertain.`, suggestions: [] });
        }
      }
      if (!hits.length && facts.studyClaims.length && !isCited(facts) && !document.citedFrom(facts.sentence.start)) {
        const cue = facts.studyClaims.find((c) => GENERIC_RESEARCH.test(c.cue));
        if (cue && vouchesForBareClaim(facts, cue, [...absolutes.find(facts.text), ...safetyTerms.find(facts.text)])) {
          hits.push({
            start: cue.start,
            end: cue.end,
            message: `${quote(cue.cue)} vouches for an unqualified claim without naming a study. Name the study and say what it found, for whom and how much, or soften the claim.`,
            suggestions: [],
          });
        }
      }
      return hits;
    };
  },
};

/**
 * "Research shows acupuncture works better than painkillers", "studies have shown that it is
 * non-addictive": research in general stands behind a claim that no hedge, group, figure, time frame or
 * modal qualifies: a benefit claim, an absolute or a safety claim.
 */
function vouchesForBareClaim(facts: SentenceFacts, cue: Cue, overclaims: readonly { start: number; end: number }[]): boolean {
  const at = facts.sentence.start;
  if (isNegated(facts, cue) || isAttributed(facts, cue, { reportedSpeech: false })) return false;
  const after = (s: { start: number }) => s.start >= cue.end && !CLAUSE_JOIN.test(facts.text.slice(cue.end - at, s.start - at));
  if (facts.hedges.some(after) || facts.populations.some(after) || facts.numbers.some((n) => (isMagnitude(n) || (n.kind === 'duration' && Number.isFinite(n.value))) && after(n))) return false;
  const claim = facts.claimVerbs.some(
    (v) => v.category !== 'correlational' && v.category !== 'harm' && (v.subject || v.object) && after(v) && !MODAL_BEFORE.test(facts.text.slice(0, v.start - at)) && !isNegated(facts, v),
  );
  return claim || overclaims.some((o) => after({ start: at + o.start }) && !isNegated(facts, { start: at + o.start, end: at + o.end }));
}
