// Shared types of the analysis core. Offsets are UTF-16 code-unit offsets into
// the Markdown source, the same unit JavaScript strings and LSP positions use.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type ClaimStrength = 'direct-causal' | 'conditional-causal' | 'correlational' | 'none';

export interface Span {
  start: number;
  end: number;
}

/** A unit of prose: a paragraph, heading, list-item paragraph or table cell. */
export interface ProseBlock extends Span {
  kind: 'paragraph' | 'heading' | 'table-cell' | 'footnote-definition';
  /** A table cell in the header row: a column's label ("What the evidence shows"), which claims nothing. */
  columnHeader?: boolean;
  /** A paragraph inside a list item. */
  listItem?: boolean;
  /** The source slice with every non-prose character (markup, URLs, code, HTML) replaced by a space, so offsets map 1:1. */
  prose: string;
  /** Footnote references, link destinations and autolinks found in the block: evidence of a citation. */
  citations: CitationMarker[];
}

export interface CitationMarker extends Span {
  kind: 'footnote' | 'numbered' | 'author-year' | 'link' | 'named-study';
  /** Footnote label, link URL or the author-year text. */
  label: string;
  /** True for links to a scholarly record (doi.org, PubMed, PMC, a journal), or whose own text names a study. */
  scholarly: boolean;
}

export interface Sentence extends Span {
  /** The prose view of the sentence (markup blanked). */
  text: string;
  block: ProseBlock;
}

export interface NumberMention extends Span {
  kind: 'percent' | 'fraction' | 'range' | 'ci' | 'effect-size' | 'count' | 'multiple' | 'duration' | 'year' | 'p-value' | 'dose' | 'rate';
  text: string;
  /** Numeric value(s): percent as 0-100, fractions as the ratio x100, durations in days. */
  value?: number;
  max?: number;
  unit?: string;
}

export interface Cue extends Span {
  cue: string;
}

export interface InterventionMention extends Span {
  id: string;
  name: string;
  /** How it was found: a name in the data, or a pronoun standing for the last one named. */
  via: 'name' | 'reference';
}

export interface ClaimAnalysis {
  text: string;
  claimStrength: ClaimStrength;
  hedged: boolean;
  hedgeCues: string[];
  negated: boolean;
  negationCues: string[];
  attributed: boolean;
  attributionCues: string[];
  question: boolean;
  interventions: { id: string; name: string; text: string; via: 'name' | 'reference' }[];
  conditions: string[];
  population: string[];
  numbers: { kind: NumberMention['kind']; text: string; value?: number; max?: number; unit?: string }[];
  cited: boolean;
  citations: string[];
}

export interface Suggestion {
  /** Title shown in the quick-fix menu. */
  title: string;
  /** Replacement for exactly the finding's range. */
  replacement: string;
  /** Text to append to the document (e.g. a footnote definition), placed after existing content. */
  appendToDocument?: string;
  /**
   * A pack source the fix also cites: the editor adds a footnote reference after
   * the replacement and the footnote's definition at the end of the document,
   * numbered after the document's own footnotes when the fix is applied.
   */
  citeSourceId?: string;
  /**
   * With `citeSourceId`: the source text between the end of the range and the
   * place for the footnote reference (e.g. the rest of the sentence, so the
   * reference follows its full stop). The editor checks it is still there;
   * without it the reference goes right after the replacement.
   */
  citeAfter?: string;
  /** Whether this is the single preferred fix. */
  preferred?: boolean;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The source text under the range, so editors can check it is unchanged before applying a fix. */
  text: string;
  suggestions: Suggestion[];
  /** Evidence-pack ids (sources, findings) a hover card can show. */
  evidenceIds: string[];
  sentence: Span;
  analysis: ClaimAnalysis;
}

/** A problem with a configuration or data file, reported to the user, never thrown at them. */
export interface InputProblem {
  file: string;
  line?: number;
  column?: number;
  /** JSON path of the offending value, e.g. /rules/hype. */
  path?: string;
  message: string;
  hint: string;
}
