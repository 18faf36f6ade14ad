// Markdown source -> prose blocks with exact offsets.
//
// The block structure comes from @lezer/markdown with its inline parsers
// removed (about twice as fast); inline markup is parsed per block with the
// same parser's parseInline, and only for blocks that contain a markup
// character. Non-prose characters are blanked to spaces rather than removed,
// so an offset into a block's `prose` is an offset into the source.

import { parser as baseParser, GFM, type MarkdownParser } from '@lezer/markdown';
import { TreeFragment, type Tree } from '@lezer/common';
import type { CitationMarker, ProseBlock, Span } from '../types.js';

const INLINE_PARSERS = ['Escape', 'Entity', 'InlineCode', 'HTMLTag', 'Emphasis', 'Strikethrough', 'HardBreak', 'Link', 'Image', 'Autolink', 'LinkEnd'];
const fullParser: MarkdownParser = baseParser.configure(GFM);
const blockParser: MarkdownParser = fullParser.configure({ remove: INLINE_PARSERS });
// parseInline returns Element objects whose `children` lezer does not declare in
// its typings; the pinned version has them, and the prose tests fail if that changes.
interface Element {
  readonly type: number;
  readonly from: number;
  readonly to: number;
  readonly children: readonly Element[];
}
const nodeName = (type: number): string => fullParser.nodeSet.types[type]!.name;

const CONTAINERS = new Set(['Document', 'Blockquote', 'BulletList', 'OrderedList', 'ListItem', 'Table', 'TableHeader', 'TableRow']);
const MAY_HAVE_INLINE_MARKUP = /[*_`[\]<>&\\~!]|https?:|www\./;
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|$)/;
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:/;
const NUMBERED_REFERENCE = /^\[(\d{1,3}(?:\s*[,\u2013\u2014-]\s*\d{1,3})*)\]$/;

export interface ScholarlyLinkTest {
  (url: string): boolean;
}

export interface ParsedMarkdown {
  /** The block tree, to pass back as `previous` when the same document is parsed again (only with `keepForReuse`). */
  tree: Tree | undefined;
  blocks: ProseBlock[];
  /** Spans where nothing is prose (code, front matter): directive comments inside them are ignored. */
  codeSpans: Span[];
  /** Footnote definitions: label -> its text (the source a marker points at). */
  footnotes: Map<string, { text: string; start: number; end: number }>;
  /** The inline result of every block, to offer back through `reuseInline` next time (only with `keepForReuse`). */
  inline: InlineRecord[];
}

export interface ProseOptions {
  includeImageAltText?: boolean;
  /**
   * Return the tree and inline records for the next parse of the same document. Without it they are
   * dropped as soon as the blocks are read: for a large document the tree is several times the size of its text.
   */
  keepForReuse?: boolean;
  isScholarlyLink?: ScholarlyLinkTest;
  /** The previous parse of this document and what changed since: only the changed region is parsed again. */
  previous?: { tree: Tree; change: TextChange };
  /**
   * The inline result of an unchanged block from the previous parse, if there is one.
   * `key` says how the block was read (its kind and container marks); a result is reused only under the same key.
   */
  reuseInline?: (from: number, to: number, key: string) => InlineResult | undefined;
}

/** One edit region between two versions of a text: [fromA, toA) in the old became [fromB, toB) in the new. */
export interface TextChange {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** The smallest single region that differs, found by common prefix and suffix. */
export function changeBetween(old: string, source: string): TextChange {
  const max = Math.min(old.length, source.length);
  // Compare a chunk at a time (native string comparison), then narrow down inside the first chunk that differs.
  let prefix = 0;
  while (prefix + CHUNK <= max && old.substr(prefix, CHUNK) === source.substr(prefix, CHUNK)) prefix += CHUNK;
  while (prefix < max && old.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (suffix + CHUNK <= room && old.substr(old.length - suffix - CHUNK, CHUNK) === source.substr(source.length - suffix - CHUNK, CHUNK)) suffix += CHUNK;
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;
  return { fromA: prefix, toA: old.length - suffix, fromB: prefix, toB: source.length - suffix };
}

const CHUNK = 256;

/** Where an unchanged span of the new text was in the old one, or undefined if the change touches it. */
export function unchangedOrigin(change: TextChange, from: number, to: number): number | undefined {
  if (to <= change.fromB) return from;
  if (from >= change.toB) return from - (change.toB - change.toA);
  return undefined;
}

export interface InlineResult {
  prose: string;
  /** Citations with offsets relative to the block start. */
  citations: CitationMarker[];
}

/** How each block was read, for reuse by the next parse. */
export interface InlineRecord {
  from: number;
  to: number;
  key: string;
  result: InlineResult;
}

export function parseMarkdown(source: string, options: ProseOptions = {}): ParsedMarkdown {
  const blocks: ProseBlock[] = [];
  const codeSpans: Span[] = [];
  const footnotes = new Map<string, { text: string; start: number; end: number }>();
  const frontMatter = FRONT_MATTER.exec(source);
  const bodyStart = frontMatter ? frontMatter[0].length : 0;
  if (bodyStart > 0) codeSpans.push({ start: 0, end: bodyStart });

  const inlineRecords: InlineRecord[] = [];
  const tree = options.previous
    ? blockParser.parse(source, TreeFragment.applyChanges(TreeFragment.addTree(options.previous.tree), [options.previous.change]))
    : blockParser.parse(source);
  const cursor = tree.cursor();
  let enter = true;
  do {
    const { name, from, to } = cursor;
    // Only containers hold blocks; the marks inside a leaf block are read below, so the walk need not visit them.
    enter = CONTAINERS.has(name);
    if (to <= bodyStart) continue;
    if (name === 'FencedCode' || name === 'CodeBlock') {
      codeSpans.push({ start: from, end: to });
      continue;
    }
    const isHeading = name.startsWith('ATXHeading') || name.startsWith('SetextHeading');
    if (name !== 'Paragraph' && name !== 'TableCell' && !isHeading) continue;
    if (from < bodyStart) continue;

    const masks: Span[] = [];
    // Container and heading marks inside the block (continuation-line "> ", "#", setext underline).
    const child = cursor.node.cursor();
    if (child.firstChild()) {
      do {
        if (child.name === 'QuoteMark' || child.name === 'HeaderMark') masks.push({ start: child.from, end: child.to });
      } while (child.nextSibling());
    }
    const raw = source.slice(from, to);
    const footnote = name === 'Paragraph' ? FOOTNOTE_DEFINITION.exec(raw) : null;
    const kind: ProseBlock['kind'] = footnote ? 'footnote-definition' : isHeading ? 'heading' : name === 'TableCell' ? 'table-cell' : 'paragraph';
    if (footnote) {
      masks.push({ start: from, end: from + footnote[0].length });
      // Definitions on consecutive lines form one paragraph ("[^1]: …\n[^2]: …"): each line that opens a definition starts a new one.
      const starts = [...raw.matchAll(/^\[\^([^\]\s]+)\]:/gm)];
      starts.forEach((m, i) => {
        const end = starts[i + 1]?.index ?? raw.length;
        footnotes.set(m[1]!.toLowerCase(), { text: raw.slice(m.index! + m[0].length, end).trim(), start: from + m.index!, end: from + end });
      });
    }
    let key = `${kind}${options.includeImageAltText ? 1 : 0}`;
    for (const m of masks) key += `,${m.start - from}-${m.end - from}`;
    let inline = options.reuseInline?.(from, to, key);
    if (!inline) {
      const citations: CitationMarker[] = [];
      // Inline parsing runs on the block alone (offset 0), so the result can be reused wherever the block moves.
      const localMasks = masks.map((m) => ({ start: m.start - from, end: m.end - from }));
      if (MAY_HAVE_INLINE_MARKUP.test(raw)) {
        const elements = fullParser.parseInline(blankSpans(raw, localMasks, 0), 0) as unknown as Element[];
        collectInline(elements, raw, localMasks, citations, options);
      }
      inline = { prose: blankSpans(raw, localMasks, 0), citations };
    }
    if (options.keepForReuse) inlineRecords.push({ from, to, key, result: inline });
    const citations = inline.citations.map((c) => ({ ...c, start: c.start + from, end: c.end + from }));
    const block: ProseBlock = { start: from, end: to, kind, prose: inline.prose, citations };
    if (name === 'TableCell' && cursor.node.parent?.name === 'TableHeader') block.columnHeader = true;
    else if (name === 'Paragraph' && cursor.node.parent?.name === 'ListItem') block.listItem = true;
    blocks.push(block);
  } while (cursor.next(enter));

  return { tree: options.keepForReuse ? tree : undefined, blocks, codeSpans, footnotes, inline: inlineRecords };
}

function collectInline(elements: readonly Element[], source: string, masks: Span[], citations: CitationMarker[], options: ProseOptions): void {
  for (const element of elements) {
    const name = nodeName(element.type);
    const { from, to } = element;
    switch (name) {
      case 'Emphasis':
      case 'StrongEmphasis':
      case 'Strikethrough':
        for (const c of element.children) {
          if (nodeName(c.type).endsWith('Mark')) masks.push({ start: c.from, end: c.to });
          else collectInline([c], source, masks, citations, options);
        }
        break;
      case 'Link':
        collectLink(element, source, masks, citations, options);
        break;
      case 'Image':
        if (options.includeImageAltText) collectLink(element, source, masks, citations, options);
        else masks.push({ start: from, end: to });
        break;
      case 'URL':
      case 'Autolink': {
        const url = source.slice(from, to).replace(/^<|>$/g, '');
        citations.push(linkCitation(from, to, url, options));
        masks.push({ start: from, end: to });
        break;
      }
      case 'Escape':
        masks.push({ start: from, end: from + 1 });
        break;
      case 'Entity':
        // Entities are rare in prose; "&nbsp;" and friends read as a space.
        masks.push({ start: from, end: to });
        break;
      case 'InlineCode':
      case 'HTMLTag':
      case 'Comment':
      case 'HardBreak':
      case 'ProcessingInstruction':
        masks.push({ start: from, end: to });
        break;
      default:
        if (element.children.length) collectInline(element.children, source, masks, citations, options);
    }
  }
}

function collectLink(element: Element, source: string, masks: Span[], citations: CitationMarker[], options: ProseOptions): void {
  const text = source.slice(element.from, element.to);
  const marks = element.children.filter((c) => nodeName(c.type) === 'LinkMark');
  const labelEnd = marks[1]?.from ?? element.to; // the "]" that closes the link text
  const label = source.slice(element.from + 1, labelEnd);
  const isShortcut = labelEnd + 1 >= element.to;
  if (isShortcut && label.startsWith('^')) {
    citations.push({ start: element.from, end: element.to, kind: 'footnote', label: label.slice(1).toLowerCase(), scholarly: true });
    masks.push({ start: element.from, end: element.to });
    return;
  }
  if (isShortcut && NUMBERED_REFERENCE.test(text)) {
    citations.push({ start: element.from, end: element.to, kind: 'numbered', label, scholarly: true });
    masks.push({ start: element.from, end: element.to });
    return;
  }
  const url = element.children.find((c) => nodeName(c.type) === 'URL');
  if (url) citations.push(linkCitation(element.from, element.to, source.slice(url.from, url.to), options));
  else if (!isShortcut) citations.push({ start: element.from, end: element.to, kind: 'link', label: source.slice(labelEnd + 1, element.to), scholarly: false });
  // Keep the link text as prose; blank the brackets and everything after "]".
  masks.push({ start: element.from, end: element.from + 1 });
  masks.push({ start: labelEnd, end: element.to });
  for (const c of element.children) {
    const n = nodeName(c.type);
    if (c.to <= labelEnd && n !== 'LinkMark') collectInline([c], source, masks, citations, options);
  }
}

function linkCitation(start: number, end: number, url: string, options: ProseOptions): CitationMarker {
  return { start, end, kind: 'link', label: url, scholarly: options.isScholarlyLink?.(url) ?? false };
}

/** Replace the given absolute spans of `raw` (which starts at `offset`) with spaces, keeping newlines. */
function blankSpans(raw: string, spans: readonly Span[], offset: number): string {
  if (spans.length === 0) return raw;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of sorted) {
    const s = Math.max(span.start - offset, at);
    const e = Math.min(span.end - offset, raw.length);
    if (e <= s) continue;
    out += raw.slice(at, s) + raw.slice(s, e).replace(/[^\n]/g, ' ');
    at = e;
  }
  return out + raw.slice(at);
}
