// An evidence card (core/evidence/evidenceCard.ts) as untrusted hover
// Markdown: short bold labels, bullets, no HTML and no command links. Every
// text from a pack is escaped (a workspace pack is as untrusted as the
// document), and the only links are http(s) source links passed through
// safeHref.

import type { CardSource, EvidenceCard } from '../core/evidence/evidenceCard.js';
import { escapeMarkdown, safeHref } from './hoverCard.js';

const CERTAINTY: Record<string, string> = { high: 'high', moderate: 'moderate', low: 'low', 'very-low': 'very low' };
const STATUS: Record<string, string> = {
  approved: 'approved',
  'off-label': 'off-label use',
  'approved-other-indication': 'approved only for another use',
  'not-approved': 'not approved',
};
const SAFETY_KIND: Record<string, string> = { 'adverse-effect': 'Adverse effect', warning: 'Warning', contraindication: 'Contraindication' };

export function renderEvidenceCard(card: EvidenceCard): string {
  const parts: string[] = [];
  const about = card.conditions.length ? ` · ${card.conditions.map(escapeMarkdown).join(', ')}` : '';
  parts.push(`**${card.kind === 'source' ? 'Source' : 'Evidence'}: ${escapeMarkdown(card.title)}**${about}`);

  if (card.kind === 'source') {
    const source = card.sources[0];
    if (source) parts.push(sourceDetails(source));
    return parts.join('\n\n');
  }

  const f = card.finding;
  if (f) {
    const lines = [`**What the evidence shows** (${escapeMarkdown(f.outcome)}, ${CERTAINTY[f.certainty] ?? escapeMarkdown(f.certainty)} certainty${f.secondary ? ', secondary sources' : ''}): ${escapeMarkdown(f.statement)}`, ''];
    const facts = [f.range && `**Range:** ${escapeMarkdown(f.range)}`, f.timepoint && `**Time point:** ${escapeMarkdown(f.timepoint)}`].filter(Boolean);
    if (facts.length) lines.push(`- ${facts.join(' · ')}`);
    if (f.caveat) lines.push(`- **Caveat:** ${escapeMarkdown(f.caveat)}`);
    parts.push(lines.join('\n').trimEnd());
  } else {
    parts.push('*No finding in the evidence pack matches this sentence; the sources below are about the same treatment.*');
  }
  if (card.sources.length) parts.push(['**Sources**', '', ...card.sources.flatMap(sourceLines)].join('\n'));
  if (card.safety.length) {
    parts.push(['**Adverse effects and warnings**', '', ...card.safety.map((s) => `- ${SAFETY_KIND[s.kind] ?? 'Note'}: ${escapeMarkdown(s.text)}${s.secondary ? ' *(secondary source)*' : ''}`)].join('\n'));
  }
  if (card.regulatory.length) {
    parts.push(
      [
        '**Regulatory status**',
        '',
        ...card.regulatory.map((r) => {
          const who = r.agency ? `${r.jurisdiction} (${r.agency})` : r.jurisdiction;
          const when = r.date ? `, since ${r.date}` : r.asOf ? `, as of ${r.asOf}` : '';
          return `- ${escapeMarkdown(who)}: ${STATUS[r.status] ?? escapeMarkdown(r.status)}${escapeMarkdown(when)}: ${escapeMarkdown(r.indication)}${r.secondary ? ' *(secondary source)*' : ''}`;
        }),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

/** One source as a bullet with up to two sub-bullets: numbers, then caveat and link. */
function sourceLines(s: CardSource): string[] {
  const lines = [`- ${headline(s)}`];
  if (s.numbers.length) lines.push(`  - ${s.numbers.map(escapeMarkdown).join('; ')}`);
  const tail = [s.caveat && `*Caveat:* ${escapeMarkdown(s.caveat)}`, link(s)].filter(Boolean);
  if (tail.length) lines.push(`  - ${tail.join(' · ')}`);
  return lines;
}

function headline(s: CardSource): string {
  const bits = [`**${escapeMarkdown(s.name)}**`];
  if (s.design) bits.push(escapeMarkdown(s.design));
  if (s.n !== undefined) bits.push(`n=${s.n}`);
  if (s.studies !== undefined) bits.push(`${s.studies} studies`);
  if (s.population) bits.push(escapeMarkdown(s.population));
  if (s.nonHuman) bits.push('**not human evidence**');
  if (s.verification === 'secondary') bits.push('*secondary record*');
  if (s.verification === 'unverified') bits.push('**unverified**');
  return bits.join(' · ');
}

function link(s: CardSource): string | undefined {
  const href = safeHref(s.link);
  if (!href) return undefined;
  const shown = (s.link ?? href).replace(/^https?:\/\//, '').replace(/\/$/, '');
  return `[${escapeMarkdown(shown)}](${href})`;
}

function sourceDetails(s: CardSource): string {
  const lines: string[] = [];
  if (s.title) lines.push(`*${escapeMarkdown(s.title)}*`, '');
  const design = [s.design && escapeMarkdown(s.design), s.n !== undefined && `n=${s.n}`, s.studies !== undefined && `${s.studies} studies`].filter(Boolean).join(' · ');
  if (design) lines.push(`- **Design:** ${design}${s.nonHuman ? ' · **not human evidence**' : ''}`);
  if (s.population) lines.push(`- **Population:** ${escapeMarkdown(s.population)}`);
  if (s.verification === 'unverified') {
    lines.push('- **Unverified:** this record could not be checked against a primary source. Its figures are not shown here; do not cite them as fact.');
    return lines.join('\n');
  }
  if (s.numbers.length) lines.push(`- **Key numbers:** ${s.numbers.map(escapeMarkdown).join('; ')}`);
  if (s.caveat) lines.push(`- **Caveat:** ${escapeMarkdown(s.caveat)}`);
  if (s.verification === 'secondary') lines.push('- **Checked:** through a secondary source only');
  const href = link(s);
  if (href) lines.push(`- **Link:** ${href}`);
  return lines.join('\n');
}
