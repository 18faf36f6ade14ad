// A Markdown footnote that cites a pack source, numbered after the footnotes
// the document already has. Computed from the document text at the moment a
// fix or completion is applied, so numbering is never stale.

import type { PackSource } from './evidencePack.js';
import { sourceLink } from './evidenceIndex.js';

export interface FootnoteCitation {
  /** The label without brackets, e.g. "3". */
  label: string;
  /** `[^3]`, to place right after the cited words. */
  reference: string;
  /** `[^3]: Citation. https://doi.org/…`, for the end of the document. */
  definition: string;
  /** Whether the document already had a footnote for this source, so only the reference is new. */
  existing: boolean;
}

const DEFINITION = /^[ \t]{0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm;

/** The next free numeric footnote label, or the existing footnote that already cites this source. */
export function footnoteCitation(documentText: string, source: PackSource): FootnoteCitation {
  const link = sourceLink(source);
  let highest = 0;
  const used = new Set<string>();
  for (const m of documentText.matchAll(DEFINITION)) {
    const [, label, body] = m as unknown as [string, string, string];
    used.add(label);
    if ((link && body.includes(link)) || body.startsWith(source.citation.slice(0, 40))) {
      return { label, reference: `[^${label}]`, definition: '', existing: true };
    }
    if (/^\d+$/.test(label)) highest = Math.max(highest, Number(label));
  }
  // References without definitions also occupy a number.
  for (const m of documentText.matchAll(/\[\^(\d+)\]/g)) highest = Math.max(highest, Number(m[1]));
  let n = highest + 1;
  while (used.has(String(n))) n++;
  const label = String(n);
  const text = [source.citation.replace(/\s+/g, ' ').trim(), link].filter(Boolean).join(' ');
  return { label, reference: `[^${label}]`, definition: `[^${label}]: ${text}`, existing: false };
}
