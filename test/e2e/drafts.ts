// The fixture drafts (test/e2e/workspace) and what the checker finds in them.

export const DRAFT = 'draft.md';
export const UNOPENED = 'notes/unopened.md';

/** Every finding in draft.md with the built-in defaults, as "rule: flagged text". */
export const DRAFT_FINDINGS = [
  'hype: magic bullet',
  'unqualified-efficacy: Ketamine cures depression',
  'safety-overclaim: no side effects',
  'overstated-evidence: Research proves',
  'missing-citation: Research proves',
  'unqualified-efficacy: Relief is instant',
  'absolute-language: instant',
  'absolute-language: everyone',
];

export function without(list: readonly string[], ...items: string[]): string[] {
  const copy = [...list];
  for (const item of items) {
    const at = copy.indexOf(item);
    if (at < 0) throw new Error(`${item} is not in ${copy.join(' | ')}`);
    copy.splice(at, 1);
  }
  return copy;
}
