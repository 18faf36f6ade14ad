// What a rule may need to know about the whole document beyond its sentence:
// footnote definitions, the citation markers of each paragraph, the names it uses.

import type { Knowledge } from './knowledge/knowledge.js';
import type { ProseBlock } from './types.js';

export interface DocumentContext {
  knowledge: Knowledge;
  /** Footnote label -> the footnote's text. */
  footnotes: ReadonlyMap<string, { text: string; start: number; end: number }>;
  /** Numbered reference-list entries ("7. McInnes LA, …"), by number, for "[7]" markers. */
  references: ReadonlyMap<string, { text: string }>;
  /** Unnumbered reference-list entries ("Buijze GA, … (2016). …"), for author-year citations. */
  bibliography: readonly { text: string }[];
  /**
   * Capitalised phrases the document uses as names, lower-cased ("miracle pulse 2"):
   * written mid-sentence in running text, or with a model number or trademark sign.
   */
  names: ReadonlySet<string>;
  /** The block the sentence is in. */
  block: ProseBlock;
  /** Whether the block is a bibliography entry ("Han Y, Chen J, et al. Efficacy of…"): a source, not a claim. */
  referenceEntry: boolean;
  /**
   * Set only while a rule that asks for it reads the writer's note after a reference entry's citation: the citation
   * itself (authors, title, journal), which identifies the source the note describes.
   */
  annotatedEntry?: string;
  /** Whether the paragraph has a citation marker or scholarly link anywhere. */
  paragraphCited: boolean;
  /**
   * Whether a source cited in the paragraph covers the sentence starting here: a
   * citation covers its own sentence and those before it ("…and 55% responded.[^1]"),
   * not the sentences that follow it.
   */
  citedFrom(sentenceStart: number): boolean;
  /** Whether the paragraph names a source in words ("published in JAMA", "the trial found"). */
  paragraphNamesSource: boolean;
}
