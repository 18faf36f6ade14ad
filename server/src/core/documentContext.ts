// What a rule may need to know about the whole document beyond its sentence:
// footnote definitions and the citation markers of each paragraph.

import type { Knowledge } from './knowledge/knowledge.js';
import type { ProseBlock } from './types.js';

export interface DocumentContext {
  knowledge: Knowledge;
  /** Footnote label -> the footnote's text. */
  footnotes: ReadonlyMap<string, { text: string; start: number; end: number }>;
  /** The block the sentence is in (its citations count for every sentence of a paragraph). */
  block: ProseBlock;
}
