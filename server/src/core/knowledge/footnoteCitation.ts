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
  /** `[^3]: Authors. Title. Journal. Year. <https://doi.org/…>`, for the end of the document ('' when reused). */
  definition: string;
  /** Whether the document already had a footnote for this source, so only the reference is new. */
  existing: boolean;
}

const DEFINITION = /^[ \t]{0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm;
/** More authors than this are shortened to the first three and "et al." (Vancouver style). */
const MAX_AUTHORS = 6;
/** Parenthesised notes the pack author left for other editors ("(As cited by seed 000 …)", "(… not recorded in the fact sheet.)"). */
const PACK_NOTE = /\s*\((?=[^()]*\b(?:seed|fact sheet|not recorded|not shown|as cited|not verified|unverified)\b)[^()]*\)\.?/gi;
/** A description in square brackets stands where the title was not recorded; it is not the title. */
const DESCRIPTION = /\s*\[([^\]]+)\]\.?/g;

/** Text without the parenthesised notes pack authors leave for each other (about seeds and the fact sheet). */
export function withoutPackNotes(text: string): string {
  return text.replace(PACK_NOTE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The citation as a reader should see it: authors, title, journal, year.
 * Built from the structured fields when the pack has them; otherwise the
 * pack's citation text without its internal notes and bracketed descriptions.
 */
export function readerCitation(source: PackSource): string {
  const citation = source.citation.replace(/\s+/g, ' ').trim();
  if (source.title && source.journal && source.year) {
    const titleAt = citation.indexOf(source.title);
    const authors = titleAt > 0 ? shortenAuthors(citation.slice(0, titleAt).replace(/[\s.]+$/, '')) : source.firstAuthor ? `${source.firstAuthor}, et al` : '';
    return [authors, source.title, source.journal, String(source.year)].filter(Boolean).map(withStop).join(' ');
  }
  let text = citation.replace(PACK_NOTE, '');
  const withoutDescription = text.replace(DESCRIPTION, '').trim();
  // Keep a description only when nothing else says what the record is (no author or journal left).
  text = /[A-Za-z]{3,}/.test(withoutDescription.replace(/PubMed Central|PMC\d+|PMID:? ?\d+/g, '')) ? withoutDescription : text.replace(DESCRIPTION, (_m, d: string) => ` ${withStop(d.replace(/;?\s*title not recorded\.?/i, '').trim())}`);
  return withStop(text.replace(/\s+/g, ' ').trim());
}

function shortenAuthors(authors: string): string {
  // "Newport DJ, …, Nemeroff CB; APA Council …": a group author after ";" is kept.
  const [people, group] = authors.split(/;\s*/, 2) as [string, string | undefined];
  const names = people.split(/,\s*/).filter(Boolean);
  const shortened = names.length > MAX_AUTHORS ? `${names.slice(0, 3).join(', ')}, et al` : names.join(', ');
  return group ? `${shortened}; ${group}` : shortened;
}

function withStop(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/**
 * The next free numeric footnote label, or the existing footnote that already
 * cites this source (by its link, its DOI, its citation, or `cites(text)` when
 * the caller can match citations against the evidence index).
 */
export function footnoteCitation(documentText: string, source: PackSource, cites?: (footnoteText: string) => boolean): FootnoteCitation {
  const link = sourceLink(source);
  const doi = source.doi?.toLowerCase();
  const reader = readerCitation(source);
  let highest = 0;
  const used = new Set<string>();
  for (const m of documentText.matchAll(DEFINITION)) {
    const [, label, body] = m as unknown as [string, string, string];
    used.add(label);
    const lower = body.toLowerCase();
    if ((link && body.includes(link)) || (doi && lower.includes(doi)) || body.startsWith(source.citation.slice(0, 40)) || body.startsWith(reader.slice(0, 40)) || cites?.(body)) {
      return { label, reference: `[^${label}]`, definition: '', existing: true };
    }
    if (/^\d+$/.test(label)) highest = Math.max(highest, Number(label));
  }
  // References without definitions also occupy a number.
  for (const m of documentText.matchAll(/\[\^(\d+)\]/g)) highest = Math.max(highest, Number(m[1]));
  let n = highest + 1;
  while (used.has(String(n))) n++;
  const label = String(n);
  const text = [reader, link ? `<${link}>` : undefined].filter(Boolean).join(' ');
  return { label, reference: `[^${label}]`, definition: `[^${label}]: ${text}`, existing: false };
}
