// Where a suggestion that cites a pack source (Suggestion.citeSourceId) puts
// its footnote: the reference after the replacement, or after `citeAfter` when
// that text still follows the range, and the definition (unless a footnote
// already cites the source). Editors turn this into edits; tests apply it to
// text. Numbering is computed from `text`, the document at that moment.

import type { EvidenceIndex } from '../knowledge/evidenceIndex.js';
import { footnoteCitation, type FootnoteCitation } from '../knowledge/footnoteCitation.js';
import type { Suggestion } from '../types.js';

export interface CitationPlacement {
  /** Offset in `text` where the reference goes; undefined: at the end of the replacement. */
  referenceAt?: number;
  footnote: FootnoteCitation;
}

/** Undefined when the suggestion cites nothing or a source no loaded pack has. */
export function placeCitation(text: string, rangeEnd: number, suggestion: Pick<Suggestion, 'citeSourceId' | 'citeAfter'>, evidence: EvidenceIndex | undefined): CitationPlacement | undefined {
  const source = suggestion.citeSourceId ? evidence?.source(suggestion.citeSourceId) : undefined;
  if (!source || !evidence) return undefined;
  const footnote = footnoteCitation(text, source, (footnoteText) => evidence.sourceForCitation(footnoteText) === source);
  const after = suggestion.citeAfter ?? '';
  const follows = after !== '' && text.slice(rangeEnd, rangeEnd + after.length) === after;
  return { referenceAt: follows ? rangeEnd + after.length : undefined, footnote };
}
