// The hover card for a flagged span: what the rule found and why it matters,
// how the sentence was read (claim analysis), the suggested rewording(s) and a
// link to the rule's page.
//
// Everything taken from the document or the data is escaped: the card has no
// raw HTML, no command links and only http(s) links we build ourselves.
// `extraSections` lets later features append sections; their Markdown is
// inserted as given, so callers must escape with escapeMarkdown. The evidence
// card (evidenceCardMarkdown.ts) is rendered separately and joined after it.

import type { ClaimAnalysis } from '../core/types.js';
import { ruleById } from '../rules/index.js';
import type { DiagnosticData } from '../shared/diagnostics.js';

export interface HoverDiagnostic {
  message: string;
  code?: string | number;
  codeDescription?: { href: string };
  data?: DiagnosticData;
}

export interface HoverSection {
  /** Plain-text heading (escaped here). */
  title: string;
  /** Markdown body, already escaped by the caller. */
  markdown: string;
}

const CLAIM_STRENGTH: Record<ClaimAnalysis['claimStrength'], string> = {
  'direct-causal': 'direct causal claim (X causes or cures Y)',
  'conditional-causal': 'conditional causal claim',
  correlational: 'association, not causation',
  none: 'no causal claim',
};

/**
 * Document text -> inert Markdown: whitespace flattened (no block structure),
 * every character that could start markup, a link, an autolink, HTML or an
 * entity backslash-escaped, and a leading character that could start a block
 * (heading, list, quote) escaped too.
 */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()<>&|~!]/g, (c) => `\\${c}`);
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^[#+\-=:]/, (c) => `\\${c}`);
}

function quoted(text: string): string {
  return `“${escapeMarkdown(text)}”`;
}

function list(items: readonly string[]): string {
  return items.map(quoted).join(', ');
}

export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    // Percent-encode anything that could end the link destination.
    return url.href.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

/** The claim analysis in two scannable lines: how the claim is put, then what it is about. */
function analysisLines(a: ClaimAnalysis): string[] {
  const reading = [
    `**Claim strength:** ${CLAIM_STRENGTH[a.claimStrength] ?? escapeMarkdown(String(a.claimStrength))}`,
    `**Hedged:** ${a.hedged ? `yes (${list(a.hedgeCues)})` : 'no'}`,
    `**Negated:** ${a.negated ? `yes (${list(a.negationCues)})` : 'no'}`,
    `**Attributed:** ${a.attributed ? `yes (${list(a.attributionCues)})` : 'no'}`,
    `**Citation:** ${a.cited ? `found${a.citations.length ? ` (${list(a.citations)})` : ''}` : 'none found'}`,
  ];
  const about: string[] = [];
  if (a.interventions.length) about.push(`**Treatment:** ${[...new Set(a.interventions.map((i) => (i.via === 'name' ? i.text : i.name)))].map(escapeMarkdown).join(', ')}`);
  if (a.conditions.length) about.push(`**Condition:** ${a.conditions.map(escapeMarkdown).join(', ')}`);
  if (a.population.length) about.push(`**Population:** ${a.population.map(escapeMarkdown).join(', ')}`);
  about.push(`**Numbers:** ${a.numbers.length ? a.numbers.map((n) => `${quoted(n.text)} (${escapeMarkdown(n.kind)})`).join(', ') : 'none'}`);
  return [`- ${reading.join(' · ')}`, `- ${about.join(' · ')}`];
}

function suggestionLines(data: DiagnosticData): string[] {
  const sentence = data.analysis?.text ?? '';
  return data.suggestions.map((s) => {
    const at = data.text ? sentence.indexOf(data.text) : -1;
    // Show the sentence as it would read, with the new words in bold; fall back to the suggestion's title.
    const shown =
      at >= 0 && s.replacement
        ? `${escapeMarkdown(sentence.slice(0, at))}**${escapeMarkdown(s.replacement)}**${escapeMarkdown(sentence.slice(at + data.text.length))}`
        : escapeMarkdown(s.title);
    const extra = s.appendToDocument ? ` (also adds ${quoted(s.appendToDocument.trim().slice(0, 80))} at the end)` : '';
    return `- ${shown}${extra}${s.preferred ? ' *(preferred)*' : ''}`;
  });
}

/**
 * The Markdown of one diagnostic's hover card. The editor already shows the
 * diagnostic's message above the card, so the card leads with what to write
 * instead, then the evidence, then how the sentence was read.
 */
export function renderHoverCard(diagnostic: HoverDiagnostic, extraSections: readonly HoverSection[] = []): string {
  const data = diagnostic.data;
  const ruleId = data?.ruleId ?? (diagnostic.code !== undefined ? String(diagnostic.code) : undefined);
  const rule = ruleId ? ruleById(ruleId) : undefined;
  const parts: string[] = [];
  const title = rule ? `**${escapeMarkdown(rule.title)}**` : '**Health claims**';
  parts.push(`${ruleId ? `${title} · ${escapeMarkdown(ruleId)}` : title}${data?.text ? ` · flagged ${quoted(data.text)}` : ''}`);
  if (data?.suggestions.length) parts.push([`**Suggested rewording${data.suggestions.length > 1 ? 's' : ''}**`, '', ...suggestionLines(data)].join('\n'));
  for (const section of extraSections) parts.push(`**${escapeMarkdown(section.title)}**\n\n${section.markdown}`);
  if (data?.analysis) parts.push(['**How the sentence reads**', '', ...analysisLines(data.analysis)].join('\n'));
  const href = safeHref(diagnostic.codeDescription?.href);
  if (href) parts.push(`[Learn more about ${rule ? escapeMarkdown(rule.title.toLowerCase()) : 'this rule'}](${href})`);
  return parts.join('\n\n');
}
