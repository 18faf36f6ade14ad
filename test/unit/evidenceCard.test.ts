// The core's evidence selection: which finding, sources, safety facts and
// regulatory records a card shows; which sources "Add source" may cite; how
// footnotes are numbered and cited. Expectations are derived from the shipped
// pack's data, so they follow the pack when it changes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interventionCard, sourceCard } from '../../server/src/core/evidence/evidenceCard.js';
import { evidenceTargetAt } from '../../server/src/core/evidence/evidenceAt.js';
import type { EvidenceQuery } from '../../server/src/core/evidence/evidenceQuery.js';
import { citableSources } from '../../server/src/core/evidence/evidenceSelection.js';
import { isUsable, sourceLink } from '../../server/src/core/knowledge/evidenceIndex.js';
import { footnoteCitation, readerCitation } from '../../server/src/core/knowledge/footnoteCitation.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';
import { packReferenceProblems } from '../../server/src/core/knowledge/packReferences.js';

const knowledge = buildKnowledge();
const evidence = knowledge.evidence;
const pack = knowledge.packs[0]!;

function query(partial: Partial<EvidenceQuery>): EvidenceQuery {
  return { interventionIds: [], conditionIds: [], outcomes: [], aboutSafety: false, evidenceIds: [], ...partial };
}

describe('evidence cards (core)', () => {
  it('says when a figure on the card counts responders only, or is a mean or median', () => {
    let checked = 0;
    for (const source of pack.sources) {
      for (const o of (source.outcomes ?? []).filter((x) => (x.among || x.statistic === 'mean' || x.statistic === 'median') && (x.verification === 'verified' || x.verification === 'secondary'))) {
        const card = interventionCard(evidence, query({ interventionIds: source.intervention ? [source.intervention] : [], outcomes: [o.measure], evidenceIds: [source.id] }));
        const shown = card?.sources.find((s) => s.id === source.id)?.numbers.find((n) => n.includes(String(o.value ?? o.min)));
        if (!shown) continue;
        if (o.among === 'responders') assert.match(shown, /among responders/, `${source.id}: ${shown}`);
        if (o.statistic === 'mean' || o.statistic === 'median') assert.match(shown, new RegExp(`^${o.statistic} `), `${source.id}: ${shown}`);
        checked++;
      }
    }
    assert.ok(checked >= 2, `cards showed ${checked} such figures`);
  });

  it('chooses a finding for the named intervention, condition and outcome', () => {
    for (const finding of pack.findings!.filter((f) => f.range)) {
      const card = interventionCard(evidence, query({ interventionIds: [finding.intervention], conditionIds: [finding.condition], outcomes: [finding.outcome] }));
      assert.ok(card?.finding, `a finding for ${finding.id}`);
      const chosen = evidence.finding(card.finding.id)!;
      assert.equal(chosen.intervention, finding.intervention, `${finding.id}: same intervention`);
      assert.equal(chosen.outcome, finding.outcome, `${finding.id}: same outcome`);
      assert.equal(chosen.condition, finding.condition, `${finding.id}: same condition`);
    }
  });

  it('falls back from a form of a drug to its family when the form has no finding on that outcome', () => {
    const orphan = pack.interventions.find((i) => i.family && i.family !== i.id && !evidence.findingsFor(i.id).length)!;
    const card = interventionCard(evidence, query({ interventionIds: [orphan.id] }));
    assert.equal(evidence.finding(card!.finding!.id)!.intervention, orphan.family);
    assert.equal(card!.title, orphan.name);
  });

  it('shows at most three sources, all checked, the finding\'s preferred source first', () => {
    const finding = pack.findings!.find((f) => f.sources.length > 1 && f.range)!;
    const card = interventionCard(evidence, query({ interventionIds: [finding.intervention], conditionIds: [finding.condition], outcomes: [finding.outcome] }))!;
    assert.ok(card.sources.length >= 1 && card.sources.length <= 3);
    assert.equal(card.sources[0]!.id, evidence.finding(card.finding!.id)!.preferredSource);
    for (const s of card.sources) assert.ok(isUsable(evidence.source(s.id)!), `${s.id} is verified or secondary`);
  });

  it('lists adverse effects only for a claim about safety, and never unverified ones', () => {
    const efficacy = interventionCard(evidence, query({ interventionIds: ['ketamine'] }))!;
    assert.deepEqual(efficacy.safety, []);
    const safety = interventionCard(evidence, query({ interventionIds: ['ketamine'], outcomes: ['adverse-event'], aboutSafety: true }))!;
    assert.ok(safety.safety.length > 0);
    const unverifiedTexts = pack.safety!.filter((s) => s.verification === 'unverified').map((s) => s.text);
    for (const s of safety.safety) assert.ok(!unverifiedTexts.includes(s.text));
  });

  it('shows the regulatory records of the named form, not of its family', () => {
    const card = interventionCard(evidence, query({ interventionIds: ['esketamine-nasal'] }))!;
    const own = pack.regulatory!.filter((r) => (r.intervention === 'esketamine-nasal' || r.alsoAppliesTo?.includes('esketamine-nasal')) && r.verification !== 'unverified').map((r) => r.indication);
    assert.ok(card.regulatory.length > 0);
    for (const r of card.regulatory) assert.ok(own.includes(r.indication), `${r.indication} is an esketamine record`);
  });

  it('does not lend one molecule\'s sources, approvals or adverse effects to another', () => {
    const other = pack.interventions.find((i) => i.family && i.molecule && i.molecule !== evidence.intervention(i.family)?.molecule && i.id !== i.family)!;
    const efficacy = interventionCard(evidence, query({ interventionIds: [other.id] }))!;
    // The finding's own sources may be about the family (a comparison); no other family source fills the card.
    const citedByFinding = efficacy.finding ? evidence.finding(efficacy.finding.id)!.sources : [];
    for (const s of efficacy.sources.filter((x) => !citedByFinding.includes(x.id))) assert.notEqual(evidence.source(s.id)!.intervention, other.family, `${s.id} is about ${other.family}`);
    // Safety facts the pack links to this form (alsoAppliesTo) may cite family sources; others may not appear.
    const card = interventionCard(evidence, query({ interventionIds: [other.id], aboutSafety: true, outcomes: ['adverse-event'] }))!;
    const familyOnly = (ids: string[] | undefined, main: string) => main === other.family && !ids?.includes(other.id);
    for (const r of card.regulatory) assert.ok(!pack.regulatory!.some((x) => x.indication === r.indication && familyOnly(x.alsoAppliesTo, x.intervention)));
    for (const f of card.safety) assert.ok(!pack.safety!.some((x) => x.text === f.text && familyOnly(x.alsoAppliesTo, x.intervention)));
  });

  it('a card for an unverified source carries no figures and no link', () => {
    const unverified = pack.sources.find((s) => s.verification === 'unverified' && s.outcomes?.length)!;
    const card = sourceCard(evidence, unverified.id)!;
    assert.equal(card.sources[0]!.verification, 'unverified');
    assert.deepEqual(card.sources[0]!.numbers, []);
    assert.equal(card.sources[0]!.link, undefined);
  });

  it('finds the target under the cursor: an intervention with its sentence\'s condition and outcome, or a cited source', () => {
    const text = 'IV ketamine helped some patients with treatment-resistant depression reach remission.';
    const target = evidenceTargetAt(knowledge, text, text.indexOf('ketamine'));
    assert.equal(target?.kind, 'intervention');
    if (target?.kind === 'intervention') {
      assert.deepEqual(target.query.interventionIds, ['ketamine-iv']);
      assert.deepEqual(target.query.conditionIds, ['trd']);
      assert.deepEqual(target.query.outcomes, ['remission']);
    }
    const anand = evidence.source('anand-2023-elekt-d')!;
    const cited = `Most responded.[^7]\n\n[^7]: See https://doi.org/${anand.doi}\n`;
    const marker = evidenceTargetAt(knowledge, cited, cited.indexOf('[^7]') + 1);
    assert.deepEqual(marker && marker.kind === 'source' ? marker.sourceId : undefined, anand.id);
    const link = `The trial ([Anand and colleagues](https://doi.org/${anand.doi})) compared it with ECT.`;
    const linked = evidenceTargetAt(knowledge, link, link.indexOf('colleagues'));
    assert.deepEqual(linked && linked.kind === 'source' ? linked.sourceId : undefined, anand.id, 'a DOI link');
    const authorYear = `In the largest trial (${anand.firstAuthor} et al., ${anand.year}), 55% responded.`;
    const byAuthor = evidenceTargetAt(knowledge, authorYear, authorYear.indexOf(anand.firstAuthor!));
    assert.deepEqual(byAuthor && byAuthor.kind === 'source' ? byAuthor.sourceId : undefined, anand.id, 'an author-year citation');
    const brand = 'Spravato is a nasal spray.';
    const spravato = evidenceTargetAt(knowledge, brand, 2);
    assert.deepEqual(spravato && spravato.kind === 'intervention' ? spravato.query.interventionIds : undefined, ['esketamine-nasal']);
    assert.equal(evidenceTargetAt(knowledge, 'Nothing to see here.', 3), undefined);
  });
});

describe('sources a sentence may cite', () => {
  it('offers sources that report the sentence\'s figure on the same outcome, and none for an unsupported figure', () => {
    const reported = pack.sources.flatMap((s) => (s.verification === 'verified' && s.intervention ? (s.outcomes ?? []).filter((o) => o.unit === '%' && o.measure === 'response' && o.verification === 'verified' && o.value !== undefined).map((o) => ({ s, o })) : []))[0]!;
    const offered = citableSources(evidence, query({ interventionIds: [reported.s.intervention!], outcomes: ['response'] }), [reported.o.value!]);
    assert.ok(offered.some((s) => s.id === reported.s.id), `${reported.s.id} reports ${reported.o.value}% response`);
    const highest = Math.max(...pack.findings!.filter((f) => f.outcome === 'remission' && f.range).map((f) => f.range!.max));
    assert.deepEqual(citableSources(evidence, query({ interventionIds: ['ketamine'], outcomes: ['remission'] }), [highest + 20]), []);
  });

  it('offers nothing when the sentence names no pack treatment', () => {
    assert.deepEqual(citableSources(evidence, query({ outcomes: ['response'] }), []), []);
  });
});

describe('footnotes for pack sources', () => {
  const source = evidence.source('anand-2023-elekt-d')!;

  it('numbers a new footnote after the existing ones', () => {
    const text = 'One.[^1] Two.[^2]\n\n[^1]: A.\n\n[^2]: B.\n';
    const footnote = footnoteCitation(text, source);
    assert.equal(footnote.reference, '[^3]');
    assert.ok(footnote.definition.startsWith('[^3]: '));
    assert.ok(footnote.definition.includes(`<${sourceLink(source)}>`));
    assert.equal(footnoteCitation('Only a reference.[^4] and a named one.[^note]\n\n[^note]: x\n', source).reference, '[^5]');
  });

  it('reuses a footnote that already cites the source, by link, DOI or a matcher', () => {
    const byLink = footnoteCitation(`Text.[^2]\n\n[^2]: Anand et al. ${sourceLink(source)}\n`, source);
    assert.deepEqual([byLink.reference, byLink.existing, byLink.definition], ['[^2]', true, '']);
    const byDoi = footnoteCitation(`Text.[^a]\n\n[^a]: doi:${source.doi!.toUpperCase()}\n`, source);
    assert.equal(byDoi.reference, '[^a]');
    const byMatcher = footnoteCitation('Text.[^1]\n\n[^1]: Anand 2023, NEJM.\n', source, (t) => evidence.sourceForCitation(t) === source);
    assert.equal(byMatcher.existing, true);
  });

  it('writes a reader-facing citation without the pack\'s internal notes (for every source a fix or completion may cite)', () => {
    for (const s of pack.sources.filter(isUsable)) {
      const text = readerCitation(s);
      assert.doesNotMatch(text, /seed \d|fact sheet|not recorded|\[/i, `${s.id}: ${text}`);
      if (s.title && s.journal && s.year) {
        assert.ok(text.includes(s.title) && text.includes(s.journal) && text.includes(String(s.year)), `${s.id}: title, journal, year`);
      }
    }
  });
});

describe('pack references', () => {
  it('the built-in pack has no broken references', () => {
    assert.deepEqual(packReferenceProblems(pack), []);
  });

  it('reports an unknown source id with its JSON path', () => {
    const broken = structuredClone(pack);
    broken.findings![0]!.sources.push('no-such-source');
    const problems = packReferenceProblems(broken);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, `/findings/0/sources/${broken.findings![0]!.sources.length - 1}`);
    assert.match(problems[0]!.message, /"no-such-source"/);
  });
});
