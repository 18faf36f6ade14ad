// The checks a JSON Schema cannot make on an evidence pack: every id a record
// refers to exists (in this pack or in another loaded one), and a finding's
// preferred source is one of its sources. A broken reference would leave a
// card or a fix without its source, so it is reported with its JSON path.

import type { EvidencePack } from './evidencePack.js';

export interface PackReferenceProblem {
  /** JSON pointer of the offending value. */
  path: string;
  message: string;
  hint: string;
}

/** Problems in `pack`'s references; `others` are the packs loaded alongside it (the built-in ones). */
export function packReferenceProblems(pack: EvidencePack, others: readonly EvidencePack[] = []): PackReferenceProblem[] {
  const all = [pack, ...others];
  const interventions = new Set(all.flatMap((p) => p.interventions.map((i) => i.id)));
  const conditions = new Set(all.flatMap((p) => p.conditions.map((c) => c.id)));
  const sources = new Set(all.flatMap((p) => p.sources.map((s) => s.id)));
  const problems: PackReferenceProblem[] = [];
  const expect = (known: Set<string>, kind: string, id: string | undefined, path: string) => {
    if (id !== undefined && !known.has(id)) {
      problems.push({ path, message: `"${id}" is not the id of any ${kind} in this pack or the built-in packs.`, hint: `Add a ${kind} with id "${id}", or correct the id.` });
    }
  };
  pack.interventions.forEach((i, n) => expect(interventions, 'intervention', i.family, `/interventions/${n}/family`));
  pack.conditions.forEach((c, n) => expect(conditions, 'condition', c.broader, `/conditions/${n}/broader`));
  pack.sources.forEach((s, n) => {
    expect(interventions, 'intervention', s.intervention, `/sources/${n}/intervention`);
    expect(conditions, 'condition', s.population?.condition, `/sources/${n}/population/condition`);
  });
  (pack.findings ?? []).forEach((f, n) => {
    expect(interventions, 'intervention', f.intervention, `/findings/${n}/intervention`);
    expect(conditions, 'condition', f.condition, `/findings/${n}/condition`);
    f.sources.forEach((id, k) => expect(sources, 'source', id, `/findings/${n}/sources/${k}`));
    expect(sources, 'source', f.preferredSource, `/findings/${n}/preferredSource`);
    if (!f.sources.includes(f.preferredSource)) {
      problems.push({ path: `/findings/${n}/preferredSource`, message: `The preferred source "${f.preferredSource}" is not among the finding's sources.`, hint: 'Add it to "sources", or choose one of them.' });
    }
  });
  (pack.regulatory ?? []).forEach((r, n) => {
    expect(interventions, 'intervention', r.intervention, `/regulatory/${n}/intervention`);
    r.sources.forEach((id, k) => expect(sources, 'source', id, `/regulatory/${n}/sources/${k}`));
  });
  (pack.safety ?? []).forEach((s, n) => {
    expect(interventions, 'intervention', s.intervention, `/safety/${n}/intervention`);
    s.sources.forEach((id, k) => expect(sources, 'source', id, `/safety/${n}/sources/${k}`));
    if (s.rate) expect(sources, 'source', s.rate.source, `/safety/${n}/rate/source`);
    if (s.minimumDuration) expect(sources, 'source', s.minimumDuration.source, `/safety/${n}/minimumDuration/source`);
  });
  return problems;
}
