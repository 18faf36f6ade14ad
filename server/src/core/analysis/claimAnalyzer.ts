// Claim analysis for one sentence: what it claims, about which intervention,
// how strongly, and what qualifies it (hedges, negation, attribution,
// numbers, population, citation). Rules read these facts instead of matching
// words on their own, which is what lets "it is not a magic bullet" pass.

import { matcherFor, type Lexicon, type LexiconEntry } from '../knowledge/lexicons.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { PhraseMatcher, PhraseScanner, type PhraseMatch } from '../text/phrases.js';
import type { CitationMarker, ClaimAnalysis, ClaimStrength, Cue, InterventionMention, NumberMention, Sentence, Span } from '../types.js';
import { findNumbers, isMagnitude } from './numbers.js';
import { sourceForTitle, surnameYears } from '../knowledge/sourceMentions.js';
import type { EvidenceIndex } from '../knowledge/evidenceIndex.js';

export interface ClaimVerb extends Cue {
  category: 'benefit' | 'benefit-directional' | 'benefit-predicate' | 'promise' | 'correlational' | 'harm';
  entry: LexiconEntry;
  /** Where the claimed subject starts (an intervention or a reference to one), if found. */
  subject?: InterventionMention;
  /** The condition or outcome the verb acts on, when it follows the verb. */
  object?: Span;
}

export interface SentenceFacts {
  sentence: Sentence;
  /** Prose text of the sentence; index 0 is sentence.start in the source. */
  text: string;
  interventions: InterventionMention[];
  conditions: Cue[];
  populations: Cue[];
  hedges: Cue[];
  negations: Cue[];
  scopeEnds: Cue[];
  /** Verbs of assurance ("promise", "guarantee"): negated, they deny the whole clause that follows. */
  assurances: Cue[];
  /**
   * bySeller: reported speech whose speaker is a seller ("the clinic told me", "according to the brochure") or a
   * second-hand one ("they told us"), which distances the claim. byOwnSide: the writer's own side speaks
   * ("our clinic says", "we market it as"), which reports nothing.
   */
  attributions: (Cue & { category: string; bySeller?: boolean; byOwnSide?: boolean })[];
  quotes: Span[];
  numbers: NumberMention[];
  citations: CitationMarker[];
  claimVerbs: ClaimVerb[];
  studyClaims: Cue[];
  question: boolean;
  instruction: boolean;
  /** Whether the sentence says anything about outcomes, treatments or evidence. */
  aboutHealth: boolean;
  /** What earlier sentences established (the treatment "it" stands for, the study being described). */
  topic: Topic;
  analysis: ClaimAnalysis;
}

/** What earlier sentences established: the treatment "it" refers to. */
export interface Topic {
  intervention?: InterventionMention;
  /** The last evidence-pack treatment named; a generic word like "infusion" after it may stand for it. */
  packIntervention?: InterventionMention;
  /** The pack source the current section or paragraph describes (a heading that is its title, a trial name, an author-year citation). */
  source?: string;
  /** Whether that source is the section's heading (every sentence under it describes the study) or was named in the text. */
  sourceFromHeading?: boolean;
}

type Entry = LexiconEntry & { id?: string; name?: string };

// A surname may open with a particle ("van Tulleken", "de Vries") and with any capital letter ("Šrámek").
const SURNAME = String.raw`(?:(?:van|von|de|der|den|da|di|du|del|della|le|la)\s+)*\p{Lu}[\p{L}'\-]+`;
const AUTHOR_YEAR = new RegExp(
  String.raw`\((${SURNAME}(?:\s(?:et al\.?|and|&)\s?\p{Lu}?[\p{L}'\-]*)?,?\s(?:19|20)\d\d[a-z]?(?:;[^)]*)?)\)|(?<![\p{L}'\-])(${SURNAME}\s(?:et al\.?|and \p{Lu}[\p{L}'\-]+|& \p{Lu}[\p{L}'\-]+)\s?\((?:19|20)\d\d[a-z]?\))|\((\p{Lu}[\p{L}\s&,.'\-]{2,80}?,\s?(?:19|20)\d\d)\)`,
  'gu',
);
const QUOTED = /\u201c[^\u201d]{1,200}\u201d|"[^"\n]{1,200}"|\u2018[^\u2019]{1,120}\u2019(?![a-z])|(?<![\w'])'[^'\n]{1,80}'(?![\w])/g;
const QUOTE_MARK = /["'\u201c\u2018]/;
const YEAR = /(?:19|20)\d\d/;
// A colon between digits ("a 16:8 schedule", "at 3:30") is part of a number, not a break.
const CLAUSE_BREAK = /[;\u2014\u2013()]|(?<!\d):|:(?!\d)|,\s|\s-\s/;
/** A break between two clauses that each can make their own claim ("Most improve, and TMS is…"); a bare comma is not one. */
/** A preposition, clause break or "you"/"information"-type filler between a delivery verb and a health word: the word is not what is delivered. */
// "supports the formation of new neural pathways", "promotes the growth of collagen": a process noun lets "of" through to what it makes.
const DELIVERY_GAP_BREAK = /\b(?:about|on|for|with|(?<!\b(?:production|formation|growth|release|repair|renewal|regeneration)\s)of|to|into|from|at|in|by|information|advice|support|access|options?|guidance|care|treatment|tips|dose|doses)\b|[;:()\u2014\u2013]/i;
const SHARE_OF_GROUP = /\b(?:some|many|most|few|several|number of|lot of|plenty of|lots of)\s/i;
/** "Never again will you…", "Never once have I…": an auxiliary and a pronoun right after the first word (or two) invert a statement. */
const INVERTED_OPENING = /^\W*[\p{L}']+(?:\s+(?:again|once|before))?\s+(?:will|shall|would|can|could|do|does|did|have|has|had)\s+(?:you|i|we|they|he|she|it|your|my|our)\b/iu;
export const CLAUSE_JOIN = /[;\u2014\u2013()]|(?<!\d):|:(?!\d)|\s-\s|,\s+(?:and|but|so|while|whereas|although|though)\s/i;
const MYTH_OPENING = /^\s*(?:myth|fiction|false|misconception|claim)\s*(?:#?\d+)?\s*[:.\u2014\u2013-]/i;
// ", which reduce inflammation": a non-restrictive relative clause asserts its verb of what it follows.
/** "the best-supported ways to prevent decay", "recommended ways to ease pain": a way the evidence backs, not a result promised. */
const EVIDENCED_WAY = /\b(?:supported|evidence-based|recommended|best-studied|well-studied)\s+ways?\s+to\s+$/i;
const BASE_FORM_VERB_CONTEXT = /(?:\b(?:may|might|could|can|will|would|should|must|does|do|did|doesn't|don't|didn't|cannot|can't|won't|not|to|help|helps|and|or)|,\s+which)\s+(?:\w+ly\s+)?$/i;
const ADDS_SOMETHING_TO = /^\s+(?:[\p{L}\p{N}'\u2019-]+\s+){1,3}(?:to|into)\b/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019\-]*/gu;

export class ClaimAnalyzer {
  private readonly interventions: PhraseMatcher<Entry>;
  private readonly references: PhraseMatcher<LexiconEntry>;
  /** "they": a reference only to a treatment with a plural name ("cold plunges", "probiotics"). */
  private readonly pluralReferences: PhraseMatcher<LexiconEntry>;
  private readonly treatmentNouns: PhraseMatcher<LexiconEntry>;
  private readonly crowdCounts: PhraseMatcher<LexiconEntry>;
  private readonly exampleMarkers: PhraseMatcher<LexiconEntry>;
  private readonly addOnMarkers: PhraseMatcher<LexiconEntry>;
  private readonly conditions: PhraseMatcher<Entry>;
  private readonly populations: PhraseMatcher<LexiconEntry>;
  private readonly hedges: PhraseMatcher<LexiconEntry>;
  /** "most", "many": a hedge only before a word for people ("most users"). */
  private readonly groupQuantifiers: PhraseMatcher<LexiconEntry>;
  private readonly peopleWords: PhraseMatcher<LexiconEntry>;
  private readonly negations: PhraseMatcher<LexiconEntry>;
  private readonly scopeEnds: PhraseMatcher<LexiconEntry>;
  private readonly assurances: PhraseMatcher<LexiconEntry>;
  private readonly attributions: PhraseMatcher<LexiconEntry>;
  /** "a clinic", "the company", "ads": a seller as the speaker of a reporting verb. */
  private readonly sellerSpeakers: PhraseMatcher<LexiconEntry>;
  private readonly verbs: PhraseMatcher<LexiconEntry>;
  private readonly healthWords: PhraseMatcher<LexiconEntry>;
  /** Health outcomes beyond named conditions ("range of motion", "testosterone", "toxins"): objects of a benefit verb. */
  private readonly benefitObjects: PhraseMatcher<LexiconEntry>;
  /** People and organisations ("our team", "doctors", "patients"): as a subject they describe a service, not a treatment's effect. */
  private readonly agentFragments: PhraseMatcher<LexiconEntry>;
  /** "penetrates", "is formulated": what a treatment does on its way to the result an infinitive names. */
  private readonly purposeLeads: PhraseMatcher<LexiconEntry>;
  /** Exposures that harm ("sleep deprivation", "alcohol"): as a subject they describe a cause, not a treatment's effect. */
  private readonly exposureFragments: PhraseMatcher<LexiconEntry>;
  private readonly benefitObjectFragments: PhraseMatcher<LexiconEntry>;
  /** "the body", "your skin": a body that "heals itself" is a mechanism stated as fact. */
  private readonly selfRepairingBodies: PhraseMatcher<LexiconEntry>;
  private readonly instructionWords: PhraseMatcher<LexiconEntry>;
  private readonly studyClaims: PhraseMatcher<LexiconEntry>;
  private readonly studyNames: PhraseMatcher<Entry>;
  /** Capitalised words that stand before a bracketed year without being a name ("in March (2003)"). */
  private readonly notAuthors: PhraseMatcher<LexiconEntry>;
  /** Every matcher that reads whole sentences shares one pass over each sentence. */
  private readonly sentenceScanner = new PhraseScanner();
  private readonly sharedMatchers = new Map<Lexicon, Map<string, PhraseMatcher<LexiconEntry>>>();
  // Matchers asked about fragments (a first word, a few words around a number) get their own
  // scanners, so they do not displace the sentence's shared scan.
  private readonly outcomeFragments: PhraseMatcher<LexiconEntry>;
  private readonly conditionFragments: PhraseMatcher<Entry>;
  private readonly evidence: EvidenceIndex;

  constructor(knowledge: Knowledge) {
    this.evidence = knowledge.evidence;
    const L = knowledge.lexicons;
    // A treatment named in the possessive ("esketamine's 2020 approval", "ketamine's effect") is still named: one word to the tokenizer.
    const withPossessive = (terms: string[]) => terms.flatMap((t) => (/'s$/i.test(t) ? [t] : [t, `${t}'s`]));
    const generic: Entry[] = L.interventions.entries.flatMap((e) => e.terms.map((t) => ({ terms: withPossessive([t]), id: t.toLowerCase(), name: t })));
    const packInterventions: Entry[] = knowledge.packs.flatMap((p) => p.interventions.map((i) => ({ terms: withPossessive([i.name, ...i.aliases]), id: i.id, name: i.name })));
    // Pack entries first: a pack's more specific alias ("IV ketamine") wins over a generic word.
    const scanner = this.sentenceScanner;
    this.interventions = new PhraseMatcher<Entry>([...packInterventions, ...generic], scanner);
    const packConditions: Entry[] = knowledge.packs.flatMap((p) => p.conditions.map((c) => ({ terms: [c.name, ...c.aliases], id: c.id, name: c.name })));
    this.conditions = new PhraseMatcher<Entry>([...packConditions, ...L.conditions.entries], scanner);
    this.conditionFragments = new PhraseMatcher<Entry>([...packConditions, ...L.conditions.entries]);
    this.notAuthors = matcherFor(L.citations, ['not-author']);
    this.studyNames = new PhraseMatcher<Entry>(
      knowledge.packs.flatMap((p) => p.sources.filter((s) => s.aliases?.length).map((s) => ({ terms: s.aliases!, id: s.id, name: s.citation }))),
      scanner,
    );
    this.references = matcherFor(L.references, ['pronoun'], scanner);
    this.pluralReferences = matcherFor(L.references, ['plural-pronoun'], scanner);
    this.exampleMarkers = matcherFor(L.references, ['example-marker'], scanner);
    this.addOnMarkers = matcherFor(L['evidence-claims'], ['add-on-marker', 'comparison-arm', 'comparison-object', 'prior-treatment-marker'], scanner);
    // Shared with the rules that read the same words, so they are looked up once per sentence.
    this.treatmentNouns = this.sentenceMatcher(L.references, ['treatment-noun']);
    this.populations = matcherFor(L.populations, ['population'], scanner);
    this.crowdCounts = matcherFor(L.populations, ['crowd-count'], scanner);
    this.hedges = matcherFor(L.hedges, [...new Set(L.hedges.entries.map((e) => e.category ?? ''))].filter((c) => c !== 'group-quantifier'), scanner);
    this.groupQuantifiers = matcherFor(L.hedges, ['group-quantifier']);
    this.peopleWords = matcherFor(L['health-context'], ['people']);
    this.negations = matcherFor(L.negation, ['pre'], scanner);
    this.scopeEnds = matcherFor(L.negation, ['scope-end'], scanner);
    this.assurances = matcherFor(L.negation, ['assurance'], scanner);
    this.attributions = matcherFor(L.attribution, undefined, scanner);
    // A seller ("the clinic told me") or a second-hand speaker ("they told us", "a friend swears"): hearsay the writer passes on.
    this.sellerSpeakers = matcherFor(L.reporting, ['seller-speaker', 'hearsay-speaker']);
    // "Few pills can match it": comparisons won by denying rivals are read by unqualified-efficacy, not as claim verbs.
    this.verbs = matcherFor(L['claim-verbs'], [...new Set(L['claim-verbs'].entries.map((e) => e.category ?? ''))].filter((c) => c !== 'unmatched'), scanner);
    this.healthWords = matcherFor(L['health-context'], ['outcome', 'evidence'], scanner);
    this.benefitObjects = matcherFor(L['health-context'], ['benefit-object'], scanner);
    this.benefitObjectFragments = matcherFor(L['health-context'], ['benefit-object']);
    this.selfRepairingBodies = matcherFor(L['health-context'], ['self-repairing-body']);
    this.agentFragments = matcherFor(L['health-context'], ['care-provider', 'people']);
    this.purposeLeads = matcherFor(L['health-context'], ['purpose-lead']);
    this.exposureFragments = matcherFor(L['health-context'], ['harmful-exposure']);
    this.studyClaims = matcherFor(L.citations, ['study-claim', 'unnamed-study'], scanner);
    this.outcomeFragments = matcherFor(L['health-context'], ['outcome']);
    this.instructionWords = matcherFor(L['health-context'], ['instruction']);
  }

  /**
   * "a clinic near us says…", "the company told me…": a seller named as the speaker just before a
   * reporting verb. The writer passes the seller's claim on; a seller's own copy says "we" or "our clinic".
   */
  private speakerOf(text: string, verbStart: number): 'seller' | 'own' | undefined {
    const lead = text.slice(Math.max(0, verbStart - 48), verbStart);
    // A named third party comes first: "a spa in our town says" is the spa speaking.
    let own = OWN_SPEAKER_BEFORE.test(lead);
    for (const m of this.sellerSpeakers.find(lead)) {
      if (!/^(?:\s+[\p{L}-]+){0,3}\s+$/u.test(lead.slice(m.end)) || /[,;:.!?()\u2014\u2013]/.test(lead.slice(m.end))) continue;
      if (/\b(?:our|we|us)\s+$/i.test(lead.slice(0, m.start))) own = true;
      else return 'seller';
    }
    return own ? 'own' : undefined;
  }

  /** "according to the maker's brochure", "per the clinic's website": a source prefix that names a seller. */
  private namesSeller(text: string, prefixEnd: number): boolean {
    const head = /^\s+(?:[\p{L}\p{N}'\u2019-]+\s+){0,3}[\p{L}\p{N}'\u2019-]+/u.exec(text.slice(prefixEnd))?.[0] ?? '';
    return this.sellerSpeakers.find(head).some((m) => !/\b(?:our|my)\s+$/i.test(head.slice(0, m.start)));
  }

  /** A matcher for a rule's lexicon that runs in the same pass over each sentence as the analysis. */
  sentenceMatcher(lexicon: Lexicon, categories?: readonly string[]): PhraseMatcher<LexiconEntry> {
    // Rules that read the same lexicon share one matcher, so its terms are looked up once per sentence.
    const byCategories = this.sharedMatchers.get(lexicon) ?? new Map<string, PhraseMatcher<LexiconEntry>>();
    this.sharedMatchers.set(lexicon, byCategories);
    const key = categories?.join('\u0000') ?? '';
    let matcher = byCategories.get(key);
    if (!matcher) byCategories.set(key, (matcher = matcherFor(lexicon, categories, this.sentenceScanner)));
    return matcher;
  }

  analyze(sentence: Sentence, blockCitations: readonly CitationMarker[], citationEnd: number, topic: Topic): SentenceFacts {
    const text = sentence.text;
    const at = sentence.start;
    const cue = (m: PhraseMatch<LexiconEntry>): Cue => ({ start: at + m.start, end: at + m.end, cue: m.text });

    const interventions: InterventionMention[] = this.interventions
      .find(text)
      .map((m) => ({ start: at + m.start, end: at + m.end, id: m.entry.id!, name: m.entry.name!, via: 'name' as const }));
    const conditions = this.conditions.find(text).map(cue);
    // Cheap tests first: most sentences hold no quotation mark and no year.
    const quotes = QUOTE_MARK.test(text) ? findAll(QUOTED, text, at) : [];
    const citations = blockCitations.filter((c) => c.start >= at && c.start < citationEnd);
    if (YEAR.test(text)) {
      for (const m of findAll(AUTHOR_YEAR, text, at)) citations.push({ ...m, kind: 'author-year', label: sourceText(text, m, at), scholarly: true });
      // "Holmes (2003)": one surname with its year in brackets, unless the word names a treatment or an illness ("Spravato (2019)").
      for (const m of surnameYears(text, this.notAuthors)) {
        const span = { start: at + m.start, end: at + m.end };
        if ([...citations, ...interventions, ...conditions].some((c) => c.start < span.end && span.start < c.end)) continue;
        citations.push({ ...span, kind: 'author-year', label: `${m.author}, ${m.year}`, scholarly: true });
      }
    }
    for (const m of this.studyNames.find(text)) citations.push({ start: at + m.start, end: at + m.end, kind: 'named-study', label: m.entry.id!, scholarly: true });

    const numbers = findNumbers(text, at);
    const hedges = this.hedges.find(text).map(cue);
    // "most users", "many of our clients", "some regular sleepers": a share of a group, not all of it.
    for (const q of SHARE_OF_GROUP.test(text) ? this.groupQuantifiers.find(text) : []) {
      const head = /^\s+(?:of\s+(?:our|the|your|their|these|those)\s+)?(?:[\p{L}-]+\s+)?[\p{L}-]+/u.exec(text.slice(q.end))?.[0] ?? '';
      if (this.peopleWords.find(head).some((p) => !head.slice(p.end).trim() || p.start > 0)) hedges.push({ start: at + q.start, end: at + q.end + head.length, cue: q.text + head });
    }
    const negations = this.negations.find(text).map(cue);
    const scopeEnds = this.scopeEnds.find(text).map(cue);
    // Only a negated assurance matters, so most sentences skip the look-up.
    const assurances = negations.length ? this.assurances.find(text).map(cue) : [];
    const attributions = this.attributions
      .find(text)
      // "whoever adds it to their stack", "adds years to your life": adding something somewhere, not speech.
      .filter((m) => !(/^add/i.test(m.text) && ADDS_SOMETHING_TO.test(text.slice(m.end, m.end + 40))))
      .map((m) => {
        const category = m.entry.category ?? '';
        if (category === 'source-prefix') return { ...cue(m), category, bySeller: this.namesSeller(text, m.end) };
        if (category !== 'reporting-verb' && category !== 'promotion-as') return { ...cue(m), category };
        const speaker = this.speakerOf(text, m.start);
        return { ...cue(m), category, bySeller: speaker === 'seller' && category === 'reporting-verb', byOwnSide: speaker === 'own' };
      });
    // "Thousands of patients have…": a head count, not a group the claim is limited to.
    const crowds = this.crowdCounts.find(text);
    const populations = this.populations
      .find(text)
      .filter((p) => !crowds.some((c) => c.start < p.end && p.start <= c.end))
      // "People with migraine, fibromyalgia and chronic fatigue respond…": a list of three or more illnesses widens the claim rather than limiting it.
      .filter((p) => !(/\bwith\s*$/i.test(p.text) && conditionListAfter(text, p.end, conditions, at) >= 3))
      .map(cue);
    const studyClaims = this.studyClaims.find(text).map(cue);
    const question = /\?["'\u201d\u2019)\]]*\s*$/.test(text);
    const firstWord = /^\W*([\p{L}']+(?:\s+[\p{L}']+)?)/u.exec(text)?.[1] ?? '';
    // "Never again will you wake up stiff", "Never have I slept so well": an inversion after the first word states, it does not instruct.
    const instruction = this.instructionWords.find(firstWord).some((m) => m.start === 0) && !INVERTED_OPENING.test(text);
    // "The debate is settled.", after sentences about a treatment: the topic carries the health context.
    const aboutHealth = interventions.length > 0 || conditions.length > 0 || this.healthWords.test(text) || !!topic.intervention;

    const facts: SentenceFacts = {
      sentence, text, interventions, conditions, populations, hedges, negations, scopeEnds, assurances, attributions, quotes, numbers, citations,
      claimVerbs: [], studyClaims, question, instruction, aboutHealth, topic, analysis: undefined as unknown as ClaimAnalysis,
    };
    facts.claimVerbs = this.findClaimVerbs(facts, topic);
    facts.analysis = summarize(facts);
    return facts;
  }

  /** The intervention this sentence is about, for the sentences that follow. */
  nextTopic(facts: SentenceFacts, topic: Topic): Topic {
    // Treatments given as examples or comparators ("other treatments, such as antidepressants or ECT") are not what "it" will mean next.
    const markers = this.exampleMarkers.find(facts.text);
    const addOns = this.addOnMarkers.find(facts.text);
    const candidates = facts.interventions.filter((i) => !isExampleOrComparator(facts, i, markers) && !isAddOn(facts, i, addOns));
    const named = candidates[candidates.length - 1] ?? (topic.intervention ? undefined : facts.interventions[facts.interventions.length - 1]);
    const packNamed = [...facts.interventions].reverse().find((i) => this.evidence.intervention(i.id));
    const source = this.sourceTopic(facts, topic);
    const sourceFromHeading = facts.sentence.block.kind === 'heading' ? !!source : source === topic.source && topic.sourceFromHeading;
    return { intervention: named ?? topic.intervention, packIntervention: packNamed ?? topic.packIntervention, source, sourceFromHeading };
  }

  /** A heading starts a new section: it names a study (its title) or clears the one before. In prose, a named source becomes the topic. */
  private sourceTopic(facts: SentenceFacts, topic: Topic): string | undefined {
    if (this.evidence.isEmpty) return undefined;
    if (facts.sentence.block.kind === 'heading') return sourceForTitle(this.evidence, facts.sentence.block.prose)?.id;
    for (const c of facts.citations) {
      const id = c.kind === 'named-study' ? c.label : c.kind === 'author-year' ? this.evidence.sourceForCitation(c.label)?.id : undefined;
      if (id) return id;
    }
    return topic.source;
  }

  isOutcomeWord(text: string): boolean {
    return this.outcomeFragments.test(text) || this.conditionFragments.test(text);
  }

  private findClaimVerbs(facts: SentenceFacts, topic: Topic): ClaimVerb[] {
    const { text } = facts;
    const at = facts.sentence.start;
    const verbs: ClaimVerb[] = [];
    // "it" stands for the treatment earlier sentences named, or else one named earlier in this sentence ("X saved my life, and it will save yours").
    const references = topic.intervention || facts.interventions.length ? this.referencesIn(facts, topic) : [];
    const found = this.verbs.find(text);
    const objects = found.length ? this.objectCandidates(facts) : [];
    // "Boost immunity, cure hangovers and erase fatigue!": a string of imperatives that sells a result, not an instruction.
    const sellingImperative = found[0]?.start === firstWordStart(text) && (/!["'\u201d\u2019)]*\s*$/.test(text) || found.filter((v) => v.entry.category?.endsWith('-base')).length > 1);
    for (const m of found) {
      const rawCategory = m.entry.category ?? 'benefit';
      // A base form ("cure") is a verb only after an auxiliary or right after a treatment's name; elsewhere a noun ("a miracle cure").
      const baseForm = rawCategory.endsWith('-base');
      // A benefit gerund is a claim only as the means of a verb: "works by repairing damaged nerves".
      if (rawCategory.endsWith('-gerund') && !/\b\w+\s+by\s+$/i.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
      // An activity verb ("treat") names giving care; it claims a result only as a finite verb.
      const activity = rawCategory.startsWith('activity-');
      // A delivery verb ("delivers", "brings") claims what it delivers: a directional claim that needs a health object.
      const delivery = rawCategory.startsWith('benefit-delivery');
      const category = (activity ? 'benefit' : delivery ? 'benefit-directional' : rawCategory.replace(/-(?:base|gerund)$/, '')) as ClaimVerb['category'];
      const start = at + m.start;
      const end = at + m.end;
      // "works by blocking NMDA receptors" explains a mechanism; it claims no benefit.
      // ("works on all your IBS symptoms" still claims a result: what it works on is the illness.)
      if (/^\s+(?:by|on|through|via|differently|like)\b/i.test(text.slice(m.end, m.end + 16)) && !this.worksOnIllness(facts, m.end)) continue;
      // "used to treat", "in order to relieve": an infinitive describes a purpose, not a result.
      // ("a way to boost immunity", "known to cure" still claim a result.)
      const before = text.slice(Math.max(0, m.start - 16), m.start);
      // "Known to treat" claims a result; "a new way to treat", "one way to support your mood" name a purpose.
      if (/\bto\s+$/i.test(before) && !/\b(?:known|shown|proven|able|said|thought|believed|designed|guaranteed|likely)\s+to\s+$/i.test(before) && (activity || delivery || !/\bways?\s+to\s+$/i.test(before) || EVIDENCED_WAY.test(text.slice(0, m.start))) && !this.actsToward(facts, m.start, references, topic)) continue;
      const object = this.objectAfter(facts, m.end, objects) ?? (delivery ? describedObjectAfter(facts, m.end, objects) : undefined) ?? this.repairsItself(text, m, at);
      if (category === 'benefit-directional' && !object) continue;
      // "delivers natural, restorative sleep", not "gives you a leaflet about sleep" or "provides support for people with pain".
      if (delivery && object && DELIVERY_GAP_BREAK.test(text.slice(m.end, object.start - at))) continue;
      // "we can give anti-nausea medication": people giving care, or a remedy named for what it treats.
      if (delivery && (/\b(?:we|I|they|you|staff|nurses?)\s+(?:[\p{L}'\u2019]+\s+)?$/iu.test(text.slice(0, m.start)) || /-$/.test(text.slice(0, object!.start - at)))) continue;
      let subject = this.subjectBefore(facts, m.start, references, topic);
      // The noun phrase that opens the clause right before the verb, when no treatment is named there ("Regular adjustments cure…").
      const phrase = subject ? undefined : nounPhraseBefore(text, m.start);
      // "Our team treats back pain", "doctors restore…": people or an organisation as subject describe a service, not a treatment's effect.
      if (phrase && category !== 'promise' && this.agentFragments.find(phrase.text).some((a) => a.end === phrase.text.length)) continue;
      // "Sleep deprivation increases anxiety", "chronic stress lowers immunity": a harmful exposure or a condition as subject states a cause of harm.
      if (phrase && category !== 'promise' && [...this.exposureFragments.find(phrase.text), ...this.conditionFragments.find(phrase.text)].some((a) => a.end === phrase.text.length)) continue;
      if (baseForm && !BASE_FORM_VERB_CONTEXT.test(text.slice(Math.max(0, m.start - 24), m.start)) && !(subject && (subject.end >= start - 1 || SUBJECT_VERB_ADVERB.test(text.slice(subject.end - at, m.start).trim()) || this.headNounBetween(facts, subject.end, start))) && !(sellingImperative && object)) {
        // "Adjustments cure migraines", "saunas flush out toxins": a plural common noun heading the subject makes a base form a verb, with a health object.
        // "growth factors that wake up sleeping follicles": so does a plural thing a relative "that" or "which" hangs on.
        // "Zinc lozenges shorten…": a treatment named before a plural noun the lexicon does not know heads the subject too.
        const opening = phrase ?? nounPhraseBefore(text, m.start);
        const head = opening && this.isThingSubject(opening.text) ? opening : object ? this.relativeAntecedent(text, m.start) : undefined;
        if (!object || !head) continue;
        subject = { start: at + head.start, end: at + head.start + head.text.length, id: head.text.toLowerCase(), name: head.text, via: 'name' };
      }
      verbs.push({ start, end, cue: m.text, category, entry: m.entry, subject, object });
    }
    return verbs;
  }

  /**
   * "the body heals itself", "your skin regenerates itself": the body (or a part of it) heading the clause
   * and a reflexive object. The self-repair is the object claimed, a mechanism stated as settled fact.
   */
  private repairsItself(text: string, verb: PhraseMatch<LexiconEntry>, at: number): Span | undefined {
    const reflexive = /^\s+(?:itself|themselves)\b/i.exec(text.slice(verb.end));
    if (!reflexive) return undefined;
    const phrase = nounPhraseBefore(text, verb.start);
    if (!phrase || !this.selfRepairingBodies.find(phrase.text).some((b) => b.end === phrase.text.length)) return undefined;
    const start = verb.end + reflexive[0].search(/\S/);
    return { start: at + start, end: at + verb.end + reflexive[0].length };
  }

  /** "works on all your IBS symptoms", "acts on joint pain": the thing worked on is a condition or its symptoms, a few words after "on". */
  private worksOnIllness(facts: SentenceFacts, verbEnd: number): boolean {
    const on = /^\s+on\s+/i.exec(facts.text.slice(verbEnd));
    if (!on) return false;
    const from = facts.sentence.start + verbEnd + on[0].length;
    return facts.conditions.some((c) => c.start >= from && wordCount(facts.text.slice(from - facts.sentence.start, c.start - facts.sentence.start)) <= 3);
  }

  /**
   * "Red light penetrates deep into tissue to repair…", "our blend is formulated to calm…": a treatment doing
   * something on its way to a result, a few words before the infinitive; the result is claimed.
   */
  private actsToward(facts: SentenceFacts, verbStart: number, references: readonly PhraseMatch<LexiconEntry>[], topic: Topic): boolean {
    const text = facts.text;
    return this.purposeLeads
      .find(text.slice(0, verbStart))
      .some((lead) => wordCount(text.slice(lead.end, verbStart)) <= 6 && !CLAUSE_BREAK.test(text.slice(lead.end, verbStart)) && !!(this.subjectBefore(facts, lead.start, references, topic)));
  }

  /** "it", "this treatment"; and "they" for a treatment with a plural name ("Cold plunges are free. They reduce inflammation."). */
  private referencesIn(facts: SentenceFacts, topic: Topic): readonly PhraseMatch<LexiconEntry>[] {
    const at = facts.sentence.start;
    const found = this.references.find(facts.text);
    const plural = this.pluralReferences.find(facts.text).filter((r) => {
      const referent = topic.intervention ?? facts.interventions.find((i) => i.end <= at + r.start);
      return !!referent && PLURAL_NOUN.test(referent.name.split(/\s+/).pop() ?? '');
    });
    return plural.length ? [...found, ...plural] : found;
  }

  /** "Turmeric capsules ease…", "ketamine infusions relieve…": a plural treatment noun after the named treatment is the head of the subject. */
  private headNounBetween(facts: SentenceFacts, from: number, to: number): boolean {
    const at = facts.sentence.start;
    return this.treatmentNouns.find(facts.text).some((n) => n.start + at > from && n.end + at < to && !facts.text.slice(from - at, n.start).trim() && !facts.text.slice(n.end, to - at).trim());
  }

  /** The nearest intervention (or reference to the topic) before the verb, in the same clause. */
  private subjectBefore(facts: SentenceFacts, verbStart: number, references: readonly PhraseMatch<LexiconEntry>[], topic: Topic): InterventionMention | undefined {
    const at = facts.sentence.start;
    const candidates: InterventionMention[] = [
      ...facts.interventions.filter((i) => i.end <= at + verbStart),
      ...references
        .filter((r) => r.end <= verbStart)
        .flatMap((r) => {
          const referent = topic.intervention ?? facts.interventions.find((i) => i.end <= at + r.start);
          return referent ? [{ start: at + r.start, end: at + r.end, id: referent.id, name: referent.name, via: 'reference' as const }] : [];
        }),
    ].sort((a, b) => b.end - a.end);
    // "Curcumin, the active compound in turmeric, shuts down…": the treatment an appositive renames is the subject, not the one inside it.
    const renamed = facts.interventions.find((i) => i.end <= at + verbStart && APPOSITIVE.test(facts.text.slice(i.end - at, verbStart)) && !/\b(?:of|about|than|with|without|from|to|like|unlike|including|versus|vs)\s*$/i.test(facts.text.slice(0, i.start - at)));
    if (renamed) return renamed;
    const nearest = candidates[0] ?? labelSubject(facts.text, verbStart, at) ?? this.treatmentNounSubject(facts, verbStart);
    if (!nearest) return undefined;
    const between = facts.text.slice(nearest.end - at, verbStart);
    // "Ketamine: an effective treatment" - a heading's label is the subject of what follows its colon.
    const labelled = nearest.start - at === 0 && /^\s*:\s*(?:\w+\s+){0,2}$/.test(between);
    if (!labelled && (wordCount(between) > (nearest.via === 'name' ? 8 : 3) || CLAUSE_BREAK.test(between))) return undefined;
    // "the side effects of ketamine include..." - the intervention is not the subject when a preposition governs it.
    if (nearest.via === 'name' && /\b(?:of|about|than|after|before|with|without|from|to|like|including|versus|vs)\s*$/i.test(facts.text.slice(Math.max(0, nearest.start - at - 12), nearest.start - at))) {
      return undefined;
    }
    return nearest;
  }

  /**
   * "Every capsule restores…", "This supplement clears…": a treatment named by a common noun
   * with a determiner, standing right before the verb, is the subject even with no treatment named before.
   */
  private treatmentNounSubject(facts: SentenceFacts, verbStart: number): InterventionMention | undefined {
    const at = facts.sentence.start;
    const noun = this.treatmentNouns
      .find(facts.text)
      // "This serum works by rebuilding…": the means after "works by" has the same subject.
      .filter((n) => n.end <= verbStart && (wordCount(facts.text.slice(n.end, verbStart)) <= 1 || /^\s+(?:works|helps|acts)\s+by\s+$/i.test(facts.text.slice(n.end, verbStart))) && !CLAUSE_BREAK.test(facts.text.slice(n.end, verbStart)))
      .pop();
    if (!noun) return undefined;
    // "Lidocaine patches relieve…": a plural treatment noun that opens its clause, right before the verb, heads the subject without a determiner.
    const determiner =
      /(?:^|\s)(?:every|each|this|these|the|our|your|one|a single)\s+(?:[\p{L}-]+\s+)?$/iu.exec(facts.text.slice(0, noun.start)) ??
      (/s$/i.test(noun.text) && !facts.text.slice(noun.end, verbStart).trim() ? /(?:^|[,;:]\s*)\W*(?:[\p{L}-]+\s+)?$/u.exec(facts.text.slice(0, noun.start)) : null);
    if (!determiner) return undefined;
    const start = determiner.index + determiner[0].search(/\S/);
    return { start: at + start, end: at + noun.end, id: noun.text.toLowerCase(), name: facts.text.slice(start, noun.end), via: 'name' };
  }

  /** "growth factors that wake up…", "compounds which repair…": the plural thing a relative pronoun right before the verb stands for. */
  private relativeAntecedent(text: string, verbStart: number): { start: number; text: string } | undefined {
    const m = RELATIVE_BEFORE.exec(text.slice(0, verbStart));
    if (!m || !this.isThingSubject(m[1]!)) return undefined;
    // "cells that repair…", not "are cells that…": a describing word, not a verb or function word, may stand before the noun.
    const words = m[1]!.split(/\s+/);
    const phrase = words.length > 1 && FUNCTION_WORD.test(words[0]!) ? words[1]! : m[1]!;
    return { start: m.index + m[0].indexOf(m[1]!) + m[1]!.length - phrase.length, text: phrase };
  }

  /**
   * A plural common noun at the head of the subject ("adjustments", "saunas", "cold plunges"): not people or
   * an organisation, not a condition or outcome ("migraines ease", "results improve").
   */
  private isThingSubject(phrase: string): boolean {
    const head = /[\p{L}'\u2019-]+$/u.exec(phrase)?.[0] ?? '';
    if (!PLURAL_NOUN.test(head) || NOT_A_SUBJECT.test(head)) return false;
    return !this.agentFragments.test(head) && !this.conditionFragments.test(head) && !this.benefitObjectFragments.test(head);
  }

  /** Conditions, and health outcomes beyond them ("range of motion", "testosterone", "toxins"), in the order they stand. */
  private objectCandidates(facts: SentenceFacts): Span[] {
    const at = facts.sentence.start;
    const outcomes = this.benefitObjects.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }));
    // The longer of two at one place: "pain relief", not "pain".
    return outcomes.length ? [...facts.conditions, ...outcomes].sort((a, b) => a.start - b.start || b.end - a.end) : facts.conditions;
  }

  /** A condition or outcome right after the verb ("reduces anxiety", "relieves depressive symptoms", "restores full range of motion"). */
  private objectAfter(facts: SentenceFacts, verbEnd: number, objects: readonly Span[]): Span | undefined {
    const at = facts.sentence.start;
    // "heals sciatica, arthritis and nerve damage": a list of ailments is one object, even when its first item is not a known condition.
    const hit = objects.find((c) => c.start >= at + verbEnd && wordCount(facts.text.slice(verbEnd, c.start - at)) <= 4 && (!CLAUSE_BREAK.test(facts.text.slice(verbEnd, c.start - at)) || LIST_ITEMS.test(facts.text.slice(verbEnd, c.start - at))));
    return hit ? { start: hit.start, end: hit.end } : undefined;
  }
}

/**
 * "The Hangover Rescue: works every single time": a short label before a colon
 * (a product or service name in a list) is the subject of the verb right after it.
 */
function labelSubject(text: string, verbStart: number, at: number): InterventionMention | undefined {
  const m = LABEL_THEN_VERB.exec(text.slice(0, verbStart));
  return m ? { start: at + m.index + m[0].indexOf(m[1]!), end: at + m.index + m[0].indexOf(m[1]!) + m[1]!.length, id: m[1]!.toLowerCase(), name: m[1]!, via: 'name' } : undefined;
}

/** Short list items before a condition: " sciatica, ", " shingles, tennis elbow, ". */
/** "delivers natural, restorative sleep": what a delivery verb delivers may follow a few describing words, commas between them. */
function describedObjectAfter(facts: SentenceFacts, verbEnd: number, objects: readonly Span[]): Span | undefined {
  const at = facts.sentence.start;
  const hit = objects.find((c) => {
    const gap = facts.text.slice(verbEnd, c.start - at);
    return c.start >= at + verbEnd && wordCount(gap) <= 4 && /^[\s\p{L}'\u2019-]*(?:,\s[\s\p{L}'\u2019-]*)*$/u.test(gap) && !DELIVERY_GAP_BREAK.test(gap);
  });
  return hit ? { start: hit.start, end: hit.end } : undefined;
}

const LIST_ITEMS = /^\s+(?:[\p{L}'\u2019-]+(?:\s[\p{L}'\u2019-]+)?,\s+)+(?:[\p{L}'\u2019-]+(?:\s[\p{L}'\u2019-]+)?,?\s+(?:and|or)\s+)?$|^\s+[\p{L}'\u2019-]+(?:\s[\p{L}'\u2019-]+)?,?\s+(?:and|or)\s+$/u;
/** What may open a clause before its subject: a conjunction ("…, and saunas flush out…"). */
const CLAUSE_OPENER = /^(?:and|but|so|because|while|when|then)$/i;
const FUNCTION_WORD = /^(?:who|which|that|what|whose|is|are|was|were|be|been|being|am|will|would|can|could|may|might|should|must|do|does|did|has|have|had|to|of|for|with|in|on|at|by|from|into|about|than|as|not|no|nor|if|it|its|he|she|they|them|there|here|this|that|a|an|i|you|me|my|his|her)$/i;
/** A plural ending, not "-ss", "-us", "-is" ("adjustments", "saunas", "therapies"; not "stress", "virus", "basis"). */
const PLURAL_NOUN = /^[\p{L}'\u2019-]{3,}[^su\s'\u2019]s$|ies$/iu;
/** A noun (one describing word allowed) and a relative "that"/"which" right before a verb: "growth factors that ". */
const RELATIVE_BEFORE = /(?:^|[\s(])((?:[\p{L}-]+\s+)?[\p{L}'\u2019-]+)\s+(?:that|which)\s+$/u;
/** Plural-looking words that do not name a thing that acts ("others", "years", "days", "times"). */
const NOT_A_SUBJECT = /^(?:others|ones|years|months|weeks|days|hours|minutes|times|levels|studies|trials|reviews|results|reports|experts|numbers|figures|rates|odds|news|series|ways|things|means|reasons|claims)$/i;

/**
 * The noun phrase that opens the verb's clause, right before it ("Regular adjustments" in "Regular
 * adjustments cure…"): at most four words back to the sentence start, a clause break or a conjunction.
 */
function nounPhraseBefore(text: string, verbStart: number): { start: number; text: string } | undefined {
  const from = Math.max(0, verbStart - 80);
  const words = [...text.slice(from, verbStart).matchAll(/\S+/g)];
  // "Saunas gently flush out…", "the lenses also protect…": an adverb between subject and verb.
  if (words.length && SUBJECT_VERB_ADVERB.test(words[words.length - 1]![0])) words.pop();
  let first = words.length;
  let opened = false;
  for (let i = words.length - 1; i >= 0 && !opened; i--) {
    const w = words[i]![0];
    // A conjunction or a word ending in punctuation ("…, saunas flush") stands before the clause.
    if (CLAUSE_OPENER.test(w) || /[,;:)\u2014\u2013.!?]$/.test(w)) opened = true;
    else if (words.length - i > 4) return undefined;
    else {
      first = i;
      // "(Saunas flush", "— saunas flush": an opening mark starts the clause at this word.
      opened = /^[(\u2014\u2013]/.test(w);
    }
  }
  if (first === words.length || (!opened && from > 0)) return undefined;
  const startWord = words[first]!;
  const start = from + startWord.index! + (/^[(\u2014\u2013"'\u201c\u2018*]*/.exec(startWord[0])?.[0].length ?? 0);
  const last = words[words.length - 1]!;
  const phrase = text.slice(start, from + last.index! + last[0].length);
  const phraseWords = phrase.split(/\s+/);
  if (phraseWords.some((w, i) => !/^[\p{L}\p{N}'\u2019-]+$/u.test(w) || (FUNCTION_WORD.test(w) && !(i === 0 && /^(?:this|its|my|his|her)$/i.test(w))))) return undefined;
  return { start, text: phrase };
}

/** "-ly" adverbs and the few common ones without it that stand between a subject and its verb. */
const SUBJECT_VERB_ADVERB = /^(?:\p{L}+ly|also|even|just|still|actually|truly)$/iu;
/** ", the active compound in turmeric, ": an appositive that renames the subject before its verb. */
const APPOSITIVE = /^,\s+(?:the|a|an|our|its|this)\s[^,;:()\u2014\u2013]{1,60},\s+(?:\p{L}+ly\s+|also\s+)?$/iu;

const LABEL_THEN_VERB = /^\s*((?:[A-Z][\p{L}\p{N}'\u2019&+-]*\s+){0,4}[A-Z][\p{L}\p{N}'\u2019&+-]*)\s*:\s*$/u;

function firstWordStart(text: string): number {
  return /[\p{L}\p{N}]/u.exec(text)?.index ?? -1;
}

function summarize(f: SentenceFacts): ClaimAnalysis {
  const causal = f.claimVerbs.filter((v) => v.category !== 'correlational' && (v.subject || v.object));
  const hedged = f.hedges.length > 0;
  let claimStrength: ClaimStrength = 'none';
  if (causal.length) claimStrength = hedged ? 'conditional-causal' : 'direct-causal';
  else if (f.claimVerbs.some((v) => v.category === 'correlational')) claimStrength = 'correlational';
  return {
    text: f.text,
    claimStrength,
    hedged,
    hedgeCues: unique(f.hedges.map((h) => h.cue.toLowerCase())),
    negated: f.negations.length > 0,
    negationCues: unique(f.negations.map((n) => n.cue.toLowerCase())),
    attributed: f.attributions.some((a) => a.category !== 'endorsement') || f.quotes.length > 0 || MYTH_OPENING.test(f.text),
    attributionCues: unique([...f.attributions.map((a) => a.cue.toLowerCase()), ...(f.quotes.length ? ['quotation'] : []), ...(MYTH_OPENING.test(f.text) ? ['myth framing'] : [])]),
    question: f.question,
    interventions: f.interventions.map((i) => ({ id: i.id, name: i.name, text: f.text.slice(i.start - f.sentence.start, i.end - f.sentence.start), via: i.via })),
    conditions: unique(f.conditions.map((c) => c.cue.toLowerCase())),
    population: unique(f.populations.map((p) => p.cue.toLowerCase())),
    numbers: f.numbers.map((n) => ({ kind: n.kind, text: n.text, value: Number.isFinite(n.value) ? n.value : undefined, max: n.max, unit: n.unit })),
    cited: f.citations.some(isSourceCitation),
    citations: f.citations.map((c) => c.label),
  };
}

/** An intervention named in an example list or as a comparator: "such as antidepressants or electroconvulsive therapy (ECT)". */
function isExampleOrComparator(f: SentenceFacts, mention: InterventionMention, markers: readonly PhraseMatch<LexiconEntry>[]): boolean {
  const at = f.sentence.start;
  let from = mention.start - at;
  // Step back over the list: other treatments named, "or", "and", commas, brackets.
  for (const other of [...f.interventions].reverse()) {
    if (other.end > mention.start || other === mention) continue;
    if (!/^[\s,()]*(?:(?:or|and)\s+)?(?:the\s+)?[\s(]*$/i.test(f.text.slice(other.end - at, from))) break;
    from = other.start - at;
  }
  return markers.some((m) => m.end <= from && /^[\s(]*$/.test(f.text.slice(m.end, from)));
}

/** A treatment named as an add-on, comparator or one already tried, "together with an oral antidepressant", "compared with placebo", "beat ECT", "after at least two antidepressants": the treatment under discussion stays the topic. */
function isAddOn(f: SentenceFacts, mention: InterventionMention, markers: readonly PhraseMatch<LexiconEntry>[]): boolean {
  const at = f.sentence.start;
  return markers.some((m) => m.end <= mention.start - at && wordCount(f.text.slice(m.end, mention.start - at)) <= 3 && !CLAUSE_BREAK.test(f.text.slice(m.end, mention.start - at)));
}

// ---- Scope helpers the rules share ----

/** "…and it ", "…and these will ": the clause after an instruction, opened by the treatment as its subject. */
const TREATMENT_CLAUSE_AFTER_AND = /\band\s+(?:it|they|this|these)(?:'ll|\u2019ll|\s+will|\s+can)?\s+(?:\p{L}+ly\s+)?$/iu;

/**
 * The promise an instruction ends in: a promise verb ("Take them nightly and your pain will be gone"), or a
 * benefit claim in the clause after "and" with the treatment as its subject ("Wear it an hour a day and it
 * retrains your muscles"). "Call us and we'll help you manage the pain" has people as subject, and promises nothing.
 */
export function instructionPromise(f: SentenceFacts): ClaimVerb | undefined {
  const at = f.sentence.start;
  return (
    f.claimVerbs.find((v) => v.category === 'promise') ??
    f.claimVerbs.find(
      (v) =>
        v.category !== 'harm' &&
        v.category !== 'correlational' &&
        !!(v.subject || v.object) &&
        (TREATMENT_CLAUSE_AFTER_AND.test(f.text.slice(0, v.start - at)) || (!!v.subject && /\band\s+$/i.test(f.text.slice(0, v.subject.start - at)))),
    )
  );
}

/** Whether a negation cue governs the span: before it, in the same clause, within seven words. */
export function isNegated(f: SentenceFacts, span: Span, ignore: readonly Span[] = []): boolean {
  return f.negations.some(
    (n) => n.end <= span.start && !ignore.some((s) => s.start <= n.start && n.end <= s.end) && (inScope(f, n.end, span.start, 7) || deniesAssurance(f, n, span)),
  );
}

/** "Nobody can promise that the pain will never come back": a negated assurance denies its whole clause. */
function deniesAssurance(f: SentenceFacts, negation: Span, span: Span): boolean {
  const at = f.sentence.start;
  return f.assurances.some(
    (a) =>
      a.start >= negation.end &&
      a.end <= span.start &&
      inScope(f, negation.end, a.start, 3) &&
      !CLAUSE_JOIN.test(f.text.slice(a.end - at, span.start - at)) &&
      !f.scopeEnds.some((s) => s.start >= a.end && s.end <= span.start),
  );
}

export interface AttributionOptions {
  /**
   * Whether reported speech ("X said", a quoted sentence) counts. A claim someone
   * else made can be reported; but a promotional word is on the page whoever said
   * it, so word-level rules count only scare quotes, distancing labels and myths.
   */
  reportedSpeech: boolean;
}

const SCARE_QUOTE_MAX_WORDS = 4;
/** What stands between a selling verb and the span: its object, "as", then at most a few words ("sell the pills as a cure for anyone"). */
const PROMOTED_AS = /^\s+(?:[\p{L}\p{N}'\u2019-]+\s+){0,4}as\s+(?:[\p{L}\p{N}'\u2019\u201c\u201d"-]+\s+){0,5}$/u;
/** "we ", "I honestly ", "our team ", "our medical director ": the writer or their own organisation just before a verb. */
const OWN_SPEAKER_BEFORE = /(?:^|[^\p{L}])(?:I|[Ww]e|[Oo]ur(?:\s+[\p{L}-]+){1,2})\s+(?:\p{L}+ly\s+)?$/u;
const FIRST_PERSON_BEFORE = /\b(?:I|we)(?:'m|\u2019m|'re|\u2019re|\s+am|\s+are)?\s+(?:\w+\s+)?$/i;

/** Whether the span is reported rather than asserted: quoted, labelled, reported speech, or set up as a myth. */
export function isAttributed(f: SentenceFacts, span: Span, options: AttributionOptions = { reportedSpeech: true }): boolean {
  if (MYTH_OPENING.test(f.text)) return true;
  const at = f.sentence.start;
  const quoted = f.quotes.filter((q) => q.start <= span.start && q.end >= span.end);
  if (quoted.some((q) => options.reportedSpeech || wordCount(f.text.slice(q.start - at, q.end - at)) <= SCARE_QUOTE_MAX_WORDS)) return true;
  // "People call it a breakthrough, and we couldn't agree more": the writer adopts what they report.
  const endorsed = f.attributions.some((a) => a.category === 'endorsement');
  return f.attributions.some((a) => {
    if (endorsed && a.category !== 'myth-framing' && a.category !== 'refutation') return false;
    switch (a.category) {
      case 'endorsement':
        return false;
      case 'promotion-as':
        // "clinics promote the drip as a cure": only the label after "as" is the seller's ("we market it as a cure" is the writer's).
        return !a.byOwnSide && a.end <= span.start && PROMOTED_AS.test(f.text.slice(a.end - at, span.start - at));
      case 'belief':
        // "patients arrive believing one dose will fix them": the belief covers its own clause, unless it is the writer's ("I'm convinced").
        return a.end <= span.start && !CLAUSE_JOIN.test(f.text.slice(a.end - at, span.start - at)) && !FIRST_PERSON_BEFORE.test(f.text.slice(Math.max(0, a.start - at - 12), a.start - at));
      case 'reporting-verb':
      case 'source-prefix':
      case 'stance-verb':
      case 'myth-framing':
        // A stance verb ("advocates argue") or a seller as speaker ("the clinic told me") withholds the writer's voice even from single words; neutral reporting does not.
        if ((a.category === 'reporting-verb' || a.category === 'source-prefix') && !a.bySeller && !options.reportedSpeech) return false;
        if (a.start < span.end && span.start < a.end) return false; // the cue is part of the term itself
        // "I swear it works", "we say it works": the writer reporting their own words still makes the claim.
        if (a.category === 'reporting-verb' && a.end <= span.start && a.byOwnSide) return false;
        // "X works, and according to Y, Z": the source opens a later clause and does not reach back.
        if (a.category === 'source-prefix' && a.start >= span.end && CLAUSE_JOIN.test(f.text.slice(span.end - at, a.start - at))) return false;
        // Reported speech covers its own clause: "X reported Y; ketamine is a breakthrough" asserts the second part.
        return !/;|\s[\u2014\u2013]\s/.test(f.text.slice(Math.min(a.end, span.start) - at, Math.max(a.start, span.end) - at));
      case 'refutation':
        return a.start >= span.end;
      default:
        // Distancing labels govern what follows them closely: "hailed as a breakthrough".
        return a.end <= span.start && wordCount(f.text.slice(a.end - at, span.start - at)) <= 6 && !/[.;]/.test(f.text.slice(a.end - at, span.start - at));
    }
  });
}

/** Whether the text holds an author-year citation ("(Smith, 2020)", "Smith et al. (2020)"), which block markup does not carry. */
export function hasAuthorYearCitation(text: string): boolean {
  AUTHOR_YEAR.lastIndex = 0;
  return AUTHOR_YEAR.test(text);
}

/** A marker that points at a source: a footnote, reference, author-year, named study, or a link to a scholarly record. */
export function isSourceCitation(c: CitationMarker): boolean {
  return c.kind !== 'link' || c.scholarly;
}

export function isMagnitudeStated(f: SentenceFacts): boolean {
  return f.numbers.some(isMagnitude);
}

export function isCited(f: SentenceFacts): boolean {
  return f.analysis.cited;
}

/** No clause break or contrast word between two source offsets, and at most maxWords words. */
function inScope(f: SentenceFacts, from: number, to: number, maxWords: number): boolean {
  const at = f.sentence.start;
  const between = f.text.slice(from - at, to - at);
  if (CLAUSE_BREAK.test(between) || wordCount(between) > maxWords) return false;
  return !f.scopeEnds.some((s) => s.start >= from && s.end <= to);
}

export function wordCount(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text)) n++;
  return n;
}

function findAll(regex: RegExp, text: string, offset: number): Span[] {
  const out: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) out.push({ start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

function sourceText(text: string, span: Span, offset: number): string {
  return text.slice(span.start - offset, span.end - offset);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** How many conditions follow a position as one list ("migraine, fibromyalgia and chronic fatigue"), joined by commas, "and" or "or". */
function conditionListAfter(text: string, from: number, conditions: readonly Span[], at: number): number {
  let end = from;
  let count = 0;
  for (const c of conditions) {
    if (c.start - at < end) continue;
    const gap = text.slice(end, c.start - at);
    if (count === 0 ? !/^\s+$/.test(gap) : !/^(?:,\s+|,?\s+(?:and|or)\s+)$/i.test(gap)) break;
    count++;
    end = c.end - at;
  }
  return count;
}
