// safety-overclaim: "no side effects", "completely safe", "risk-free",
// "non-addictive", "no downtime" asserted about a treatment.

import { isAttributed, isNegated, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { RuleDefinition } from './rule.js';
import { assertedTerms, quote, replacementsFor, type AssertedTerm } from './termMatches.js';

/** A span of the sentence read as a safety claim with `advice`, unless it is asked, negated or someone else's words. */
function assertedSpan(facts: SentenceFacts, start: number, end: number, advice: string): AssertedTerm | undefined {
  const at = facts.sentence.start;
  const term: AssertedTerm = { start: at + start, end: at + end, text: facts.text.slice(start, end), entry: { terms: [], note: advice } };
  return facts.question || isNegated(facts, term) || isAttributed(facts, term, { reportedSpeech: false }) ? undefined : term;
}

/** "safe for teens, seniors and pretty much everyone in between": "safe for" over a list that ends in everyone. */
const SAFE_FOR_LIST = /\bsafe\s+(?:for|in)\s+(?:[\p{L}'\u2019-]+,?\s+){0,8}$/u;
const UNIVERSAL_PEOPLE = /^(?:everyone|everybody|anyone|all people|all patients)$/i;

/**
 * "Safe for kids, pregnant women and just about anyone": the universal closes a list of
 * groups the treatment is said to be safe for ("safe for everyone" itself is a lexicon term).
 */
function safeForEveryone(facts: SentenceFacts, everyone: PhraseMatcher<LexiconEntry>): AssertedTerm[] {
  if (!/\bsafe\b/i.test(facts.text)) return [];
  const universal = everyone.find(facts.text).find((m) => UNIVERSAL_PEOPLE.test(m.text) && SAFE_FOR_LIST.test(facts.text.slice(0, m.start)));
  if (!universal) return [];
  const start = SAFE_FOR_LIST.exec(facts.text.slice(0, universal.start))!.index;
  const term = assertedSpan(facts, start, universal.end, 'No treatment is safe for every group; say who should not use it and what to watch for.');
  return term ? [term] : [];
}

/** "safe to take with any", "safely alongside all your other", "safe with every": safety claimed with whatever else the reader takes. */
const SAFE_WITH_ANY = /\bsafe(?:ly)?\s+(?:(?:to\s+(?:take|use|combine|mix)|to be taken|taken|used|combined)\s+)?(?:with|alongside|together with|in combination with|on top of)\s+(?:any|all|every)(?:\s+of)?(?:\s+(?:your|the|their))?(?:\s+(?:other|existing|current|regular|usual))?(?:\s+[\p{L}-]+)?\s+$/iu;
/** "whether it is safe to take with any…", "if it is safe alongside all…": a question the writer asks, not a claim. */
const OPEN_QUESTION = /\b(?:whether|if)\b[^,;:.]*$/i;

/**
 * "It is safe to take with any medication", "safe alongside all your other medicines": a treatment said to
 * interact with nothing. The medicine nouns are in the lexicon (category `medicine-noun`); the determiner
 * ("any", "all", "every") makes the claim universal, so "safe with your blood-pressure tablets" is left alone.
 */
function safeWithAnyMedicine(facts: SentenceFacts, medicines: PhraseMatcher<LexiconEntry>): AssertedTerm[] {
  if (!/\bsafe/i.test(facts.text) || !/\b(?:any|all|every)\b/i.test(facts.text)) return [];
  for (const noun of medicines.find(facts.text)) {
    const lead = SAFE_WITH_ANY.exec(facts.text.slice(0, noun.start));
    if (!lead || OPEN_QUESTION.test(facts.text.slice(0, lead.index))) continue;
    const term = assertedSpan(facts, lead.index, noun.end, 'Many supplements and drugs interact with other medicines; say which combinations to avoid and to ask a pharmacist.');
    if (term) return [term];
  }
  return [];
}

/** Up to two words between a denial frame and what it denies: "no risk of becoming dependent", "never develop a dependence". */
const DENIAL_BRIDGE = /^\s+(?:(?:becoming|getting|growing|developing|forming|being|a|an|any)\s+){0,2}$/i;

/**
 * "No potential for dependence", "you cannot get hooked", "zero chance of becoming dependent": a denial frame
 * (lexicon category `dependence-denial`) followed by a dependence word (`dependence-state`). Both halves are
 * vocabulary; the rule reads only their order and the few filler words between.
 */
function dependenceDenied(facts: SentenceFacts, frames: PhraseMatcher<LexiconEntry>, states: PhraseMatcher<LexiconEntry>): AssertedTerm[] {
  const found = frames.find(facts.text);
  if (!found.length) return [];
  const denied = states.find(facts.text);
  for (const frame of found) {
    const state = denied.find((d) => d.start >= frame.end && DENIAL_BRIDGE.test(facts.text.slice(frame.end, d.start)));
    if (!state) continue;
    // The frame holds its own negation word ("no", "cannot"); isNegated reads only one before it ("it is not true that…").
    const term = assertedSpan(facts, frame.start, state.end, 'Some treatments (ketamine, esketamine and sleep aids among them) carry warnings about dependence and misuse.');
    if (term) return [term];
  }
  return [];
}

/** "…wear off within half an hour, so…": the effects-gone reason stands first and leads to the permission ("Because…, you can" too). */
const SO_BETWEEN = /\b(?:so|therefore|which means|meaning)\b/i;
/** "…the same afternoon, since the effects are completely gone": the permission first, its reason after. */
const BECAUSE_BETWEEN = /\b(?:since|as|because|given that|now that)\b/i;

/**
 * "The effects wear off within half an hour, so you can safely go back to work": going back to work or driving
 * permitted because the effects are said to be over. Feeling normal is not being fit to drive, so the reason
 * makes it a no-downtime claim; the permission alone ("you can drive yourself home after TMS") may be accurate.
 */
function backToNormalBecauseEffectsGone(facts: SentenceFacts, words: { gone: PhraseMatcher<LexiconEntry>; activities: PhraseMatcher<LexiconEntry>; permissions: PhraseMatcher<LexiconEntry> }): AssertedTerm[] {
  const gone = words.gone.find(facts.text);
  if (!gone.length) return [];
  const permissions = words.permissions.find(facts.text);
  for (const activity of words.activities.find(facts.text)) {
    const permission = permissions.filter((p) => p.end <= activity.start && /^\s*(?:\w+\s+)?$/.test(facts.text.slice(p.end, activity.start))).pop();
    if (!permission) continue;
    const reason = gone.find((g) =>
      g.end <= permission.start
        ? SO_BETWEEN.test(facts.text.slice(g.end, permission.start)) || BECAUSE_BETWEEN.test(facts.text.slice(0, g.start).split(/[;:]/).pop()!)
        : g.start >= activity.end && BECAUSE_BETWEEN.test(facts.text.slice(activity.end, g.start)),
    );
    if (!reason) continue;
    const term = assertedSpan(facts, permission.start, activity.end, 'Feeling normal is not being fit to drive or work: say how long patients are monitored and when they may drive.');
    if (term) return [term];
  }
  return [];
}

export const safetyOverclaim: RuleDefinition = {
  id: 'safety-overclaim',
  title: 'Safety overclaim',
  description: 'Claims such as "no side effects", "completely safe", "risk-free" or "non-addictive".',
  defaultSeverity: 'error',
  create(knowledge, analyzer) {
    // The claim terms only: medicine nouns are read after "safe with any" (safeWithAnyMedicine).
    const terms = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['']);
    const medicines = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['medicine-noun']);
    const everyone = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language'], ['']);
    const claimMaking = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language'], ['claim-making']);
    const denialFrames = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['dependence-denial']);
    const dependenceStates = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['dependence-state']);
    const backToNormal = {
      gone: analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['effects-gone']),
      activities: analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['resumed-activity']),
      permissions: analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['activity-permission']),
    };
    const warnings = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language'], ['warning']);
    return (facts) =>
      [...assertedTerms(facts, terms), ...safeForEveryone(facts, everyone), ...safeWithAnyMedicine(facts, medicines), ...dependenceDenied(facts, denialFrames, dependenceStates), ...backToNormalBecauseEffectsGone(facts, backToNormal)]
        .filter((t, i, all) => !all.some((o, j) => j < i && o.start < t.end && t.start < o.end))
        // "Be wary of any clinic that calls the procedure risk-free": someone else's claim, warned against.
        .filter((t) => !(warnings.test(facts.text) && claimMaking.find(facts.text).some((v) => v.end <= t.start - facts.sentence.start)))
        // "No treatment is risk-free" is careful writing: the negation is the sentence's subject.
        .filter((t) => !/(?:^|[,;:]\s+|\b(?:and|but|because|since|that|as)\s+)(?:no|few|not every|not all|nothing|never)\s+(?:\w+\s+){0,3}(?:is|are|can be|comes?)\s+(?:\w+\s+)?$/i.test(facts.text.slice(0, t.start - facts.sentence.start)))
        // "Try it risk-free for 30 nights" is a money-back offer, not a safety claim.
        .filter((t) => !(/risk/i.test(t.text) && /\b(?:refund|money[- ]back|trial|return it|nights|days)\b/i.test(facts.text)))
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} tells readers there is nothing to watch for. ${t.entry.note ?? 'Name the common side effects and who should not use it.'}`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
  },
};
