// citation-mismatch: the text describes a cited study differently from the
// study itself: a design it is not ("meta-analysis" for a retrospective chart
// review, "randomized" or "placebo-controlled" for an uncontrolled study),
// animal results presented as evidence in people, a population the study did
// not have, "at least" where the study says "up to", superiority claimed from
// a non-inferiority trial, a single dose where the study gave a course, a
// "large" trial of two dozen people.
//
// The study is the one the sentence cites (footnote, numbered reference,
// author-year, trial name, DOI) or, for sentences that talk about "the study",
// the one the section is about. Pack sources are read from the pack (only
// verified or secondary records decide); other footnotes and reference entries
// are read for what they say about themselves ("Study in mice", "no control
// group"). A source may also be named in words (journal and year, trial name),
// and the writer's own note after a reference entry's citation ("… 2013;74(4):
// 250-256. Randomized, placebo-controlled.") is checked against the pack source
// the entry identifies; the entry's title never is.

import { isNegated, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { ageRanges, findNumbers, toNumber } from '../core/analysis/numbers.js';
import type { DocumentContext } from '../core/documentContext.js';
import type { EvidenceIndex } from '../core/knowledge/evidenceIndex.js';
import { isUsable, sourceShortName } from '../core/knowledge/evidenceIndex.js';
import type { PackSource, StudyDesign } from '../core/knowledge/evidencePack.js';
import { matcherFor, type Lexicon, type LexiconEntry } from '../core/knowledge/lexicons.js';
import { PhraseMatcher } from '../core/text/phrases.js';
import type { CitationMarker, Span, Suggestion } from '../core/types.js';
import { BibliographicWords, bibliographicHits, sourcesNamedByDetails } from './citationDetails.js';
import { citedSources, conditionOf, isCitationYear, sourcesNamedByAuthorYear, durationCues, EvidenceWords, firstOfOverlapping, gap, preferredName, refersToStudy, superiorityClaim, unshownEffect, unshownEffectHit, type CitedSource, type Slot, type SlotCue } from './evidenceClaims.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { quote } from './termMatches.js';

const POOLED: ReadonlySet<StudyDesign> = new Set(['meta-analysis', 'ipd-meta-analysis', 'umbrella-review']);
const REVIEWS: ReadonlySet<StudyDesign> = new Set(['systematic-review', 'narrative-review', 'umbrella-review', 'meta-analysis', 'ipd-meta-analysis']);
const NOT_RANDOMIZED: ReadonlySet<StudyDesign> = new Set(['open-label', 'case-series', 'retrospective-chart-review', 'animal', 'in-vitro', 'narrative-review', 'commentary', 'interview', 'news-report', 'press-release', 'ethics-review']);
const UNCONTROLLED: ReadonlySet<StudyDesign> = new Set(['open-label', 'case-series', 'retrospective-chart-review']);
/** A study described as large with fewer participants than this is not large. */
const SMALL_STUDY = 50;

/** What a cited study is, from the pack record or from the citation's own words. */
interface StudyProfile {
  name: string;
  source?: PackSource;
  design?: StudyDesign;
  animal: boolean;
  uncontrolled: boolean;
  controlled: boolean;
  randomized: boolean;
  pooled: boolean;
  /** Other design words the citation uses ("pilot trial", "case series"): it says what it is, and it is not a meta-analysis. */
  describesItself: boolean;
  n?: number;
  /** Cells in a dish, not whole animals: what the citation's own words say ("cell-culture study, in vitro"). */
  cells?: boolean;
  /** The design words the citation's own text uses, in order ("double-blind", "randomised"). */
  designWords?: string[];
  /** A report on one person: it cannot show that a treatment works. */
  singleCase: boolean;
  /** People were asked (a survey, a questionnaire), not treated under a trial protocol. */
  survey: boolean;
  course: boolean;
  single: boolean;
  /** A position stand, guideline or review: it sums up other studies and is no trial itself. */
  secondary: boolean;
  /** The citation's own words, read for whom the study enrolled. */
  text?: string;
  /** Everything the document or pack says about the study (citation, design notes, summary, comparator): read for its blinding, comparator, length and design. */
  about: string;
  /** The conditions the citation says its study excluded, lower-case, hyphens read as spaces. */
  excluded: string[];
  via: CitedSource['via'];
}

export const citationMismatch: RuleDefinition = {
  id: 'citation-mismatch',
  title: 'Source described wrongly',
  description: 'A cited study is described as something it is not: another design, animal results as human evidence, another population, "at least" for "up to", superiority from a non-inferiority trial.',
  defaultSeverity: 'warning',
  needsEvidence: true,
  readsReferenceAnnotations: true,
  create(knowledge, analyzer) {
    const index = knowledge.evidence;
    const words = new EvidenceWords(analyzer, knowledge.lexicons['evidence-claims'], knowledge.lexicons.references, knowledge.lexicons.hedges);
    const designNames = designNamesFrom(knowledge.lexicons['evidence-claims']);
    // A source that names people among its subjects ("in animals and human volunteers") is no animal-only study.
    const profiles = new StudyProfiles(words, {
      humanSubjects: matcherFor(knowledge.lexicons['evidence-claims'], ['species-human-subjects']),
      cellStudy: matcherFor(knowledge.lexicons['evidence-claims'], ['species-cell']),
    });
    const comparators = comparatorClasses(knowledge.lexicons['evidence-claims']);
    const bib = new BibliographicWords(analyzer, knowledge.lexicons.journals, knowledge.lexicons['evidence-claims']);
    return (facts, document) => {
      if (facts.question || document.block.kind === 'heading' || document.block.columnHeader) return [];
      // In a reference entry only the writer's note after the citation is a claim, and it describes the pack source the entry identifies.
      if (document.referenceEntry && document.annotatedEntry === undefined) return [];
      let cited: CitedSource[];
      if (document.annotatedEntry !== undefined) {
        cited = annotatedSource(document.annotatedEntry, index);
      } else {
        const byJournal = /\b(?:19|20)\d\d\b/.test(facts.text) || bib.datesIn(facts.text).some((d) => d.day !== undefined) ? namedByJournal(facts, index, bib) : [];
        const byAuthor = facts.citations.length ? [] : namedByAuthorYear(facts, index);
        // Nothing to compare without a citation, a section's study or a sentence about a study.
        if (!facts.citations.length && !byJournal.length && !byAuthor.length && !facts.topic.source && !facts.studyClaims.length && !/\([^()]*\b(?:19|20)\d\d\b/.test(facts.text) && !refersToStudy(facts, words) && !pointsBack(facts, words) && !NAMED_AUTHOR.test(facts.text)) return [];
        const own = citedSources(facts, document);
        // "That small study…", "In other words, …": no citation of its own, so the study is the one the sentence before cited.
        cited = own.some((c) => c.via === 'citation') ? own : [...namedInText(facts, document), ...byAuthor, ...byJournal, ...earlierCitations(facts, document, words, index, bib), ...own];
      }
      const studies = cited
        .filter((c) => !c.source || isUsable(c.source))
        .map((c) => profiles.of(c))
        .filter((p): p is StudyProfile => !!p);
      // A section's study is described only by sentences that talk about a study.
      const talksAboutStudy = words.find(facts, 'study-mention').length > 0 || facts.studyClaims.length > 0;
      const relevant = studies.filter((s) => s.via !== 'topic' || talksAboutStudy);
      const candidates = relevant.flatMap((study) => [
        designHit(facts, study, words, designNames),
        animalHit(facts, study, words, document),
        populationHit(facts, study, index, words),
        cohortHit(facts, study, words),
        doseHit(facts, study, words),
        boundHit(facts, study, words),
        regimenHit(facts, study, words),
        sizeHit(facts, study, words),
        courseCountHit(facts, study, words),
        responderCountHit(facts, study, words),
        measureHit(facts, study, words),
        fadedHit(facts, study, words),
        approvalBasisHit(facts, study, words, index),
        approvalYearHit(facts, study, words),
        certaintyHit(facts, study, words),
        singleCaseHit(facts, study, words),
        surveyHit(facts, study, words),
        nullOutcomeHit(facts, study, words),
        excludedHit(facts, study, words),
        qualifierHit(facts, study, words),
        blindingHit(facts, study, words),
        comparatorHit(facts, study, words, comparators),
        followUpHit(facts, study, words),
        causalHit(facts, study, words),
        sideEffectRateHit(facts, study, words, index),
        sharedControlHit(facts, study, words),
        scopeHit(facts, study, words),
      ]);
      candidates.push(publishedBetweenHit(facts, relevant, words));
      // Journal, date and lead author: only for a sentence that clearly identifies one pack source.
      const identified = [...new Map(relevant.filter((s) => s.source && s.via !== 'topic').map((s) => [s.source!.id, s])).values()];
      if (identified.length === 1) candidates.push(...bibliographicHits(facts, identified[0]!.source!, identified[0]!.name, words, bib));
      const referencesStudy = relevant.length > 0 || facts.studyClaims.length > 0 || refersToStudy(facts, words);
      if (referencesStudy) candidates.push(superiorityClaim(facts, words, index, relevant.map((s) => ({ source: s.source, via: s.via })), true)?.hit);
      if (referencesStudy) candidates.push(unshownEffectClaim(facts, relevant, words, index));
      return firstOfOverlapping(candidates);
    };
  },
};

/**
 * "The ASPIRE I trial showed that esketamine prevents suicide attempts[^4]", "That trial proved Spravato stops suicidal
 * thinking": a study credited with an effect that no study in the pack has shown (the finding for that treatment and
 * condition is uncertain, shows no significant difference, or was not studied in people). The study is the one the
 * sentence cites, or the one it points back at ("that trial"); research in general ("studies have found") is not a study
 * described wrongly.
 */
function unshownEffectClaim(facts: SentenceFacts, studies: StudyProfile[], words: EvidenceWords, index: EvidenceIndex): RuleHit | undefined {
  const study = studies.find((s) => s.via === 'citation') ?? (refersToStudy(facts, words) ? studies[0] : undefined);
  if (!study) return undefined;
  const found = unshownEffect(facts, index, words, true);
  return found && unshownEffectHit(facts, found, index, (quoted) => `${study.name} did not show that ${quoted}`, study.source ? [study.source.id] : []);
}

/** The pack source a reference entry identifies (DOI, first author and year, title): what the writer's note after it describes. Entries outside the pack are not read. */
function annotatedSource(entry: string, index: EvidenceIndex): CitedSource[] {
  const source = index.sourceForCitation(entry);
  return source ? [{ source, text: entry, via: 'citation' }] : [];
}

function designNamesFrom(lexicon: Lexicon): Map<string, string> {
  return new Map(lexicon.entries.filter((e) => e.category === 'design-name').flatMap((e) => e.terms.map((t) => [t, e.replacements?.[0] ?? t] as const)));
}

/** What a citation's own words say about its subjects besides "animal": people among them, or cells rather than animals. */
interface SpeciesWords {
  humanSubjects: PhraseMatcher<LexiconEntry>;
  cellStudy: PhraseMatcher<LexiconEntry>;
}

/** A source reads the same for every sentence that cites it: its profile is worked out once per checker. */
class StudyProfiles {
  private readonly bySource = new WeakMap<PackSource, Omit<StudyProfile, 'via'>>();
  private readonly byText = new Map<string, Omit<StudyProfile, 'via'> | undefined>();

  constructor(
    private readonly words: EvidenceWords,
    private readonly species: SpeciesWords,
  ) {}

  of(cited: CitedSource): StudyProfile | undefined {
    const s = cited.source;
    let read = s ? this.bySource.get(s) : cited.text !== undefined ? this.byText.get(cited.text) : undefined;
    if (!read) {
      read = readProfile(cited, this.words, this.species);
      if (s && read) this.bySource.set(s, read);
      else if (cited.text !== undefined) {
        if (this.byText.size >= 2000) this.byText.clear();
        this.byText.set(cited.text, read);
      }
    }
    // A pack source is also read through the document's own citation of it ("… Esketamine trials only.").
    return read && { ...read, about: s && cited.text ? `${read.about} ${cited.text}` : read.about, via: cited.via };
  }
}

function readProfile(cited: CitedSource, words: EvidenceWords, { humanSubjects, cellStudy }: SpeciesWords): Omit<StudyProfile, 'via'> | undefined {
  const s = cited.source;
  if (s) {
    const notes = `${s.designNotes ?? ''} ${s.summary ?? ''} ${s.intervention ?? ''}`;
    const design = s.design;
    const animal = s.species === 'mouse' || s.species === 'rat' || s.species === 'cell' || design === 'animal' || design === 'in-vitro';
    const openLabelNotes = words.test(s.designNotes ?? '', 'design-uncontrolled') && !words.test(s.designNotes ?? '', 'design-controlled');
    return {
      name: sourceShortName(s),
      source: s,
      design,
      animal,
      uncontrolled: !!design && (UNCONTROLLED.has(design) || ((design === 'rct' || design === 'crossover-rct') && openLabelNotes)),
      controlled: !!design && !UNCONTROLLED.has(design) && !openLabelNotes,
      randomized: !!design && !NOT_RANDOMIZED.has(design),
      pooled: !!design && POOLED.has(design),
      describesItself: !!design,
      n: s.n,
      singleCase: s.n === 1,
      survey: false,
      course: words.test(notes, 'regimen-course') && !words.test(notes, 'regimen-single'),
      single: false,
      secondary: !!design && REVIEWS.has(design),
      about: `${s.citation} ${s.designNotes ?? ''} ${s.summary ?? ''} ${s.comparator ? `compared with ${s.comparator}` : ''}`,
      excluded: [],
    };
  }
  const text = cited.text;
  if (!text) return undefined;
  // "in vitro fertilization" is a treatment given to people, not a study in cells.
  const speciesText = words.findIn(text, 'species-animal-exception').reduce((t, m) => t.slice(0, m.start) + ' '.repeat(m.end - m.start) + t.slice(m.end), text);
  // "in animals and human volunteers" names people among the subjects; "no human participants" does not.
  const people = humanSubjects.find(text).some((m) => !NEGATED_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)));
  const animal = words.test(speciesText, 'species-animal') && !people;
  const uncontrolled = words.test(text, 'design-uncontrolled');
  const pooled = words.test(text, 'design-meta-analysis') || words.test(text, 'design-review');
  // A title that names a randomized or controlled design describes one study, which a "meta-analysis" is not.
  const oneTrial = !pooled && (words.test(text, 'design-randomized') || words.test(text, 'design-controlled'));
  const n = findNumbers(text, 0).find((x) => x.kind === 'count')?.value;
  return {
    name: shortCitation(text),
    animal,
    cells: animal && cellStudy.test(speciesText),
    designWords: designWordsOf(text, words),
    uncontrolled,
    controlled: words.test(text, 'design-controlled'),
    randomized: words.test(text, 'design-randomized'),
    pooled,
    describesItself: animal || uncontrolled || oneTrial || words.test(text, 'design-other'),
    n,
    singleCase: words.test(text, 'design-single-case'),
    survey: words.test(text, 'design-survey') && !words.test(text, 'design-randomized'),
    course: false,
    single: false,
    secondary: (pooled || words.test(text, 'design-position')) && !oneTrial,
    text,
    about: text,
    excluded: excludedConditions(text),
  };
}

const SELF_DESCRIPTION: readonly Slot[] = ['design-meta-analysis', 'design-review', 'design-randomized', 'design-controlled', 'design-double-blind', 'design-uncontrolled', 'design-single-case', 'design-survey', 'design-other'];

/** The design words a citation uses about itself, in the order it uses them, at most four and none inside another. */
function designWordsOf(text: string, words: EvidenceWords): string[] {
  const found = SELF_DESCRIPTION.flatMap((slot) => words.findIn(text, slot)).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number; text: string }[] = [];
  for (const f of found) if (!out.some((o) => f.start < o.end && o.start < f.end) && !out.some((o) => o.text.toLowerCase() === f.text.toLowerCase())) out.push(f);
  return out.slice(0, 4).map((o) => o.text);
}

/** "no", "not", "without" a word or two before: the phrase after it is denied. */
const NEGATED_BEFORE = /\b(?:no|not|non|without|never)[\s-]+(?:[\p{L}-]+\s+)?$/iu;

function shortCitation(text: string): string {
  const author = /^\s*((?:(?:van|von|de|der|den|da|di|du|del|della|le|la)\s+)*\p{Lu}[\p{L}'\-]+)(?:\s+\p{Lu}{1,3})?,?\s+(?:et al|\p{Lu})/u.exec(text)?.[1];
  const year = /\b(?:19|20)\d\d\b/.exec(text)?.[0];
  if (author) return year ? `${author} ${year}` : author;
  return 'the cited source';
}

function describe(study: StudyProfile, designNames: Map<string, string>): string {
  if (study.design) {
    const phrase = designNames.get(study.design) ?? study.design;
    const size = study.n ? ` with ${study.n.toLocaleString('en-US')} participants` : '';
    // The pack's own words on the design ("Open-label, randomized non-inferiority trial at 5 sites"), first clause only.
    const notes = study.source?.designNotes?.split(/;|\.\s/)[0]?.trim();
    return `${article(phrase)} ${phrase}${size}${notes ? ` (${lowerFirst(notes.replace(/\.$/, ''))})` : ''}`;
  }
  const oneTrial = !study.pooled && !study.secondary && !study.animal && !study.uncontrolled && (study.randomized || study.controlled);
  const parts = [
    study.animal ? (study.cells ? 'a laboratory study in cells' : 'an animal study') : undefined,
    study.uncontrolled ? 'a study without a blinded or placebo control' : undefined,
    study.secondary ? 'a review or position statement that sums up other studies, not a trial' : undefined,
    oneTrial ? 'a single trial' : undefined,
  ].filter(Boolean);
  // The reference's own design words ("double-blind, randomised, controlled"), so the reader sees what the entry says.
  const own = study.designWords?.length ? ` (its reference entry says ${study.designWords.map((w) => quote(w)).join(', ')})` : '';
  return `${parts.length ? parts.join(', ') : 'a different kind of study'}${own}`;
}

function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) && !/^(?:uni|one)/i.test(phrase) ? 'an' : 'a';
}

// ---- Design: "meta-analysis" for a chart review, "randomized" or "double-blind" for an uncontrolled study ----

function designHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords, designNames: Map<string, string>): RuleHit | undefined {
  const reviewWords = words.find(facts, 'design-review').length > 0;
  for (const cue of words.find(facts, 'design-meta-analysis', 'design-randomized', 'design-controlled')) {
    if (isNegated(facts, cue)) continue;
    // "a meta-analysis of nine randomized trials": the trials pooled, not the source; "the randomised trial by Kreider" for a position stand calls a summary one trial.
    const oneTrialCalled = cue.slot === 'design-randomized' && study.secondary && !reviewWords && !words.find(facts, 'design-meta-analysis').length && calledOneTrial(facts, cue);
    if (cue.slot !== 'design-meta-analysis' && (study.pooled || study.secondary) && !oneTrialCalled) continue;
    if (cue.slot !== 'design-meta-analysis' && /\b(?:of|from|across|in)\s+(?:\w+\s+){0,3}$/i.test(facts.text.slice(0, cue.start - facts.sentence.start)) && words.find(facts, 'design-meta-analysis', 'design-review').some((m) => m.end <= cue.start)) continue;
    let wrong = false;
    if (cue.slot === 'design-meta-analysis') {
      wrong = study.design ? !study.pooled && !(reviewWords && REVIEWS.has(study.design)) : !study.pooled && study.describesItself;
    } else if (oneTrialCalled) {
      wrong = true;
    } else if (cue.slot === 'design-randomized') {
      wrong = study.design ? !study.randomized : study.uncontrolled && !study.randomized;
    } else {
      wrong = study.uncontrolled && !study.controlled;
    }
    if (!wrong) continue;
    const real = describe(study, designNames);
    const suggestions: Suggestion[] = [];
    const phrase = study.design ? designNames.get(study.design) : undefined;
    // A noun phrase ("meta-analysis", "randomized controlled trial") can be replaced by the study's own design, when the article before it still fits.
    const before = /\b(a|an)\s+(?:\d{4}\s+)?$/i.exec(facts.text.slice(0, cue.start - facts.sentence.start))?.[1]?.toLowerCase();
    const articleFits = !before || before === article(phrase ?? '');
    if (phrase && articleFits && /(?:analysis|analyses|trial|study|RCT)$/i.test(cue.cue)) suggestions.push({ title: `Call it ${article(phrase)} ${phrase}`, replacement: phrase, preferred: true });
    return {
      start: cue.start,
      end: cue.end,
      message: `${quote(cue.cue)} does not describe ${study.name}: it is ${real}. Readers give ${quote(cue.cue)} evidence more weight than this design can bear; name the design the study had.`,
      suggestions,
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Species: animal or cell results presented as evidence in people ----

function animalHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords, document: DocumentContext): RuleHit | undefined {
  if (!study.animal) return undefined;
  // The sentence (or its paragraph) says the study was in animals: nothing hidden.
  if (words.find(facts, 'species-animal').length || words.test(document.block.prose, 'species-animal')) return undefined;
  const human = words.find(facts, 'design-human').find((c) => !isNegated(facts, c));
  const effect = words.find(facts, 'clinical-effect').find((c) => !isNegated(facts, c));
  // "…which is why I chose IV": a treatment picked for people on the strength of the animal result.
  const choice = words.find(facts, 'treatment-choice').find((c) => !isNegated(facts, c));
  const anchor: SlotCue | undefined = human ?? effect ?? choice;
  if (!anchor) return undefined;
  const species = study.source?.species && study.source.species !== 'human' && study.source.species !== 'mixed' ? study.source.species : study.cells ? 'cell' : 'animals';
  const where = species === 'mouse' ? 'mice' : species === 'rat' ? 'rats' : species === 'cell' ? 'cells' : species;
  return {
    start: anchor.start,
    end: anchor.end,
    message: `${study.name} was a study in ${where}, but the sentence presents its result as evidence in people${human ? ` (${quote(human.cue)})` : ''}. Say that it was ${species === 'cell' ? 'a laboratory study in cells' : 'an animal study'}; results in ${where} often do not carry over to patients.`,
    suggestions: [],
    evidenceIds: study.source ? [study.source.id] : [],
  };
}

// ---- Population: a trial of major depression called a treatment-resistant one ----

/** An efficacy word with "for" or "in" just before a condition. */
const WORKS_FOR = /\b(?:works?|worked|effective|efficacious|helps?|helped)\s+(?:\w+\s+)?(?:for|in|against)\s+(?:\w+\s+)?$/i;
/** What stands between a study word and the condition it enrolled: "a trial in", "a study of ketamine among". */
const STUDY_IN = /^\s+(?:(?:of|with)\s+(?:[\p{L}-]+\s+){1,2})?(?:in|among)\s+(?:[\p{L}-]+\s+)?$/u;

function populationHit(facts: SentenceFacts, study: StudyProfile, index: EvidenceIndex, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s?.population?.condition || !s.species || s.species !== 'human') return undefined;
  const at = facts.sentence.start;
  const studied = index.conditionAndBroader(s.population.condition);
  for (const cue of facts.conditions) {
    // The condition describes who took part: "adults with", "in patients with" just before it.
    // Or the claim says what the treatment works for: "works for treatment-resistant depression", "effective in severe depression".
    // Or the study itself is said to be in them: "a double-blind trial in treatment-resistant depression".
    const forWhom =
      facts.populations.some((p) => p.end <= cue.start && gap(facts, p, cue).words <= 2 && gap(facts, p, cue).sameClause) ||
      WORKS_FOR.test(facts.text.slice(Math.max(0, cue.start - at - 40), cue.start - at)) ||
      words.find(facts, 'study-mention').some((m) => m.end <= cue.start && STUDY_IN.test(facts.text.slice(m.end - at, cue.start - at)));
    const claimed = conditionOf(index, cue.cue);
    if (!claimed || studied.includes(claimed) || isNegated(facts, cue)) continue;
    // Or a benefit verb acts on a subtype of the studied condition ("lifts treatment-resistant depression" citing a major-depression trial).
    // A condition of another family ("reduces suicidal thoughts") is an outcome the trial may have measured, not whom it enrolled.
    if (!forWhom && !(actedOn(facts, cue) && index.conditionAndBroader(claimed).some((c) => studied.includes(c)))) continue;
    if (describes(index, s.population.description, claimed)) continue;
    const condition = index.condition(claimed);
    return {
      start: cue.start,
      end: cue.end,
      message: `${study.name} did not study ${lowerFirst(condition?.name ?? cue.cue)}: its participants were ${lowerFirst(s.population.description.replace(/\.$/, ''))}.`,
      suggestions: [],
      evidenceIds: [s.id],
    };
  }
  return undefined;
}

/** The condition is the object of a benefit verb the sentence asserts ("ketamine lifts treatment-resistant depression"). */
function actedOn(facts: SentenceFacts, cue: Span): boolean {
  return facts.claimVerbs.some((v) => v.category !== 'correlational' && v.category !== 'harm' && v.object && v.object.start <= cue.start && cue.end <= v.object.end && !isNegated(facts, v));
}

/** Whether a population description mentions the condition (any of its names, by their first word's stem), not in a negated phrase. */
function describes(index: EvidenceIndex, description: string, conditionId: string): boolean {
  const condition = index.condition(conditionId);
  if (!condition) return false;
  const text = description.toLowerCase().replace(/[\u2010-\u2015]/g, '-');
  const stems = [...new Set([condition.name, ...condition.aliases].map((a) => a.toLowerCase().replace(/[\u2010-\u2015]/g, '-').split(/[\s(]/)[0]!.slice(0, 6)).filter((w) => w.length >= 3))];
  return stems.some((stem) => {
    for (let i = text.indexOf(stem); i !== -1; i = text.indexOf(stem, i + 1)) {
      if (!/\b(?:not|no|never|without)\b(?:\s+\S+){0,4}\s*$/.test(text.slice(Math.max(0, i - 40), i))) return true;
    }
    return false;
  });
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

// ---- Bounds: "at least 6 weeks" where the study says "up to 6 weeks" ----

const DAYS: Record<string, number> = { minutes: 1 / 1440, hours: 1 / 24, days: 1, weeks: 7, months: 30 };

function boundHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s) return undefined;
  const ceilings = (s.outcomes ?? []).filter((o) => isUsable(o) && DAYS[o.unit] !== undefined && words.test(o.definition ?? '', 'bound-upper') && !words.test(o.definition ?? '', 'bound-lower'));
  if (!ceilings.length) return undefined;
  const at = facts.sentence.start;
  for (const d of facts.numbers.filter((n) => n.kind === 'duration' && n.value !== undefined && Number.isFinite(n.value))) {
    const floor = words.find(facts, 'bound-lower', 'bound-lower-hedged').find((b) => gap(facts, b, d).words <= 1 && (b.end <= d.start || gap(facts, b, d).sameClause || b.slot === 'bound-lower-hedged'));
    if (!floor || isNegated(facts, floor)) continue;
    const ceiling = ceilings.find((o) => Math.abs((o.max ?? o.value ?? 0) * DAYS[o.unit]! - d.value!) <= d.value! * 0.1);
    if (!ceiling) continue;
    const span: Span = { start: Math.min(floor.start, d.start), end: Math.max(floor.end, d.end) };
    const durationText = facts.text.slice(d.start - at, d.end - at);
    return {
      start: span.start,
      end: span.end,
      message: `${study.name} reported ${ceiling.definition}: ${quote(facts.text.slice(span.start - at, span.end - at))} turns its ceiling into a floor. Say "up to ${durationText}".`,
      suggestions: floor.start < d.start ? [{ title: `Say "up to ${durationText}"`, replacement: `up to ${durationText}`, preferred: true }] : [],
      evidenceIds: [s.id],
    };
  }
  return undefined;
}

// ---- Regimen: "a single dose" for a study that gave a course of infusions ----

function regimenHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (!study.source || !study.course || study.via !== 'citation') return undefined;
  const single = words.find(facts, 'regimen-single').find((c) => !isNegated(facts, c));
  if (!single) return undefined;
  return {
    start: single.start,
    end: single.end,
    message: `${study.name} did not give ${quote(single.cue)}: ${study.source.designNotes ?? study.source.summary ?? 'patients had a course of treatments'}`,
    suggestions: [],
    evidenceIds: [study.source.id],
  };
}

// ---- Course length: "received six infusions" where the source gave a mean of 18 ----

/** A count word or figure: what "six infusions" or "18 infusions" starts with. */
const COUNT_WORD = /^(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)$/i;

/** Grammar words and time units that end a noun phrase: a count before them does not count the sessions. */
const LINKING = /^(?:as|of|in|to|over|and|or|with|after|per|for|by|at|minutes?|hours?|days?|weeks?|months?|years?)$/i;

/** "<count> [up to three words] <session noun>" in a text, with the count's value and offsets. */
function courseCounts(text: string, words: EvidenceWords): { value: number; start: number; end: number; upTo: boolean }[] {
  const out: { value: number; start: number; end: number; upTo: boolean }[] = [];
  for (const noun of words.findIn(text, 'session-noun')) {
    const before = text.slice(Math.max(0, noun.start - 60), noun.start);
    // The nearest count among the four words before the noun, with nothing but words between ("six IV ketamine infusions").
    const tail = /(?:[\p{L}\d-]+\s+){1,4}$/u.exec(before);
    if (!tail) continue;
    const tokens = [...tail[0].matchAll(/[\p{L}\d-]+/gu)].reverse();
    // Only modifiers may stand between ("six IV ketamine infusions"); a unit or a linking word means the count is of something else ("6 months as infusions…").
    const between = tokens.findIndex((t) => COUNT_WORD.test(t[0]) || LINKING.test(t[0]));
    const count = between >= 0 && COUNT_WORD.test(tokens[between]![0]) ? tokens[between] : undefined;
    if (!count) continue;
    const value = /^\d/.test(count[0]) ? Number(count[0]) : toNumber(count[0].toLowerCase());
    if (!Number.isFinite(value) || value < 2) continue;
    const start = noun.start - before.length + tail.index + count.index!;
    out.push({ value, start, end: noun.end, upTo: /\b(?:up to|maximum of|as many as)\s*$/i.test(text.slice(Math.max(0, start - 20), start)) });
  }
  return out;
}

function courseCountHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s || study.via === 'topic' || facts.hedges.length) return undefined;
  // The source's own count of the course ("a mean of 18 infusions", "up to 6 infusions").
  const theirs = courseCounts(`${s.designNotes ?? ''} ${s.summary ?? ''}`, words);
  if (!theirs.length) return undefined;
  const at = facts.sentence.start;
  for (const claim of courseCounts(facts.text, words)) {
    const span = { start: at + claim.start, end: at + claim.end };
    if (isNegated(facts, span)) continue;
    // Within the source's ceiling or close to its figure: consistent.
    if (theirs.some((t) => (t.upTo ? claim.value <= t.value : Math.abs(claim.value - t.value) <= Math.max(1, t.value * 0.2)))) continue;
    const source = `${s.designNotes ?? ''} ${s.summary ?? ''}`;
    const t = theirs[0]!;
    const phrase = /(?:(?:a\s+)?(?:mean|median|average|total)\s+of|up\s+to|as\s+many\s+as)\s+$/i.exec(source.slice(Math.max(0, t.start - 20), t.start))?.[0] ?? '';
    return {
      ...span,
      message: `${study.name} did not give ${quote(facts.text.slice(claim.start, claim.end))}: its record says ${phrase}${source.slice(t.start, t.end)}. Say how much treatment the study gave.`,
      suggestions: [],
      evidenceIds: [s.id],
    };
  }
  return undefined;
}

// ---- Responders' course for everyone: "most patients improved after three sessions" where 3 was the responders' median ----

function responderCountHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s || study.via === 'topic') return undefined;
  const record = `${s.designNotes ?? ''} ${s.summary ?? ''}`;
  // A count the record gives for responders only: "responders needed a median of 3 infusions".
  const responderCounts = courseCounts(record, words).filter((t) => words.findIn(record.slice(Math.max(0, t.start - 40), t.start), 'responders').length > 0);
  if (!responderCounts.length) return undefined;
  const shares = words.find(facts, 'share-51', 'share-95', 'share-100').filter((c) => !isNegated(facts, c));
  if (!shares.length) return undefined;
  const at = facts.sentence.start;
  for (const claim of courseCounts(facts.text, words)) {
    const span = { start: at + claim.start, end: at + claim.end };
    const theirs = responderCounts.find((t) => t.value === claim.value);
    if (!theirs) continue;
    // "most patients … after just three sessions": the share of everyone is tied to the count.
    const share = shares.find((c) => c.end <= span.start && gap(facts, c, span).words <= 6 && gap(facts, c, span).sameClause);
    // "Most patients" is itself read as a qualifier; any other hedge ("may", "about") softens the claim.
    if (!share || facts.hedges.some((h) => h.end <= share.start || h.start >= share.end)) continue;
    const window = Math.max(0, theirs.start - 40);
    const phrase = record.slice(window + (words.findIn(record.slice(window, theirs.start), 'responders')[0]?.start ?? 0), theirs.end);
    return {
      start: share.start,
      end: span.end,
      message: `In ${study.name}, ${quote(phrase)} describes responders only, not ${quote(share.cue)}: most of those treated did not respond that fast, or at all. Say that it applies to the patients who responded.`,
      suggestions: [],
      evidenceIds: [s.id],
    };
  }
  return undefined;
}

// ---- Size: "a large trial" of 24 people ----

function sizeHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.n === undefined || study.n >= SMALL_STUDY) return undefined;
  const at = facts.sentence.start;
  for (const cue of words.find(facts, 'design-size-large')) {
    // "large" describing the study: followed closely by a study word.
    const next = facts.text.slice(cue.end - at, cue.end - at + 60);
    if (!/^\s+(?:(?:[\w-]+\s+){0,3})(?:study|trial|meta-analysis|analysis|review|series|experiment)\b/i.test(next)) continue;
    return {
      start: cue.start,
      end: cue.end,
      message: `${study.name} had ${study.n} participants: calling it ${quote(cue.cue)} overstates how much weight it can bear.`,
      suggestions: [{ title: `Say "small"`, replacement: 'small', preferred: true }],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Outcome: "55% ... sustained improvement" where 55% was the response at the end of treatment; "60% of patients" where it was 60% of responders ----

function measureHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s?.outcomes?.length) return undefined;
  const at = facts.sentence.start;
  for (const n of facts.numbers.filter((x) => (x.kind === 'percent' || x.kind === 'fraction') && x.value !== undefined)) {
    const matching = s.outcomes.filter((o) => isUsable(o) && o.unit === '%' && Math.abs((o.value ?? NaN) - n.value!) <= 1.5);
    if (!matching.length) continue;
    const lasting = durationCues(facts, words).find((c) => gap(facts, c, n).words <= 10 && gap(facts, c, n).sameClause && !isNegated(facts, c));
    const sameKind = matching.find((o) => o.measure === 'duration-of-benefit');
    const other = matching.find((o) => o.measure === 'response' || o.measure === 'remission');
    if (lasting && !sameKind && other) {
      const when = other.timepoint ? ` at ${other.timepoint}` : '';
      return {
        start: n.start,
        end: lasting.end > n.end ? lasting.end : n.end,
        message: `In ${study.name}, ${n.text} was the ${other.measure} rate${when}, not ${quote(lasting.cue)} improvement: the study did not report how long it lasted.`,
        suggestions: [],
        evidenceIds: [s.id],
      };
    }
    const amongResponders = (sameKind ?? matching[0]!).definition ?? '';
    if (words.test(amongResponders, 'among-responders') && !words.find(facts, 'responders').length) {
      return {
        start: n.start,
        end: n.end,
        message: `In ${study.name}, ${n.text} is a share of responders only (${amongResponders}), not of all patients treated: ${quote(facts.text.slice(n.start - at, n.end - at))} overstates it.`,
        suggestions: [],
        evidenceIds: [s.id],
      };
    }
  }
  return undefined;
}

// ---- Faded: "benefits lasted throughout the four-week study" where the difference was no longer significant by then ----

const TIMEPOINT = /\b(?:day\s+(\d+)|(\d+)\s+days?|week\s+(\d+)|(\d+)\s+weeks?)\b/i;

function fadedHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s?.outcomes?.length) return undefined;
  const faded = s.outcomes
    .filter((o) => o.significant === false && isUsable(o) && o.timepoint)
    .map((o) => {
      const m = TIMEPOINT.exec(o.timepoint!);
      const daysAt = m ? Number(m[1] ?? m[2]) || Number(m[3] ?? m[4]) * 7 : NaN;
      return { o, daysAt };
    })
    .filter((x) => Number.isFinite(x.daysAt));
  if (!faded.length) return undefined;
  for (const d of facts.numbers.filter((n) => n.kind === 'duration' && n.value !== undefined && Number.isFinite(n.value))) {
    const lasting = durationCues(facts, words).find((c) => gap(facts, c, d).words <= 6 && gap(facts, c, d).sameClause && !isNegated(facts, c));
    if (!lasting) continue;
    const hit = faded.find((f) => d.value! >= f.daysAt * 0.8);
    if (!hit) continue;
    return {
      start: Math.min(lasting.start, d.start),
      end: Math.max(lasting.end, d.end),
      message: `In ${study.name}, the difference from the comparison group was no longer significant at ${hit.o.timepoint} (${hit.o.definition ?? hit.o.measure}), so the benefit did not last through ${d.text}.`,
      suggestions: [],
      evidenceIds: [s.id],
    };
  }
  return undefined;
}

// ---- Approval basis: a study credited with an approval it was not the basis of ----

function approvalBasisHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords, index: EvidenceIndex): RuleHit | undefined {
  const s = study.source;
  if (!s?.intervention) return undefined;
  const approvals = words.find(facts, 'approval', 'approval-plain');
  // "led the FDA to approve", "is the reason it was approved": the study, then the approval.
  let link = words.find(facts, 'led-to').find((c) => !isNegated(facts, c) && approvals.some((a) => a.start >= c.start && gap(facts, c, a).words <= 4));
  let approval = link && approvals.find((c) => c.start >= link!.start && gap(facts, link!, c).words <= 4);
  if (!link) {
    // "approved Spravato for TRD on the strength of the Canuso trial": the approval, then the study named as its basis.
    link = words.find(facts, 'approval-basis-after').find((c) => !isNegated(facts, c) && approvals.some((a) => a.end <= c.start && gap(facts, a, c).words <= 8 && gap(facts, a, c).sameClause));
    approval = link && approvals.find((a) => a.end <= link!.start && gap(facts, a, link!).words <= 8);
  }
  if (!link || !approval) return undefined;
  const years = facts.numbers.filter((n) => n.kind === 'year' && n.start > approval!.start && !isCitationYear(facts, n, index)).map((n) => String(n.value));
  const entries = index
    .regulatoryFor(s.intervention)
    .filter((e) => e.status === 'approved' && isUsable(e) && (!years.length || years.some((y) => e.date?.startsWith(y))));
  if (!entries.length || entries.some((e) => e.sources.includes(s.id))) return undefined;
  const basis = entries.map((e) => e.notes?.split(/(?<=\.)\s/)[0] ?? e.indication).join(' ');
  return {
    start: Math.min(link.start, approval.start),
    end: Math.max(link.end, approval.end),
    message: `${study.name} was not the basis of that approval. ${basis}`,
    suggestions: [],
    evidenceIds: [s.id, ...entries.map((e) => e.id)],
  };
}

// ---- Approval date: "approved back in 2017" citing the regulator's own 2019 announcement ----

const ANNOUNCEMENTS: ReadonlySet<StudyDesign> = new Set(['press-release', 'news-report']);

function approvalYearHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via !== 'citation' || facts.hedges.length) return undefined;
  // The cited source announces an approval and is dated: the pack's record, or a citation that says "approves" with a year.
  const announced = study.source ? (study.source.design && ANNOUNCEMENTS.has(study.source.design) ? study.source.year : undefined) : study.text && words.test(study.text, 'approval-announcement') ? Number([...study.text.matchAll(/\b(?:19|20)\d\d\b/g)].pop()?.[0]) : undefined;
  if (!announced || !Number.isFinite(announced)) return undefined;
  // A year is a year after "in"/"since" even where the number reader took it as a count ("in 2018 for adults").
  const at = facts.sentence.start;
  const years = facts.numbers.filter((n) => n.value !== undefined && (n.kind === 'year' || (n.kind === 'count' && /^(?:19|20)\d\d\b/.test(n.text) && /\b(?:in|since)\s+$/i.test(facts.text.slice(0, n.start - at)))));
  // One date in the sentence, and it is that of the approval: "approved … in 2017".
  if (years.length !== 1) return undefined;
  const y = years[0]!;
  const year = y.kind === 'year' ? y : { ...y, end: y.start + 4, text: y.text.slice(0, 4), value: Number(y.text.slice(0, 4)) };
  const approval = words.find(facts, 'approval', 'approval-plain').find((c) => !isNegated(facts, c) && c.end <= year.start && gap(facts, c, year).words <= 4 && gap(facts, c, year).sameClause);
  // An approval before the announcement of it contradicts the source; a later year may be another approval.
  if (!approval || year.value! >= announced) return undefined;
  return {
    start: year.start,
    end: year.end,
    message: `${study.name.replace(/^the /, 'The ')} announces the approval in ${announced}: ${quote(year.text)} contradicts the source cited for it. Give the approval date the source gives.`,
    suggestions: [],
    evidenceIds: study.source ? [study.source.id] : [],
  };
}

// ---- Dates: "published between 2020 and 2024" over a list that includes a 2014 review ----

function publishedBetweenHit(facts: SentenceFacts, studies: StudyProfile[], words: EvidenceWords): RuleHit | undefined {
  const cue = words.find(facts, 'published-between')[0];
  if (!cue) return undefined;
  const years = facts.numbers.filter((n) => n.kind === 'year' && n.start >= cue.end && gap(facts, cue, n).words <= 3);
  if (years.length < 2) return undefined;
  const [from, to] = [Math.min(years[0]!.value!, years[1]!.value!), Math.max(years[0]!.value!, years[1]!.value!)];
  const outside = studies.find((s) => s.source?.year && (s.source.year < from || s.source.year > to));
  if (!outside) return undefined;
  return {
    start: cue.start,
    end: Math.max(years[0]!.end, years[1]!.end),
    message: `${outside.name} was published in ${outside.source!.year}, outside ${from}\u2013${to}: the sources cited do not match the dates claimed for them.`,
    suggestions: [],
    evidenceIds: [outside.source!.id],
  };
}

// ---- Certainty: a conclusion the study calls unclear, stated as settled ----

function certaintyHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s?.summary || study.via === 'topic' || !words.test(s.summary, 'source-uncertain')) return undefined;
  if (facts.hedges.length) return undefined;
  const settled = words.find(facts, 'settled-claim').find((c) => !isNegated(facts, c));
  if (!settled) return undefined;
  return {
    start: settled.start,
    end: settled.end,
    message: `${study.name} does not settle this: ${s.summary} ${quote(settled.cue)} states as settled what the source leaves open.`,
    suggestions: [],
    evidenceIds: [s.id],
  };
}

// ---- A single case: one patient's story cited as showing that a treatment works ----

function singleCaseHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (!study.singleCase || study.via !== 'citation') return undefined;
  // "In a case report, one woman's mood lifted…" says what the source is; "may help" claims no result.
  if (words.find(facts, 'design-single-case').length || facts.hedges.length) return undefined;
  const effect = facts.claimVerbs.find((v) => v.category !== 'correlational' && v.category !== 'harm' && v.object && !isNegated(facts, v));
  if (!effect) return undefined;
  // Anchor on the words that present it as a study ("a study in the BMJ showed"), else on the claim.
  const anchor = words.find(facts, 'study-mention', 'design-clinical-trial').find((c) => c.end <= effect.start) ?? effect;
  return {
    start: anchor.start,
    end: anchor.end,
    message: `${study.name} is a report on a single patient, not a study that can show a treatment works: ${quote(facts.text.slice(effect.start - facts.sentence.start, (effect.object?.end ?? effect.end) - facts.sentence.start))} claims more than one person's course can show. Call it a case report and say what happened to that patient.`,
    suggestions: [],
    evidenceIds: study.source ? [study.source.id] : [],
  };
}

// ---- A survey called a trial: customers asked after the fact, presented as a clinical trial ----

function surveyHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (!study.survey || study.via !== 'citation') return undefined;
  // "a clinical trial", or plainly "a trial": either calls the survey an experiment it was not.
  const trial = words.find(facts, 'design-clinical-trial', 'design-trial-plain').find((c) => !isNegated(facts, c));
  if (!trial || words.find(facts, 'design-survey').length) return undefined;
  return {
    start: trial.start,
    end: trial.end,
    message: `${quote(trial.cue)} does not describe ${study.name}: its source describes a survey of users, not a trial in which a treatment was given and outcomes measured against a protocol. Call it a survey and say who answered it.`,
    suggestions: [{ title: 'Call it a survey', replacement: 'survey', preferred: true }],
    evidenceIds: study.source ? [study.source.id] : [],
  };
}

/** "a randomised controlled trial", "that randomised, placebo-controlled trial": one trial, not trials in general. */
function calledOneTrial(facts: SentenceFacts, cue: SlotCue): boolean {
  const at = facts.sentence.start;
  if (/s$/i.test(cue.cue)) return false;
  if (/(?:trial|RCT)$/i.test(cue.cue)) return !/^s\b/.test(facts.text.slice(cue.end - at, cue.end - at + 2));
  return /^,?\s+(?:[\w-]+,?\s+){0,2}(?:trial|study|RCT)\b(?!s)/i.test(facts.text.slice(cue.end - at, cue.end - at + 60));
}

// ---- Null outcome: "showed that the lenses reduce eye strain" citing a trial whose entry says it found no difference in eye strain ----

/** Where a phrase ends: a clause break or the words that bring in the comparison ("between", "versus"). */
const OUTCOME_STOP = /[.;:,()[\]]|\b(?:between|versus|vs|compared|than|from|and|but|or|at|after|over|in|among|with)\b/i;

interface NullOutcome {
  /** The source's own words ("no difference in eye-strain symptoms"). */
  phrase: string;
  /** The outcome's own words, lower-case, generic words left out ("eye", "strain"). */
  outcomeWords: string[];
  measured: boolean;
}

/** The outcomes a citation's own words say the study found no effect on, or did not measure. */
function nullOutcomes(text: string, words: EvidenceWords): NullOutcome[] {
  const generic = new Set(words.findIn(text, 'null-outcome-generic').map((g) => g.text.toLowerCase()));
  const contentWords = (phrase: string) => (phrase.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !generic.has(w));
  const out: NullOutcome[] = [];
  for (const cue of words.findIn(text, 'source-null-outcome-after')) {
    // The outcome follows: up to the comparison or the end of the clause, at most five words.
    const rest = text.slice(cue.end);
    const stop = OUTCOME_STOP.exec(rest.replace(/^\s*(?:in|on|for)\s+/i, (m) => ' '.repeat(m.length)));
    const outcome = rest.slice(0, stop ? stop.index : rest.length).trim().split(/\s+/).slice(0, 5).join(' ');
    out.push({ phrase: `${cue.text} ${outcome}`.trim(), outcomeWords: contentWords(outcome), measured: !/\b(?:measure|assess)/i.test(cue.text) });
  }
  for (const cue of words.findIn(text, 'source-null-outcome-before')) {
    // The outcome comes before: back to the start of the clause, at most four words.
    const before = text.slice(Math.max(0, cue.start - 60), cue.start);
    const clause = before.split(/[.;:,()]|\b(?:and|but|while|whereas)\b/i).pop() ?? '';
    const outcome = clause.trim().split(/\s+/).slice(-4).join(' ');
    out.push({ phrase: `${outcome} ${cue.text}`.trim(), outcomeWords: contentWords(outcome), measured: !/\b(?:measured|assessed|recorded)\b/i.test(cue.text) });
  }
  return out.filter((o) => o.outcomeWords.length > 0);
}

function nullOutcomeHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  // Only the citation's own words: a pack record's outcomes are read by the checks above.
  if (!study.text || study.via !== 'citation') return undefined;
  // "may reduce", or a sentence that itself reports the null result ("…although the trial found no difference"): nothing hidden.
  // ("a pilot study found" is a hedge of the evidence's stage, not of the claim: only a modal one counts.)
  if (words.any(facts, 'hedge-modal', 'source-null-outcome-after', 'source-null-outcome-before')) return undefined;
  const outcomes = nullOutcomes(study.text, words);
  if (!outcomes.length) return undefined;
  const at = facts.sentence.start;
  // The sentence credits the source with an effect: a benefit verb with an object, or an effect word, not negated.
  const verbs = facts.claimVerbs.filter((v) => v.category !== 'correlational' && v.category !== 'harm' && !isNegated(facts, v));
  const effects = words.find(facts, 'clinical-effect', 'outcome-improvement', 'superiority').filter((c) => !isNegated(facts, c));
  const claims: Span[] = [...verbs.map((v) => ({ start: v.start, end: v.object?.end ?? v.end })), ...effects];
  if (!claims.length) return undefined;
  const sentenceWords = facts.text.toLowerCase();
  for (const o of outcomes) {
    // The sentence names the same outcome ("eye strain", "pain") within the clause of the claim.
    const named = o.outcomeWords.map((w) => new RegExp(`\\b${w.slice(0, Math.max(4, w.length - 2))}`, 'u').exec(sentenceWords)).filter((m): m is RegExpExecArray => !!m);
    if (named.length < Math.min(o.outcomeWords.length, 2)) continue;
    named.sort((a, b) => a.index - b.index);
    const last = named[named.length - 1]!;
    // To the end of the outcome's last word ("eye strain", not "eye str").
    const lastEnd = last.index + (/^\p{L}*/u.exec(sentenceWords.slice(last.index))?.[0].length ?? last[0].length);
    const outcomeSpan = { start: at + named[0]!.index, end: at + lastEnd };
    const claim = claims.find((c) => gap(facts, c, outcomeSpan).sameClause && gap(facts, c, outcomeSpan).words <= 8);
    if (!claim || isNegated(facts, outcomeSpan)) continue;
    const start = Math.min(claim.start, outcomeSpan.start);
    const end = Math.max(claim.end, outcomeSpan.end);
    const said = o.measured ? 'an effect it did not find' : 'an effect on something it did not measure';
    return {
      start,
      end,
      message: `${quote(facts.text.slice(start - at, end - at))} credits ${study.name} with ${said}: its reference entry says ${quote(o.phrase)}. Say what the study found.`,
      suggestions: [],
      evidenceIds: [],
    };
  }
  return undefined;
}

// ---- A study named in running text: "the 2017 trial by Kreider and colleagues" ----

const NAMED_AUTHOR = /\b((?:(?:van|von|de|der|den)\s+)*\p{Lu}[\p{L}'\-]+)\s+(?:and\s+(?:colleagues|co-?workers|(?:his|her|their)\s+(?:team|colleagues))|et\s+al\b)/u;

/**
 * An author named in the sentence with a year, resolved to the document's reference entry (or the pack's record) for
 * that author and year: "the 2017 trial by Kreider and colleagues". (One surname with its year in brackets, "Holmes
 * (2003)", is already among the sentence's citations.)
 */
function namedByAuthorYear(facts: SentenceFacts, index: EvidenceIndex): CitedSource[] {
  return [...new Set(sourcesNamedByAuthorYear(facts.text, index).map((n) => n.source))].map((source) => ({ source, via: 'citation' as const }));
}

function namedInText(facts: SentenceFacts, document: DocumentContext): CitedSource[] {
  if (facts.citations.length) return [];
  const markers: CitationMarker[] = [];
  const at = facts.sentence.start;
  const author = NAMED_AUTHOR.exec(facts.text)?.[1];
  const year = /\b(?:19|20)\d\d\b/.exec(facts.text)?.[0];
  if (author && year && document.bibliography.length) markers.push({ start: at, end: at, kind: 'author-year', label: `${author} et al., ${year}`, scholarly: true });
  if (!markers.length) return [];
  return citedSources({ ...facts, citations: markers, text: '', topic: {} }, document).filter((c) => c.via === 'citation' && (c.source || c.text));
}

// ---- The study the sentence before cited ----

/** Sentence-initial words that restate what the sentence before said. */
const IT_WAS = /^\W*(?:(?:because|since|as)\s+)?(?:it|this|that)\s+(?:was|is)\s+(?:a|an)\b/i;
const RESTATES = /^\W*(?:in other words|put simply|simply put|that is to say|this means|that means|in short)\b/i;
// A linked citation "([Anand et al., 2023](https://…))" reaches the prose view with its URL blanked to spaces.
const CITED_YEAR = /\(([^()]*\b(?:19|20)\d\d[a-z]?)\]?\s*\)/g;

/** "In other words, …", "that randomised, placebo-controlled trial", "the same review": the sentence goes on about a study already named. */
function pointsBack(facts: SentenceFacts, words: EvidenceWords): boolean {
  if (RESTATES.test(facts.text)) return true;
  // "Because it was a placebo-controlled study, …", "This was a double-blind trial": "it" is the study just cited.
  if (IT_WAS.test(facts.text) && words.find(facts, 'study-mention').length) return true;
  const at = facts.sentence.start;
  const determiners = words.find(facts, 'determiner');
  return words.find(facts, 'study-mention').some((m) => determiners.some((d) => d.end <= m.start && gap(facts, d, m).words <= 3 && /^[\s\p{L}\d,-]*$/u.test(facts.text.slice(d.end - at, m.start - at))));
}

/**
 * "She points to a company study (Hush Health, 2024). In that randomised trial, …":
 * a sentence with no citation of its own that refers back to "that study" or restates
 * the sentence before ("In other words") describes the source that sentence cited.
 * Only the nearest earlier cited sentence of the same paragraph counts.
 */
function earlierCitations(facts: SentenceFacts, document: DocumentContext, words: EvidenceWords, index: EvidenceIndex, bib: BibliographicWords): CitedSource[] {
  if (facts.citations.length || document.block.kind !== 'paragraph') return [];
  if (!pointsBack(facts, words)) return [];
  const block = document.block;
  const before = block.prose.slice(0, facts.sentence.start - block.start);
  const markers: { start: number; marker: CitationMarker }[] = block.citations
    .filter((c) => c.end <= facts.sentence.start && (c.kind === 'footnote' || c.kind === 'numbered'))
    .map((c) => ({ start: c.start - block.start, marker: c }));
  for (const m of before.matchAll(CITED_YEAR)) {
    for (const part of m[1]!.split(';')) markers.push({ start: m.index!, marker: { start: block.start + m.index!, end: block.start + m.index! + m[0].length, kind: 'author-year', label: part.trim(), scholarly: true } });
  }
  // "in a 2013 study in Biological Psychiatry", "ELEKT-D": a pack source named in words.
  for (const m of sourcesNamedIn(before, index, bib)) markers.push({ start: m.start, marker: { start: block.start + m.start, end: block.start + m.end, kind: 'named-study', label: m.source.id, scholarly: true } });
  if (!markers.length) return [];
  const last = Math.max(...markers.map((m) => m.start));
  // The sentence the last marker belongs to: back to the sentence end before it.
  const head = before.slice(0, last).replace(/[\s.!?]+$/, '');
  const ends = [...head.matchAll(/[.!?]["'\u201d\u2019)\]]*\s+/g)];
  const from = ends.length ? ends[ends.length - 1]!.index! + ends[ends.length - 1]![0].length : 0;
  const chosen = markers.filter((m) => m.start >= from).map((m) => m.marker);
  return citedSources({ ...facts, citations: chosen, text: '', topic: {} }, document).filter((c) => c.via === 'citation');
}

// ---- A pack source named in words: its journal and year, or its trial name ----

/** Words an abbreviated journal title leaves out (ISO 4): "Arch Gen Psychiatry" stands for "Archives of General Psychiatry". */
const JOURNAL_FILLER = /^(?:of|the|and|for|on|in)$/i;
/** How far apart a journal and its year may stand: "published in Biological Psychiatry in 2000", "a 2013 study in Biological Psychiatry". */
const JOURNAL_YEAR_GAP = 30;

/**
 * The journal of a source written out or abbreviated in text, as spans: every word of the abbreviation ("Biol Psychiatry")
 * begins a capitalised word of the name ("Biological Psychiatry"), in order, with only filler words between.
 */
function journalSpans(text: string, journal: string): { start: number; end: number }[] {
  const abbreviation = journal.replace(/\([^)]*\)/g, ' ').split(/[\s.]+/).filter((w) => w && !JOURNAL_FILLER.test(w)).map((w) => w.toLowerCase());
  if (!abbreviation.length) return [];
  const tokens = [...text.matchAll(/[\p{L}&]+/gu)];
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let k = i;
    let j = 0;
    while (j < abbreviation.length && k < tokens.length) {
      const word = tokens[k]![0];
      if (/^\p{Lu}/u.test(word) && word.toLowerCase().startsWith(abbreviation[j]!)) j++;
      else if (!(j > 0 && JOURNAL_FILLER.test(word))) break;
      k++;
    }
    if (j === abbreviation.length) out.push({ start: tokens[i]!.index!, end: tokens[k - 1]!.index! + tokens[k - 1]![0].length });
  }
  return out;
}

/** Pack sources a text names by journal and year (a single source for that pair) or by trial name, with where. */
function sourcesNamedIn(text: string, index: EvidenceIndex, bib: BibliographicWords): { start: number; end: number; source: PackSource }[] {
  const out: { start: number; end: number; source: PackSource; key?: string }[] = [];
  for (const source of index.allSources()) {
    if (!isUsable(source)) continue;
    if (source.journal && source.year && text.includes(String(source.year))) {
      for (const span of journalSpans(text, source.journal)) {
        const near = text.slice(Math.max(0, span.start - JOURNAL_YEAR_GAP), span.end + JOURNAL_YEAR_GAP);
        if (new RegExp(`\\b${source.year}\\b`).test(near)) out.push({ ...span, source, key: `${span.start}:${source.year}` });
      }
    }
    for (const m of mentions(text, (source.aliases ?? []).filter((a) => a.length >= 4 && a.length <= 40))) out.push({ ...m, source });
  }
  // A journal and year that fit two sources name neither.
  const named: { start: number; end: number; source: PackSource }[] = out.filter((m) => !m.key || out.filter((o) => o.key === m.key).length === 1);
  // A recorded author with the year, or the day it was published.
  return [...named, ...sourcesNamedByDetails(text, index, bib)];
}

/** "In a 2013 study in Biological Psychiatry, …": the sentence names its source in words rather than citing it. */
function namedByJournal(facts: SentenceFacts, index: EvidenceIndex, bib: BibliographicWords): CitedSource[] {
  if (facts.citations.length) return [];
  const seen = new Set<string>();
  return sourcesNamedIn(facts.text, index, bib)
    .filter((m) => !seen.has(m.source.id) && seen.add(m.source.id))
    .map((m) => ({ source: m.source, via: 'citation' as const }));
}

// ---- Excluded people: "works just as well in people with sleep apnoea" where the source excluded them ----

const EXCLUDED = [
  /\b(?:people|patients|participants|those|subjects|individuals|adults|women|men|children)\s+(?:who\s+had|with)\s+([^.;:]{3,120}?)\s+(?:were|was)\s+(?:excluded|not\s+eligible|ineligible|not\s+enrolled|not\s+included)/gi,
  /\bexclu(?:ded|ding|sion\s+of)\s+(?:people|patients|participants|those|anyone|subjects)?\s*(?:who\s+had|with)\s+([^.;:]{3,120})/gi,
];

/** The conditions a citation says its study excluded, as lower-case phrases with hyphens read as spaces. */
function excludedConditions(text: string): string[] {
  const out: string[] = [];
  for (const re of EXCLUDED) {
    for (const m of text.matchAll(re)) {
      for (const part of m[1]!.split(/,|\bor\b|\band\b/)) {
        const phrase = part.toLowerCase().replace(/[-\u2010-\u2015]/g, ' ').replace(/\s+/g, ' ').trim();
        if (phrase.length >= 4) out.push(phrase);
      }
    }
  }
  return out;
}

function excludedHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const { excluded } = study;
  if (!excluded.length || study.via !== 'citation') return undefined;
  // The sentence itself says they were left out, or only wonders about them.
  if (/\b(?:exclu\w*|not\s+(?:studied|tested|included|enrolled)|did\s+not\s+(?:include|enrol|enroll|study|test)|unknown)\b/i.test(facts.text) || facts.hedges.length) return undefined;
  const at = facts.sentence.start;
  const plain = facts.text.toLowerCase().replace(/[-\u2010-\u2015]/g, ' ');
  for (const p of facts.populations) {
    const after = plain.slice(p.end - at, p.end - at + 80);
    const phrase = excluded.find((x) => after.replace(/^\s+/, '').startsWith(x) || new RegExp(`^\\s+(?:[\\w]+\\s+){0,1}${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(after));
    if (!phrase) continue;
    if (isNegated(facts, p)) continue;
    const end = p.end + after.indexOf(phrase) + phrase.length;
    return {
      start: p.start,
      end,
      message: `${study.name} excluded people with ${phrase}: its results say nothing about ${quote(facts.text.slice(p.start - at, end - at))}.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Qualifier: "occasional migraines" where the source enrolled chronic migraine ----

function qualifierHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (!study.text) return undefined;
  const at = facts.sentence.start;
  for (const [claimSlot, sourceSlot] of [['population-episodic', 'population-chronic'], ['population-chronic', 'population-episodic']] as const) {
    const sourceWords = words.findIn(study.text, sourceSlot);
    if (!sourceWords.length || words.test(study.text, claimSlot)) continue;
    for (const cue of words.find(facts, claimSlot)) {
      if (isNegated(facts, cue)) continue;
      // The qualified noun in the sentence ("occasional migraines") is the one the source qualifies the other way ("chronic migraine").
      const noun = /^\s+([\p{L}-]{4,})/u.exec(facts.text.slice(cue.end - at, cue.end - at + 40))?.[1]?.toLowerCase();
      if (!noun) continue;
      const stem = noun.slice(0, 5);
      // Within the next two words of the source ("acute ankle sprain").
      const next = (w: { end: number }) => /^\s*((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(study.text!.slice(w.end, w.end + 60))?.[1] ?? '';
      const match = sourceWords.find((w) => next(w).toLowerCase().split(/\s+/).some((x) => x.startsWith(stem)));
      if (!match) continue;
      const words3 = next(match).split(/\s+/);
      const theirs = `${match.text} ${words3.slice(0, words3.findIndex((x) => x.toLowerCase().startsWith(stem)) + 1).join(' ')}`;
      return {
        start: cue.start,
        end: cue.end + 1 + noun.length,
        message: `${study.name} studied ${theirs.toLowerCase()}, not ${quote(facts.text.slice(cue.start - at, cue.end - at + 1 + noun.length))}: its results may not apply to them.`,
        suggestions: [],
        evidenceIds: study.source ? [study.source.id] : [],
      };
    }
  }
  return undefined;
}

// ---- Blinding: "double-blind" for a study its source calls assessor-blinded or open-label; "placebo-controlled" for one without a sham ----

function blindingHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via === 'topic') return undefined;
  const checks = [
    { claim: 'design-double-blind', source: 'design-blind-partial', says: 'that only some people were blinded, or none' },
    { claim: 'design-placebo-claim', source: 'design-no-placebo', says: 'that it had no placebo or sham group' },
  ] as const;
  for (const { claim, source, says } of checks) {
    // "double-blind" in the source itself ("a double-blind, assessor-blinded…" never happens; a source naming both is not contradicted).
    if (!words.test(study.about, source) || words.test(study.about, claim)) continue;
    const cue = words.find(facts, claim).find((c) => !isNegated(facts, c));
    if (!cue) continue;
    const theirs = words.findIn(study.about, source)[0]!.text;
    return {
      start: cue.start,
      end: cue.end,
      message: `${quote(cue.cue)} does not describe ${study.name}: its source says ${says} (${quote(theirs)}). Readers trust a ${cue.cue} result more than this design earns; describe the blinding and control the study had.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Comparator: "works as well as sleeping pills", "beats standard antidepressants" where the source compared with placebo ----

/** Each comparator-active entry is one class of treatment: any of its terms in the source counts as the source having that comparator. */
function comparatorClasses(lexicon: Lexicon): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of lexicon.entries.filter((x) => x.category === 'comparator-active')) for (const t of e.terms) out.set(t.toLowerCase(), e.terms);
  return out;
}

/** Where any of a few terms from the pack or a lexicon class occurs in text, word by word (a matcher per term set, built once). */
function mentions(text: string, terms: readonly string[]): readonly { start: number; end: number }[] {
  const key = terms.join('\u0000');
  let matcher = TERM_MATCHERS.get(key);
  if (!matcher) TERM_MATCHERS.set(key, (matcher = new PhraseMatcher([{ terms }])));
  return matcher.find(text);
}

const TERM_MATCHERS = new Map<string, PhraseMatcher<{ terms: readonly string[] }>>();

function comparatorHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords, classes: Map<string, string[]>): RuleHit | undefined {
  if (study.via === 'topic' || facts.hedges.length) return undefined;
  // A footnote or reference entry that does not say what its study was compared with cannot contradict a comparison.
  const stated = study.source || words.test(study.about, 'comparator-stated') || words.test(study.about, 'design-uncontrolled') || words.test(study.about, 'design-no-placebo') || words.test(study.about, 'design-placebo-claim');
  if (!stated) return undefined;
  // "eased pain as well as ibuprofen", "lowered it more than a standard pill did": these words compare only after a benefit verb.
  const verbs = [...facts.claimVerbs.filter((v) => v.category !== 'harm' && v.category !== 'correlational'), ...words.find(facts, 'comparison-verb')];
  const benefitBefore = (c: SlotCue) => verbs.some((v) => v.end <= c.start && gap(facts, v, c).sameClause && gap(facts, v, c).words <= 6 && !isNegated(facts, v));
  const weak = words.find(facts, 'comparison-equivalence-weak').filter(benefitBefore);
  const comparisons = [...words.find(facts, 'comparison-equivalence', 'superiority'), ...weak].filter((c) => !isNegated(facts, c));
  if (!comparisons.length) return undefined;
  const named = [...words.find(facts, 'comparator-universal'), ...words.find(facts, 'comparator-active')];
  for (const cmp of comparisons) {
    // The comparator is what the comparison word introduces: within the next four words (two after a word that also joins or counts).
    const reach = cmp.slot === 'comparison-equivalence-weak' ? 2 : 4;
    const target = named.filter((n) => n.start >= cmp.end && gap(facts, cmp, n).words <= reach && gap(facts, cmp, n).sameClause).sort((a, b) => a.start - b.start || b.end - a.end)[0];
    if (!target) continue;
    let hasIt: boolean;
    if (target.slot === 'comparator-universal') {
      hasIt = words.test(study.about, 'comparison-source') || words.test(study.about, 'comparator-active');
    } else {
      // A treatment named only as the background everyone kept taking ("as an adjunct to antidepressant medication") is no comparator.
      const adjuncts = words.findIn(study.about, 'comparator-adjunct');
      hasIt = mentions(study.about, classes.get(target.cue.toLowerCase()) ?? [target.cue]).some((m) => !adjuncts.some((a) => a.end <= m.start && m.start - a.end <= 30));
    }
    if (hasIt) continue;
    const said = words.findIn(study.about, 'comparator-stated')[0]?.text;
    const compared = study.source?.comparator ? `it compared with ${study.source.comparator}` : said ? `its source says ${quote(said)}` : 'its source names no such comparison';
    return {
      start: cmp.start,
      end: target.end,
      message: `${study.name} did not compare the treatment with ${quote(target.cue)}: ${compared}. A comparison with another treatment needs a study that tested both; say what the study compared it with.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Follow-up: "kept working for at least six months" citing a 12-week trial with 4 weeks of follow-up ----

/** How long the source watched people: the durations its own words give to the trial, its course or its follow-up, added up. */
function observedDays(about: string, words: EvidenceWords): number | undefined {
  // A study's description is the same for every sentence that cites it: read it once per checker's words.
  let known = OBSERVED_DAYS.get(words);
  if (!known || known.size >= 500) OBSERVED_DAYS.set(words, (known = new Map()));
  if (known.has(about)) return known.get(about);
  const days = readObservedDays(about, words);
  known.set(about, days);
  return days;
}

const OBSERVED_DAYS = new WeakMap<EvidenceWords, Map<string, number | undefined>>();

function readObservedDays(about: string, words: EvidenceWords): number | undefined {
  const lengthWords = words.findIn(about, 'source-length-word');
  const spans = findNumbers(about, 0).filter((n) => n.kind === 'duration' && n.value !== undefined && Number.isFinite(n.value) && n.value > 0);
  const tied = spans.filter((n) => lengthWords.some((w) => (w.start >= n.end && w.start - n.end <= 60) || (w.end <= n.start && n.start - w.end <= 20)));
  if (!tied.length) return undefined;
  return tied.reduce((sum, n) => sum + n.value!, 0);
}

function followUpHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via !== 'citation' || facts.hedges.length) return undefined;
  const durations = facts.numbers.filter((n) => n.kind === 'duration' && n.value !== undefined && Number.isFinite(n.value));
  if (!durations.length) return undefined;
  const observed = observedDays(study.about, words);
  if (observed === undefined) return undefined;
  const lasting = [...words.find(facts, 'bound-lower', 'continued'), ...durationCues(facts, words)].filter((c) => !isNegated(facts, c));
  for (const d of durations) {
    // Well beyond what the study saw: half as long again as its treatment and follow-up together.
    if (d.value! <= observed * 1.5) continue;
    const cue = lasting.find((c) => gap(facts, c, d).words <= 4 && gap(facts, c, d).sameClause);
    if (!cue) continue;
    const span = { start: Math.min(cue.start, d.start), end: Math.max(cue.end, d.end) };
    const at = facts.sentence.start;
    return {
      start: span.start,
      end: span.end,
      message: `${study.name} did not follow people that long: by its own description it covered about ${formatDays(observed)} in all, so ${quote(facts.text.slice(span.start - at, span.end - at))} goes beyond what it could observe. Say how long the study lasted.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

function formatDays(days: number): string {
  if (days >= 60 && days % 7 !== 0) return `${Math.round(days / 30)} months`;
  if (days >= 14 && days % 7 === 0) return `${days / 7} weeks`;
  return `${Math.round(days)} days`;
}

// ---- Causation: "cuts your risk by 40%" citing a cohort study ----

function causalHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via !== 'citation' || facts.hedges.length) return undefined;
  if (!words.test(study.about, 'design-observational') || study.randomized || words.test(study.about, 'design-randomized')) return undefined;
  const cue = words.find(facts, 'causal-risk').find((c) => !isNegated(facts, c));
  if (!cue) return undefined;
  return {
    start: cue.start,
    end: cue.end,
    message: `${study.name} is an observational study: it found an association, and cannot show that the treatment itself changes the risk. ${quote(cue.cue)} states cause and effect; say that people who used it had a lower risk.`,
    suggestions: [],
    evidenceIds: study.source ? [study.source.id] : [],
  };
}

// ---- Side-effect rate: "sedation was uncommon, around 5%" citing a label that reports 48–61% ----

function sideEffectRateHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords, index: EvidenceIndex): RuleHit | undefined {
  const s = study.source;
  if (!s?.intervention || study.via !== 'citation') return undefined;
  const records = index.safetyFor(s.intervention).filter((r) => r.rate && r.rate.source === s.id && r.terms?.length && isUsable(r));
  if (!records.length) return undefined;
  const at = facts.sentence.start;
  for (const r of records) {
    // Matched on the sentence itself (case-insensitive), so offsets stay those of the source.
    const term = mentions(facts.text, r.terms ?? [])[0];
    if (!term) continue;
    const termSpan = { start: at + term.start, end: at + term.end };
    const { min, max } = r.rate!;
    const figure = facts.numbers.find((n) => n.kind === 'percent' && n.value !== undefined && gap(facts, n, termSpan).words <= 8 && (n.value < min * 0.8 || (max !== undefined && n.value > max * 1.2)));
    const rare = min >= 10 ? words.find(facts, 'share-rare').find((c) => !isNegated(facts, c) && gap(facts, c, termSpan).words <= 6) : undefined;
    const anchor = figure ?? rare;
    if (!anchor) continue;
    const range = max !== undefined ? `${min}\u2013${max}%` : `at least ${min}%`;
    return {
      start: anchor.start,
      end: anchor.end,
      message: `${study.name} reports ${range} for this effect (${r.terms?.[0] ?? r.kind}): ${quote(facts.text.slice(anchor.start - at, anchor.end - at))} contradicts the source it cites.`,
      suggestions: [],
      evidenceIds: [s.id, r.id],
    };
  }
  return undefined;
}

// ---- Shared with control: "ketamine calms the amygdala" where the amygdala changed on saline too ----

function sharedControlHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  const s = study.source;
  if (!s?.sharedWithControl?.length || facts.hedges.length) return undefined;
  // The sentence says the control group changed too: nothing hidden.
  if (/\b(?:placebo|saline|sham|control|all (?:three|two|four) groups|every group|both groups)\b/i.test(facts.text)) return undefined;
  const term = mentions(facts.text, s.sharedWithControl)[0];
  if (!term) return undefined;
  const at = facts.sentence.start;
  const span = { start: at + term.start, end: at + term.end };
  if (isNegated(facts, span)) return undefined;
  // Credited to the treatment: an effect or mechanism word, or a claim verb, in the sentence.
  const credited = words.any(facts, 'clinical-effect', 'settled-claim') || facts.claimVerbs.some((v) => !isNegated(facts, v));
  if (!credited) return undefined;
  return {
    ...span,
    message: `In ${study.name}, the change in the ${facts.text.slice(term.start, term.end)} happened in the control group as well, so it cannot be credited to the treatment. Leave it out, or say that the comparison group showed it too.`,
    suggestions: [],
    evidenceIds: [s.id],
  };
}

// ---- Scope: "applies to every form of ketamine" citing a source that says "esketamine trials only" ----

function scopeHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via !== 'citation' || facts.hedges.length) return undefined;
  const restriction = words.findIn(study.about, 'scope-restricted')[0];
  if (!restriction) return undefined;
  // The word the source restricts itself to: just before "trials only", just after "restricted to".
  const before = /([\p{L}-]+)\s*$/u.exec(study.about.slice(0, restriction.start))?.[1];
  const after = /^\s*(?:the\s+|a\s+)?([\p{L}-]+)/u.exec(study.about.slice(restriction.end))?.[1];
  const only = (/^(?:trials|studies)\b/i.test(restriction.text) ? before : after)?.toLowerCase();
  if (!only) return undefined;
  const at = facts.sentence.start;
  for (const cue of words.find(facts, 'scope-any')) {
    if (isNegated(facts, cue)) continue;
    const what = /^\s*([\p{L}-]+)/u.exec(facts.text.slice(cue.end - at))?.[1];
    if (!what || what.toLowerCase() === only) continue;
    const end = cue.end + facts.text.slice(cue.end - at).indexOf(what) + what.length;
    return {
      start: cue.start,
      end,
      message: `${study.name} covers ${only} only (${quote(restriction.text)} in its citation): ${quote(facts.text.slice(cue.start - at, end - at))} stretches its result beyond what it studied.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Who took part: "in children" citing a trial in adults aged 18-65, "in pregnant women" citing non-pregnant adults ----

/** The ages each cohort word stands for, in years. */
const AGE_BANDS: ReadonlyMap<Slot, readonly [number, number]> = new Map([
  ['cohort-infants', [0, 3]],
  ['cohort-children', [0, 17]],
  ['cohort-teenagers', [12, 19]],
  ['cohort-adults', [18, 120]],
  ['cohort-older', [65, 120]],
] as const);
const COHORT_SLOTS: readonly Slot[] = [...AGE_BANDS.keys(), 'cohort-pregnant', 'cohort-not-pregnant', 'cohort-women', 'cohort-men', 'cohort-postmenopausal', 'cohort-premenopausal'];

interface CohortWord {
  slot: Slot;
  start: number;
  end: number;
  text: string;
}

/** Who a study enrolled, as far as its own words say; each part is undefined where they are silent. */
interface Cohort {
  ages?: { low: number; high: number; said: string };
  pregnant?: { value: boolean; said: string };
  sex?: { value: 'female' | 'male'; said: string };
  menopause?: { value: 'pre' | 'post'; said: string };
}

/** Cohort words in text, a phrase inside a longer one dropped ("adults" in "older adults", "pregnant" in "non-pregnant"). */
function cohortWords(text: string, words: EvidenceWords): CohortWord[] {
  const all = COHORT_SLOTS.flatMap((slot) => words.findIn(text, slot).map((m) => ({ slot, start: m.start, end: m.end, text: m.text })));
  return all.filter((w) => !all.some((o) => o !== w && o.start <= w.start && w.end <= o.end && o.end - o.start > w.end - w.start));
}

function sourceCohort(text: string, words: EvidenceWords): Cohort {
  const found = cohortWords(text, words);
  const cohort: Cohort = {};
  const ranges = ageRanges(text);
  if (ranges.length) {
    cohort.ages = { low: Math.min(...ranges.map((r) => r.low)), high: Math.max(...ranges.map((r) => r.high)), said: text.slice(ranges[0]!.start, ranges[0]!.end) };
  } else {
    const bands = found.filter((w) => AGE_BANDS.has(w.slot));
    if (bands.length) cohort.ages = { low: Math.min(...bands.map((w) => AGE_BANDS.get(w.slot)![0])), high: Math.max(...bands.map((w) => AGE_BANDS.get(w.slot)![1])), said: bands[0]!.text };
  }
  const of = (slot: Slot) => found.find((w) => w.slot === slot);
  const women = of('cohort-women');
  const men = of('cohort-men');
  if (women && !men) cohort.sex = { value: 'female', said: women.text };
  if (men && !women) cohort.sex = { value: 'male', said: men.text };
  const notPregnant = of('cohort-not-pregnant');
  if (notPregnant) cohort.pregnant = { value: false, said: notPregnant.text };
  else if (cohort.sex?.value === 'male') cohort.pregnant = { value: false, said: cohort.sex.said };
  const pre = of('cohort-premenopausal');
  const post = of('cohort-postmenopausal');
  if (pre && !post) cohort.menopause = { value: 'pre', said: pre.text };
  if (post && !pre) cohort.menopause = { value: 'post', said: post.text };
  return cohort;
}

/** A cohort word that says whom a result is for: "in children", "among older adults", "a trial in obese teenagers", "during pregnancy". */
const FOR_WHOM = /\b(?:in|among|amongst|of|for|with|during|on)\s+(?:[\p{L}-]+\s+)?$/iu;

function cohortHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via === 'topic' || facts.hedges.length) return undefined;
  const described = study.text ?? (study.source?.population ? `${study.source.population.description} ${study.source.designNotes ?? ''}` : undefined);
  if (!described) return undefined;
  const source = sourceCohort(described, words);
  if (!source.ages && !source.pregnant && !source.sex && !source.menopause) return undefined;
  const at = facts.sentence.start;
  const sentenceRanges = ageRanges(facts.text);
  for (const w of cohortWords(facts.text, words)) {
    const cue = { start: at + w.start, end: at + w.end };
    if (!FOR_WHOM.test(facts.text.slice(Math.max(0, w.start - 40), w.start)) || isNegated(facts, cue)) continue;
    let theirs: string | undefined;
    const band = AGE_BANDS.get(w.slot);
    if (band && source.ages) {
      // "in adults aged 30 to 50": the ages given with the word are what the sentence claims.
      const given = sentenceRanges.find((r) => r.start >= w.end && r.start - w.end <= 12);
      const [low, high] = given ? [given.low, given.high] : band;
      if (Math.min(high, source.ages.high) - Math.max(low, source.ages.low) <= 0) theirs = source.ages.said;
    }
    if (w.slot === 'cohort-pregnant' && source.pregnant?.value === false) theirs = source.pregnant.said;
    if (w.slot === 'cohort-women' && source.sex?.value === 'male') theirs = source.sex.said;
    if (w.slot === 'cohort-men' && source.sex?.value === 'female') theirs = source.sex.said;
    if (w.slot === 'cohort-postmenopausal' && source.menopause?.value === 'pre') theirs = source.menopause.said;
    if (w.slot === 'cohort-premenopausal' && source.menopause?.value === 'post') theirs = source.menopause.said;
    if (theirs === undefined) continue;
    return {
      start: cue.start,
      end: cue.end,
      message: `${study.name} did not study ${quote(w.text)}: its own description of whom it enrolled says ${quote(theirs)}. A result in one group may not hold in another; say whom the study enrolled.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}

// ---- Dose: "at every dose" or "even the lowest dose" where the source found the result at one end of its dose range only ----

function doseHit(facts: SentenceFacts, study: StudyProfile, words: EvidenceWords): RuleHit | undefined {
  if (study.via === 'topic') return undefined;
  const text = `${study.about} ${study.source?.caveats?.join(' ') ?? ''}`;
  const high = words.findIn(text, 'dose-limited-high')[0];
  const low = words.findIn(text, 'dose-limited-low')[0];
  if (!high && !low) return undefined;
  for (const cue of words.find(facts, 'dose-all-claim', 'dose-low-claim')) {
    if (isNegated(facts, cue)) continue;
    // Every dose is contradicted by a result at either end; the lowest dose only by one at the top.
    const limit = cue.slot === 'dose-all-claim' ? (high ?? low) : high;
    if (!limit) continue;
    return {
      start: cue.start,
      end: cue.end,
      message: `${study.name} did not find this ${quote(cue.cue)}: it says the result held ${quote(limit.text)}. Say at which dose the study found it.`,
      suggestions: [],
      evidenceIds: study.source ? [study.source.id] : [],
    };
  }
  return undefined;
}
