// The safety side of evidence-mismatch: what a sentence says about a pack
// treatment's side effects and rules of use, against the pack's safety records.
//
//   "fewer than 5% of patients felt sedated"   rate 48–61% on record
//   "almost nobody feels dissociated"           rate at least 20% on record
//   "you're monitored for about 30 minutes"     at least 2 hours on record
//   "you can drive home afterwards"             forbidden until the next day
//   "it has no abuse potential"                 Schedule III, boxed warning
//
// Only usable records (verified or secondary) decide, and only records that
// carry the structured field for the claim (rate, minimumDuration,
// contradictedBy): a free-text frequency never calls a sentence wrong.

import { isAttributed, isNegated, type ClaimAnalyzer, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { EvidenceIndex } from '../core/knowledge/evidenceIndex.js';
import { isUsable, sourceShortName } from '../core/knowledge/evidenceIndex.js';
import type { PackSafety } from '../core/knowledge/evidencePack.js';
import type { Lexicon, LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { Span, Suggestion } from '../core/types.js';
import { formatRange, gap, interventionChain, interventionFor, type EvidenceWords } from './evidenceClaims.js';
import type { RuleHit } from './rule.js';
import { quote } from './termMatches.js';

const OWN_VOICE = { reportedSpeech: false };
/** A word like "rare" or "uncommon" puts an effect in at most this share of patients. */
const RARE_SHARE = 10;
/** How far outside a rate a figure may fall: two points, or a tenth of the top of the rate. */
const RATE_POINTS = 2;
const RATE_RELATIVE = 0.1;
const HOURS = { minutes: 1 / 60, hours: 1, days: 24 } as const;

interface TermCue extends Span {
  cue: string;
  record: PackSafety;
}

export class SafetyEvidence {
  private readonly terms: PhraseMatcher<LexiconEntry>;
  private readonly records = new Map<string, PackSafety>();

  constructor(
    private readonly index: EvidenceIndex,
    analyzer: ClaimAnalyzer,
    private readonly words: EvidenceWords,
  ) {
    // The safety records' own words, as one lexicon keyed by record id, matched in the analyzer's pass over each sentence.
    const entries: LexiconEntry[] = [];
    for (const pack of index.packs) {
      for (const s of pack.safety ?? []) {
        if (!isUsable(s) || !s.terms?.length || !(s.rate || s.minimumDuration || s.contradictedBy)) continue;
        this.records.set(s.id, s);
        entries.push({ category: s.id, terms: s.terms });
      }
    }
    const lexicon: Lexicon = { id: 'pack-safety-terms', description: 'Safety record terms', source: 'evidence packs', entries };
    this.terms = analyzer.sentenceMatcher(lexicon);
  }

  /** Whether the sentence names a side effect or rule of use that a record can judge. */
  mentions(facts: SentenceFacts): boolean {
    return this.records.size > 0 && this.terms.test(facts.text);
  }

  hits(facts: SentenceFacts): RuleHit[] {
    if (!this.records.size) return [];
    const at = facts.sentence.start;
    const cues: TermCue[] = this.terms
      .find(facts.text)
      .map((m) => ({ start: at + m.start, end: at + m.end, cue: m.text, record: this.records.get(m.entry.category ?? '')! }))
      .filter((c) => c.record && this.appliesHere(facts, c));
    const out: RuleHit[] = [];
    for (const c of cues) {
      const hit = this.rateHit(facts, c) ?? this.durationHit(facts, c) ?? this.permissionHit(facts, c) ?? this.denialHit(facts, c);
      if (hit && !out.some((h) => h.start < hit.end && hit.start < h.end)) out.push(hit);
    }
    return out;
  }

  /** The record covers the treatment the sentence is about (its own id, its family's, or listed in alsoAppliesTo). */
  private appliesHere(facts: SentenceFacts, c: TermCue): boolean {
    const mention = interventionFor(facts, c, this.index);
    if (!mention) return false;
    const ids = interventionChain(this.index, mention.id);
    return ids.some((id) => c.record.intervention === id || c.record.alsoAppliesTo?.includes(id));
  }

  // ---- "fewer than 5% felt sedated", "sedation is uncommon", "almost nobody feels dissociated" ----

  private rateHit(facts: SentenceFacts, c: TermCue): RuleHit | undefined {
    const rate = c.record.rate;
    if (!rate) return undefined;
    const max = rate.max ?? 100;
    const tol = Math.max(RATE_POINTS, RATE_RELATIVE * (rate.max ?? rate.min));
    const near = (s: Span) => gap(facts, s, c).words <= 10 && gap(facts, s, c).sameClause;
    const figure = facts.numbers.find((n) => (n.kind === 'percent' || n.kind === 'fraction' || n.kind === 'range') && n.value !== undefined && near(n) && !isNegated(facts, n) && !isAttributed(facts, n, OWN_VOICE));
    const source = this.index.source(rate.source);
    const cite = source ? ` (${sourceShortName(source)}${c.record.verification === 'secondary' ? ', via a secondary source' : ''})` : '';
    const onRecord = rate.max === undefined ? `at least ${formatRange(rate.min, rate.min, '%')}` : formatRange(rate.min, rate.max, '%');
    if (figure) {
      // "fewer than 5%": everything up to the figure.
      const upTo = this.words.find(facts, 'bound-upper').some((b) => b.end <= figure.start && gap(facts, b, figure).words <= 1);
      const low = upTo ? 0 : figure.value!;
      const high = figure.max ?? figure.value!;
      if (high >= rate.min - tol && low <= max + tol) return undefined;
      const supported = formatRange(rate.min, max, '%');
      const suggestions: Suggestion[] = rate.max === undefined ? [] : [{ title: `Use the reported rate: ${supported}`, replacement: supported, citeSourceId: rate.source, preferred: true }];
      return {
        start: figure.start,
        end: figure.end,
        message: `${quote(figure.text)} ${high < rate.min ? 'understates' : 'overstates'} how often ${quote(c.cue)} occurs: ${onRecord} of patients${cite}. ${c.record.text}`,
        suggestions,
        evidenceIds: [c.record.id, ...c.record.sources],
      };
    }
    // "uncommon", "almost nobody": at most a tenth of patients.
    const rare = this.words.find(facts, 'share-rare').find((r) => near(r) && gap(facts, r, c).words <= 8 && !isNegated(facts, r) && !isAttributed(facts, r, OWN_VOICE));
    if (!rare || rate.min <= RARE_SHARE + RATE_POINTS) return undefined;
    const span = { start: Math.min(rare.start, c.start), end: Math.max(rare.end, c.end) };
    return {
      start: rare.start,
      end: rare.end,
      message: `${quote(facts.text.slice(span.start - facts.sentence.start, span.end - facts.sentence.start))} plays down how often it occurs: ${onRecord} of patients${cite}. ${c.record.text}`,
      suggestions: [],
      evidenceIds: [c.record.id, ...c.record.sources],
    };
  }

  // ---- "monitored for about 30 minutes" when the rule is at least 2 hours ----

  private durationHit(facts: SentenceFacts, c: TermCue): RuleHit | undefined {
    const least = c.record.minimumDuration;
    if (!least) return undefined;
    // The period the term names follows it: "watched for 30 minutes", "observation of about 30 minutes".
    // Or stands before it, joined by "of": "just one hour of monitoring", "a 30-minute observation".
    const at = facts.sentence.start;
    const before = (n: Span) => n.end <= c.start && /^(?:\s+of)?\s+$|^-?\s*$/.test(facts.text.slice(n.end - at, c.start - at).replace(/^-(?:minute|hour)s?/i, ''));
    const d = facts.numbers.find(
      (n) => n.kind === 'duration' && n.value !== undefined && ((n.start >= c.end && gap(facts, c, n).words <= 4 && gap(facts, c, n).sameClause) || before(n)),
    );
    if (!d || isNegated(facts, c) || isAttributed(facts, d, OWN_VOICE)) return undefined;
    const hours = d.value! * 24;
    const required = least.value * HOURS[least.unit];
    if (hours >= required * 0.9) return undefined;
    const source = this.index.source(least.source);
    const period = `${least.value} ${least.value === 1 ? least.unit.replace(/s$/, '') : least.unit}`;
    return {
      start: d.start,
      end: d.end,
      message: `${quote(d.text)} is shorter than the rule on record: at least ${period}${source ? ` (${sourceShortName(source)})` : ''}. ${c.record.text}`,
      suggestions: [{ title: `Use the required period: at least ${period}`, replacement: `at least ${period}`, citeSourceId: least.source, preferred: true }],
      evidenceIds: [c.record.id, ...c.record.sources],
    };
  }

  // ---- "you can drive home afterwards" when the record forbids it until the next day ----

  private permissionHit(facts: SentenceFacts, c: TermCue): RuleHit | undefined {
    if (!c.record.contradictedBy?.includes('permission')) return undefined;
    const permission = this.words.find(facts, 'permission').filter((p) => p.end <= c.start && gap(facts, p, c).words <= 2 && gap(facts, p, c).sameClause).pop();
    if (!permission || isNegated(facts, c) || isNegated(facts, permission) || isAttributed(facts, c, OWN_VOICE)) return undefined;
    // "someone else can drive you": the instruction itself, not a permission for the patient.
    if (this.words.find(facts, 'someone-else').some((s) => s.end <= permission.start && gap(facts, s, permission).words <= 1)) return undefined;
    // "you can drive the next day", "…until after a night's sleep": within the rule.
    if (this.words.find(facts, 'later-time').some((t) => t.start >= c.end && gap(facts, c, t).sameClause)) return undefined;
    const at = facts.sentence.start;
    return {
      start: permission.start,
      end: c.end,
      message: `${quote(facts.text.slice(permission.start - at, c.end - at))} contradicts the rules of use: ${c.record.text}`,
      suggestions: [],
      evidenceIds: [c.record.id, ...c.record.sources],
    };
  }

  // ---- "it has no abuse potential", "Spravato won't make you drowsy" ----

  private denialHit(facts: SentenceFacts, c: TermCue): RuleHit | undefined {
    if (!c.record.contradictedBy?.includes('denial')) return undefined;
    // The denial must deny the property itself ("no abuse potential", "isn't addictive", "doesn't cause dissociation"), not a
    // risk or the evidence of it in some setting ("no risk of addiction at our doses", "no evidence of abuse at follow-up").
    const denial = facts.negations.find((n) => n.end <= c.start && gap(facts, n, c).words <= 1 && gap(facts, n, c).sameClause);
    if (!denial || !isNegated(facts, c) || isAttributed(facts, c, OWN_VOICE)) return undefined;
    const at = facts.sentence.start;
    return {
      start: denial.start,
      end: c.end,
      message: `${quote(facts.text.slice(denial.start - at, c.end - at))} contradicts the record: ${c.record.text}`,
      suggestions: [],
      evidenceIds: [c.record.id, ...c.record.sources],
    };
  }
}
