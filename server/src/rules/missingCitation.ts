// missing-citation: a statistic about health outcomes, or a claim about what
// studies show, with no source in the sentence or its paragraph. With an
// evidence pack, the fixes offer matching sources ("Add source").

import { CLAUSE_JOIN, isAttributed, isNegated, wordCount, type ClaimAnalyzer, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { isMagnitude } from '../core/analysis/numbers.js';
import { addSourceSuggestions } from '../core/evidence/evidenceFixes.js';
import { matcherFor, type LexiconEntry } from '../core/knowledge/lexicons.js';
import { surnameYears } from '../core/knowledge/sourceMentions.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { NumberMention, ProseBlock, Span } from '../core/types.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { doubtedByWriter } from './reportedDoubt.js';
import { quote } from './termMatches.js';

const PREPOSITION_BEFORE = /\b(?:of|in|into|at|from|during|throughout|for|to|after|before|out of)\s+$/i;
const STATISTIC_KINDS: ReadonlySet<NumberMention['kind']> = new Set(['percent', 'fraction', 'range', 'effect-size', 'multiple']);

interface StatisticWords {
  /** Measured outcomes a count of people can be the subject of ("8 of them responded"). */
  measuredOutcomes: PhraseMatcher<LexiconEntry>;
  /** What a percentage can describe besides an outcome: the product itself, or a share of intake. */
  productAttributes: PhraseMatcher<LexiconEntry>;
  intake: PhraseMatcher<LexiconEntry>;
  /** "a 40% lower risk of fractures", "twice as likely to relapse": a rate or a risk is an outcome. */
  riskMeasures: PhraseMatcher<LexiconEntry>;
  /** "shares rose 12%", "96% customer satisfaction": a business figure. */
  businessMeasures: PhraseMatcher<LexiconEntry>;
  /** "our customers", "participants": whom a measured difference is about. */
  people: PhraseMatcher<LexiconEntry>;
  /** "calories", "pounds", "mmHg": what a body burns, loses or changes by. */
  bodyUnits: PhraseMatcher<LexiconEntry>;
  /** "burns", "lose", "lowers": a change in a body measure. */
  bodyChange: PhraseMatcher<LexiconEntry>;
  /** "most", "the majority of": a share of people or cases at the head of a clause. */
  shares: PhraseMatcher<LexiconEntry>;
}

export const missingCitation: RuleDefinition = {
  id: 'missing-citation',
  title: 'Missing citation',
  description: 'A statistic or a claim about what studies show, with no source in the sentence or its paragraph.',
  defaultSeverity: 'information',
  create(knowledge, analyzer) {
    const L = knowledge.lexicons;
    // Words that claim what studies showed need a source; superlatives are overstated-evidence's business,
    // and agreement or acceptance among doctors ("doctors agree", "widely accepted") is an opinion, not a finding a source could back.
    const evidenceWords = analyzer.sentenceMatcher(L['overstated-evidence'], ['proof', 'confirmation', 'certainty', 'consistency']);
    const outcomeWords = analyzer.sentenceMatcher(L['health-context'], ['outcome']);
    const appraisals = analyzer.sentenceMatcher(L.citations, ['evidence-appraisal']);
    const appraisedSubjects = analyzer.sentenceMatcher(L.citations, ['appraisal-subject']);
    const appraisalStates = analyzer.sentenceMatcher(L.citations, ['appraisal-state']);
    const unnamedStudies = analyzer.sentenceMatcher(L.citations, ['unnamed-study']);
    // "a claim no published study supports": the writer says research is absent; "a three-month trial tells us nothing about…": what a study cannot show.
    const absentEvidence = analyzer.sentenceMatcher(L.citations, ['evidence-absent']);
    const limitations = analyzer.sentenceMatcher(L.citations, ['evidence-limitation']);
    // Fragments around a figure get their own matchers, so they do not displace the sentence's shared scan.
    const words: StatisticWords = {
      measuredOutcomes: matcherFor(L['outcome-measures'], ['response', 'remission', 'relapse-time', 'dropout']),
      productAttributes: matcherFor(L['health-context'], ['product-attribute']),
      intake: matcherFor(L['health-context'], ['intake']),
      riskMeasures: matcherFor(L['health-context'], ['risk-measure']),
      businessMeasures: matcherFor(L['health-context'], ['business-measure']),
      people: matcherFor(L['health-context'], ['people']),
      bodyUnits: matcherFor(L.citations, ['body-measure-unit']),
      bodyChange: matcherFor(L.citations, ['body-change-verb']),
      shares: matcherFor(L.citations, ['share-of-people']),
    };
    // "What I have read is that…": research passed on at second hand; "I doubt it": a reported figure the writer questions.
    const hearsay = analyzer.sentenceMatcher(L.citations, ['research-hearsay']);
    const doubts = matcherFor(L.citations, ['reported-doubt']);
    // "Trials have found", "evidence from two reviews suggests": research as the subject of a finding verb.
    const researchNouns = analyzer.sentenceMatcher(L.citations, ['research-noun']);
    const findingVerbs = analyzer.sentenceMatcher(L.citations, ['finding-verb']);
    // "The trial found" points at a study; "dropped out of the study" only mentions the one being described.
    const journals = matcherFor(L.citations, ['journal']);
    const studyReferences = matcherFor(L.citations, ['study-reference']);
    let lastBlock: ProseBlock | undefined;
    let lastNames = false;
    // "Holmes (2003)": one author with a year in brackets is a narrative citation; "in March (2003)" and "COVID (2020)" are not.
    const notAuthors = matcherFor(L.citations, ['not-author']);
    // (A sentence's own "Holmes (2003)" is among its citations; a paragraph's prose is read here.)
    const citesAuthorYear = (text: string): boolean => surnameYears(text, notAuthors).length > 0;
    const textNamesSource = (text: string): boolean =>
      journals.test(text) || studyReferences.find(text).some((m) => !PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) || citesAuthorYear(text);
    const namesSource = (block: ProseBlock): boolean => {
      if (block !== lastBlock) {
        lastBlock = block;
        lastNames = textNamesSource(block.prose);
      }
      return lastNames;
    };
    return (facts, document) => {
      const hitAt = (trigger: Span): RuleHit => ({
        start: trigger.start,
        end: trigger.end,
        message: `${quote(facts.text.slice(trigger.start - facts.sentence.start, trigger.end - facts.sentence.start))} has no source. Readers cannot check a figure or a "studies show" claim they cannot trace: cite the study (a footnote, "(Author, Year)" or a link to its DOI or PubMed record).`,
        suggestions: addSourceSuggestions(knowledge, facts, trigger),
      });
      if (facts.question || facts.instruction || document.block.kind === 'heading' || document.block.columnHeader) return [];
      if (document.referenceEntry) return [];
      if (facts.analysis.cited || document.citedFrom(facts.sentence.start)) return [];
      // A source cited or named in the paragraph ("published in JAMA", "the trial found") covers its sentences, before and
      // after it ("…found that 54% responded. Among the responders, 60% were still well at eight weeks."), but not the
      // writer's own figures ("Our customers sleep longer"): those need a source of their own, in their own sentence.
      // "([Int J Mol Sci, 2021](https://…))": a journal or author and a year in brackets, link text or not, is a citation.
      const paragraphSource = document.paragraphCited || JOURNAL_YEAR.test(document.block.prose) || ((document.paragraphNamesSource || /\((?:19|20)\d\d/.test(document.block.prose)) && namesSource(document.block));
      if (paragraphSource) {
        if (!FIRST_PERSON.test(facts.text) || textNamesSource(facts.text)) return [];
        const own = statistic(facts, analyzer, words);
        return own && FIRST_PERSON.test(facts.text.slice(0, own.start - facts.sentence.start)) ? [hitAt(own)] : [];
      }
      // "According to the CDC" is a source readers can find, and so is a study whose title heads the section the sentence describes.
      if (/\baccording to (?:the )?[A-Z]/.test(facts.text) || facts.citations.some((c) => c.kind === 'named-study')) return [];
      if (facts.topic.source && facts.topic.sourceFromHeading) return [];
      const at = facts.sentence.start;
      // A quoted label ("Clinically proven calm" in a list the text then rebuts) or a myth set up to be refuted is examined, not claimed.
      const limits = limitations.find(facts.text);
      // "a three-month trial tells us nothing about long-term safety": research as the subject of what it cannot show.
      const limited = (span: Span) =>
        limits.some((l) => l.start >= span.end - at && wordCount(facts.text.slice(span.end - at, l.start)) <= LIMIT_GAP && !CLAUSE_BETWEEN.test(facts.text.slice(span.end - at, l.start)));
      // A claim reported as someone's words ("its director said the injections are backed by science") is sourced to
      // that speaker; research as the source ("according to the latest research") is not a source readers can find.
      // The reporting verb stands before the claim: after it, the span is the speaker ("a recent study found…").
      const reportedBefore = (span: Span) => facts.attributions.some((a) => a.category === 'reporting-verb' && a.end <= span.start);
      const asserted = (span: Span) => !isNegated(facts, span) && !isAttributed(facts, span, { reportedSpeech: reportedBefore(span) }) && !limited(span);
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
      const appraisal =
        appraisals.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end })).find(asserted) ?? researchState(facts, appraisedSubjects, appraisalStates, asserted);
      const finding = studyClaim || evidence || appraisal ? undefined : researchFinding(facts, researchNouns, findingVerbs, asserted);
      // Research at second hand is a claim only when the sentence says what it found: a treatment, condition, figure, time or outcome.
      const secondHand = hearsay
        .find(facts.text)
        .map((m) => ({ start: at + m.start, end: at + m.end }))
        .find((span) => !isNegated(facts, span) && (claimsFinding(span) || facts.numbers.some((n) => n.start >= span.end) || facts.claimVerbs.some((v) => v.start >= span.end)));
      const trigger: Span | undefined =
        studyClaim ?? evidence ?? appraisal ?? finding ?? secondHand ?? statistic(facts, analyzer, words, document.block.kind === 'table-cell') ?? bodyChange(facts, words);
      if (!trigger) return [];
      // "One woman told me it worked for 70% of patients. I couldn't find that anywhere.": a figure reported from someone
      // else and doubted, in its own sentence or the next, is examined, not asserted.
      if (isAttributed(facts, trigger) && doubtedByWriter(facts, document, doubts)) return [];
      // "…told us that "it works for 100% of people," a claim no published study supports": someone else's claim, rebutted
      // in the same sentence by saying no research backs it, is examined, not made.
      if (isAttributed(facts, trigger) && absentEvidence.find(facts.text).some((m) => at + m.end <= trigger.start || at + m.start >= trigger.end)) {
        const rebuttal = absentEvidence.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }));
        if (rebuttal.some((r) => !facts.quotes.some((q) => q.start <= r.start && r.end <= q.end))) return [];
      }
      return [hitAt(trigger)];
    };
  },
};

const FINDING_GAP = 4;
/** "(Int J Mol Sci, 2021)", "(Cephalalgia 2019)", with link brackets blanked to spaces: a source and its year in brackets. */
const JOURNAL_YEAR = /\(\s*\[?\s*\p{Lu}[\p{L}.&' -]{1,60},?\s+(?:19|20)\d\d[a-z]?\s*\]?\s*(?:\(\s*[^()\s]*\s*\))?\s*\)/u;

/** How far a limitation may stand from the research it limits: "a three-month trial tells us nothing". */
const LIMIT_GAP = 3;
/** "We research and find…": the writer's own work, not research reporting a finding. */
const PERSON_BEFORE = /\b(?:we|i|you|they|to)\s+$/i;
/** "The current study shows", "their data suggest": a study the text has already named, not an unnamed one. */
const DEFINITE_BEFORE = /\b(?:the|this|that|these|those|their|its|our|his|her)\s+(?:[\p{L}-]+\s+)?$/iu;
/** "Researchers at Stanford found": a clause break between the two would make them two claims. */
const CLAUSE_BETWEEN = /[;:.!?\u2014\u2013()]|,\s/;

/**
 * Research as the subject of a finding verb a few words on, in the same clause: "studies have linked",
 * "trials have found", "data from 10,000 patients show". Returns the span from the research word to the verb.
 */
function researchFinding(facts: SentenceFacts, nouns: PhraseMatcher<LexiconEntry>, verbs: PhraseMatcher<LexiconEntry>, asserted: (span: Span) => boolean): Span | undefined {
  const found = verbs.find(facts.text);
  if (!found.length) return undefined;
  const at = facts.sentence.start;
  for (const noun of nouns.find(facts.text)) {
    const before = facts.text.slice(Math.max(0, noun.start - 24), noun.start);
    if (PERSON_BEFORE.test(before) || DEFINITE_BEFORE.test(before)) continue;
    // "evidence to support": an infinitive names what evidence would do, not what it found.
    const verb = found.find(
      (v) => v.start >= noun.end && wordCount(facts.text.slice(noun.end, v.start)) <= FINDING_GAP && !CLAUSE_BETWEEN.test(facts.text.slice(noun.end, v.start)) && !/\bto\s+$/i.test(facts.text.slice(noun.end, v.start)),
    );
    if (!verb) continue;
    const span = { start: at + noun.start, end: at + verb.end };
    // "Researchers have not proven that…": what research has not shown, negated at the verb, is not a finding to source.
    const verbSpan = { start: at + verb.start, end: at + verb.end };
    if (asserted(span) && asserted(verbSpan) && !/\b(?:before|until|if|whether)\b/i.test(facts.text.slice(0, noun.start))) return span;
  }
  return undefined;
}

/** "we", "our customers", "my patients": the writer speaking of their own experience or records. */
const FIRST_PERSON = /(?:^|[^\p{L}'])(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|me)(?![\p{L}'])/u;

/** "our results", "your data": the writer's or the reader's own, not research. */
const OWN_BEFORE = /\b(?:our|my|your|their|his|her)\s+(?:[\p{L}-]+\s+)?$/iu;
const STATE_GAP = 8;

/**
 * An appraisal of the state of research: "the evidence remains mixed", "research on these conditions is at an
 * earlier stage", "the results so far have been inconsistent". Returns the span from the subject to the state word.
 */
function researchState(facts: SentenceFacts, subjects: PhraseMatcher<LexiconEntry>, states: PhraseMatcher<LexiconEntry>, asserted: (span: Span) => boolean): Span | undefined {
  const found = states.find(facts.text);
  if (!found.length) return undefined;
  const at = facts.sentence.start;
  for (const subject of subjects.find(facts.text)) {
    if (OWN_BEFORE.test(facts.text.slice(Math.max(0, subject.start - 24), subject.start))) continue;
    const state = found.find((m) => m.start >= subject.end && wordCount(facts.text.slice(subject.end, m.start)) <= STATE_GAP && !CLAUSE_BETWEEN.test(facts.text.slice(subject.end, m.start)));
    if (!state) continue;
    const span = { start: at + subject.start, end: at + state.end };
    if (asserted(span) && !/\b(?:before|until|if|whether)\b/i.test(facts.text.slice(0, subject.start))) return span;
  }
  return undefined;
}

const FIRST_PERSON_SINGULAR = /(?:^|[^\p{L}'])(?:I|I'm|I'd|I've|I\u2019m|I\u2019d|I\u2019ve|[Mm]y|me)(?![\p{L}'])/u;

/** "rose 35% last year", "in the past five years": calendar time, not a lasting effect. */
const CALENDAR_TIME = /\b(?:last|past|next|previous)\s+(?:\w+\s+)?(?:year|month|week|decade|quarter|season|spring|summer|autumn|fall|winter)s?\b/gi;

/** A figure about outcomes, next to an outcome word; not a count of the writer's own operations or of a trial's size. */
function statistic(facts: SentenceFacts, analyzer: ClaimAnalyzer, words: StatisticWords, inTable = false): NumberMention | undefined {
  const at = facts.sentence.start;
  return facts.numbers.find((n) => {
    const rest = facts.text.slice(n.end - at);
    if (n.kind === 'count') return countedOutcome(rest, words) || countedHarm(facts.text.slice(0, n.start - at), rest, words);
    if (n.kind === 'duration') return measuredDifference(facts, n, analyzer, words) || shareWithin(facts, n, analyzer, words);
    // "six to eight colds a year": how often an illness comes is a rate about people; "two cups a day" is a schedule.
    if (n.kind === 'rate') return analyzer.isOutcomeWord(n.text) && !FIRST_PERSON.test(facts.text.slice(0, n.start - at).split(CLAUSE_JOIN).pop()!);
    if (!STATISTIC_KINDS.has(n.kind)) return false;
    // "works 100% of the time": certainty stated as a figure is an absolute word (absolute-language's), not a rate someone measured.
    if (n.value === 100 && /^\s*of\s+the\s+time\b/i.test(rest)) return false;
    // "100% natural", "99.9% purity", "about 25% of energy needs": the product or the dose, not an outcome.
    if (words.productAttributes.find(rest.split(/\s+/, 3).join(' ')).some((m) => m.start <= 1)) return false;
    const share = /^\s*of\s+(?:the\s+|your\s+|their\s+|daily\s+)?/i.exec(rest);
    if (share && words.intake.find(rest.slice(share[0].length).split(/\s+/, 4).join(' ')).some((m) => m.start === 0)) return false;
    const clauseBefore = facts.text.slice(0, n.start - at).split(CLAUSE_JOIN).pop()!;
    // "I felt about 80% better": one person's rating of their own state, not a figure about people.
    if (n.kind === 'percent' && !/^\s*of\b/i.test(rest) && FIRST_PERSON_SINGULAR.test(clauseBefore)) return false;
    // "Shares rose 12% after the results": a business quantity, whatever outcome word stands near.
    const near = `${clauseBefore.split(/\s+/).slice(-6).join(' ')} ${rest.split(/\s+/, 4).join(' ')}`;
    if (words.businessMeasures.test(near)) return false;
    if (n.kind === 'percent' && percentChange(clauseBefore, words)) return true;
    // "More than 90% of patients who tried it say…", "9 out of 10 men see…": a share of people is a figure about people, whatever they report.
    const ofWhom = /^\s*(?:of\s+(?:the\s+|our\s+|all\s+|those\s+|these\s+)?)?/i.exec(rest)!;
    const whom = rest.slice(ofWhom[0].length).split(/\s+/, 3).join(' ');
    // Not in a table cell, which is read with its column header ("How often (PREEMPT trials)"), a source this rule does not see.
    if (!inTable && (n.kind === 'percent' ? ofWhom[0].trim() !== '' : n.kind === 'fraction') && words.people.find(whom).some((m) => m.start === 0)) return true;
    const before = facts.text.slice(0, n.start - at).split(/\s+/).slice(-6).join(' ');
    const after = rest.split(/[;:]/)[0]!.split(/\s+/).slice(0, 10).join(' ');
    const around = `${before} ${after}`.replace(CALENDAR_TIME, ' ');
    return wordCount(around) > 0 && (analyzer.isOutcomeWord(around) || words.riskMeasures.test(around));
  });
}

/** "by about 20%", "by up to 40%": the size of a change, after its verb. */
const BY_BEFORE = /\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+|over\s+|as\s+much\s+as\s+|an\s+average\s+of\s+|on\s+average\s+)?$/i;

/**
 * A change stated as a percentage: "bumps test scores by about 20%", "cuts joint pain by 40%". The verb of change
 * stands a few words before "by", in the same clause; business figures and one person's own account are ruled out
 * before this is asked.
 */
function percentChange(clauseBefore: string, words: StatisticWords): boolean {
  const by = BY_BEFORE.exec(clauseBefore);
  if (!by) return false;
  const lead = clauseBefore.slice(0, by.index);
  const verbs = words.bodyChange.find(lead);
  const verb = verbs[verbs.length - 1];
  return !!verb && wordCount(lead.slice(verb.end)) <= PERCENT_CHANGE_GAP;
}

/** "raises your risk of a heart attack by 48%": the changed measure can take a few more words than a body unit does. */
const PERCENT_CHANGE_GAP = 7;

/** "2.5 hours longer", "20 minutes sooner": a quantity followed by a comparison is a measured difference between groups or over time. */
const COMPARED = /^\s*(?:longer|shorter|more|less|fewer|faster|sooner)\b/i;

/**
 * A duration that is a measured difference ("our customers sleep 2.5 hours longer on average", "users fell asleep
 * 20 minutes faster"): an outcome statistic when people or an outcome are what it is about, not when it is a
 * session's length ("infusions run 15 minutes longer than injections").
 */
function measuredDifference(facts: SentenceFacts, n: NumberMention, analyzer: ClaimAnalyzer, words: StatisticWords): boolean {
  const at = facts.sentence.start;
  if (!COMPARED.test(facts.text.slice(n.end - at, n.end - at + 12))) return false;
  const clause = facts.text.slice(0, n.start - at).split(CLAUSE_JOIN).pop()!;
  return words.people.test(clause) || analyzer.isOutcomeWord(clause);
}

/**
 * A share of people or cases with a time frame and an outcome in the same clause: "most colds clear up within a
 * week", "most patients notice less pain within days". A benefit duration on its own ("the effect lasts about three
 * months") is not a statistic; with a share of people it is one.
 */
function shareWithin(facts: SentenceFacts, n: NumberMention, analyzer: ClaimAnalyzer, words: StatisticWords): boolean {
  const at = facts.sentence.start;
  // "within a week" is how soon an outcome comes; "for six months", "for good" is how long a benefit lasts (judged against the evidence).
  const lead = facts.text.slice(0, n.start - at);
  if (!/^within\b/i.test(n.text) && !/\bwithin\s+(?:about\s+|around\s+|roughly\s+|just\s+|only\s+)?(?:[\w-]+\s*(?:to|-|\u2013|or)\s*)?$/i.test(lead)) return false;
  const clause = facts.text.slice(0, n.start - at).split(CLAUSE_JOIN).pop()!;
  const share = words.shares.find(clause).find((m) => /^\s*(?:(?:and|but|so|while|although|though|yet)\s+)?$/i.test(clause.slice(0, m.start)));
  if (!share) return false;
  // "Most sessions last 40 minutes": the share is of something else than people, an illness or an outcome.
  const body = clause.slice(share.end);
  return analyzer.isOutcomeWord(body) || words.people.test(clause.slice(share.start, share.end + 24)) && analyzer.isOutcomeWord(`${body} ${facts.text.slice(n.end - at)}`);
}

/** "affects 280 million people", "2,000 people die from cold water shock each year": a count of people harmed or ill. */
function countedHarm(before: string, rest: string, words: StatisticWords): boolean {
  // "affects 280 million", "affects more than 280 million", "affected an estimated 1 in 5": up to two words of approximation between.
  const last = before.split(CLAUSE_JOIN).pop()!.split(/\s+/).filter(Boolean).slice(-3).join(' ');
  if (/\b(?:affects|affected|affecting)\s+(?:[a-z]+\s+){0,2}$/i.test(`${last} `)) return true;
  const clause = rest.split(/[,;:()\u2014\u2013]/)[0]!;
  if (/^\s*(?:who|that|which|whose|with|without|from|in|at|for|to)\b/i.test(clause)) return false;
  return words.riskMeasures.test(clause.split(/\s+/).filter(Boolean).slice(0, 4).join(' '));
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

/** The figure before a unit: "600", "1,200", "2.5", "ten". */
const FIGURE_BEFORE = /(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty|hundred)\s*$/i;
const CHANGE_GAP = 5;

/**
 * A measured change in the body stated as a quantity: "each session burns up to 600 calories", "users lose 10 pounds
 * in a month", "lowers blood pressure by 8 mmHg". The verb of change stands a few words before the figure, in the
 * same clause; one person's own account ("I lost 10 pounds") is an anecdote, not a statistic.
 */
function bodyChange(facts: SentenceFacts, words: StatisticWords): Span | undefined {
  const units = words.bodyUnits.find(facts.text);
  if (!units.length) return undefined;
  const at = facts.sentence.start;
  for (const unit of units) {
    const figure = FIGURE_BEFORE.exec(facts.text.slice(Math.max(0, unit.start - 16), unit.start));
    if (!figure || !/\s$|\d$/.test(facts.text.slice(0, unit.start)) || /[\p{L}\d]/u.test(facts.text[unit.end] ?? '')) continue;
    const start = unit.start - figure[0].length;
    const clause = facts.text.slice(0, start).split(CLAUSE_JOIN).pop()!;
    if (FIRST_PERSON_SINGULAR.test(clause)) continue;
    const verbs = words.bodyChange.find(clause);
    const verb = verbs[verbs.length - 1];
    if (!verb || wordCount(clause.slice(verb.end)) > CHANGE_GAP) continue;
    const span = { start: at + start, end: at + unit.end };
    if (isNegated(facts, span)) continue;
    return span;
  }
  return undefined;
}
