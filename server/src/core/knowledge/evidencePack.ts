// Evidence packs: what studies found about a topic's interventions, with
// sources. The format is data/schema/evidence-pack.schema.json; these types
// mirror it (the schema is the authority, checked at load time).

/** verified: checked against a primary record; secondary: only through a secondary source; unverified: never used to call a sentence wrong. */
export type RecordVerification = 'verified' | 'secondary' | 'unverified';
export type ValueVerification = RecordVerification | 'inference';
export type Certainty = 'high' | 'moderate' | 'low' | 'very-low';
export type Measure =
  | 'response'
  | 'remission'
  | 'si-remission'
  | 'si-response'
  | 'effect-size'
  | 'relapse-time'
  | 'duration-of-benefit'
  | 'onset'
  | 'dropout'
  | 'adverse-event'
  | 'mean-change'
  | 'odds-ratio'
  /** How much treatment the study gave (a fixed course, or a mean or median over its patients). */
  | 'sessions-received'
  /** How many sessions patients needed before they responded. */
  | 'sessions-to-response';
export type Unit = '%' | 'days' | 'hours' | 'minutes' | 'weeks' | 'months' | 'points' | 'g' | 'd' | 'smd' | 'or' | 'beta' | 'sessions';
export type StudyDesign =
  | 'rct'
  | 'crossover-rct'
  | 'open-label'
  | 'case-series'
  | 'retrospective-chart-review'
  | 'systematic-review'
  | 'meta-analysis'
  | 'ipd-meta-analysis'
  | 'narrative-review'
  | 'umbrella-review'
  | 'guideline'
  | 'consensus-statement'
  | 'regulatory-label'
  | 'animal'
  | 'in-vitro'
  | 'ethics-review'
  | 'press-release'
  | 'news-report'
  | 'commentary'
  | 'interview';

export interface PackIntervention {
  id: string;
  name: string;
  aliases: string[];
  kind?: 'drug' | 'combination' | 'procedure' | 'psychotherapy';
  route?: string;
  molecule?: string;
  family?: string;
  notes?: string;
}

export interface PackCondition {
  id: string;
  name: string;
  aliases: string[];
  /** A broader condition this one is part of (treatment-resistant depression → major depression). */
  broader?: string;
  notes?: string;
}

export interface SourceOutcome {
  measure: Measure;
  value?: number;
  min?: number;
  max?: number;
  unit: Unit;
  ci?: { lower: number; upper: number };
  comparatorValue?: number;
  events?: number;
  total?: number;
  arm?: string;
  timepoint?: string;
  definition?: string;
  significant?: boolean;
  verification: ValueVerification;
  note?: string;
  /** Whom the figure counts when not every patient: 'responders' (a share among those who responded). */
  among?: 'responders';
  /** For a count of sessions: a fixed course for everyone, or the mean or median over patients. */
  statistic?: 'fixed' | 'mean' | 'median';
}

export interface PackSource {
  id: string;
  citation: string;
  firstAuthor?: string;
  year?: number;
  title?: string;
  journal?: string;
  aliases?: string[];
  doi?: string;
  unverifiedDoi?: string;
  pmid?: string;
  pmcid?: string;
  url?: string;
  design?: StudyDesign;
  designNotes?: string;
  species?: 'human' | 'mouse' | 'rat' | 'cell' | 'mixed';
  population?: { condition?: string; description: string };
  n?: number;
  nNote?: string;
  studies?: number;
  intervention?: string;
  comparator?: string;
  summary?: string;
  outcomes?: SourceOutcome[];
  adverseEffects?: string[];
  /** Changes the control group showed too (the words for them): not the intervention's doing. */
  sharedWithControl?: string[];
  caveats?: string[];
  /** Bibliographic details the fact sheet verified, each with its own verification and basis. */
  bibliographic?: PackBibliographic;
  verification?: RecordVerification;
  verificationNote?: string;
  notes?: string;
}

/** How a bibliographic detail was established (an unverified detail is not entered) and where it comes from. */
export interface CheckedDetail {
  verification: 'verified' | 'secondary';
  basis: string;
}

export interface CheckedName extends CheckedDetail {
  /** A surname. */
  name: string;
}

/** What a source's record says about where, when and by whom it was published. */
export interface PackBibliographic {
  /** The journal, with other names of the same journal ("The Lancet Psychiatry"). */
  journal?: CheckedDetail & { name: string; aliases?: string[] };
  /** YYYY, YYYY-MM or YYYY-MM-DD: the issue date, and the online (e-pub) date where the record gives it. */
  published?: CheckedDetail & { date: string; epub?: string };
  firstAuthor?: CheckedName;
  /** The last (usually senior) named author. */
  lastAuthor?: CheckedName;
}

export interface PackFinding {
  id: string;
  intervention: string;
  condition: string;
  outcome: Measure;
  comparator?: string;
  regimen?: 'single-dose' | 'repeated-course' | 'maintenance' | 'any';
  setting?: 'controlled-trials' | 'uncontrolled' | 'real-world' | 'mixed' | 'preclinical';
  direction?: 'superior' | 'non-inferior' | 'inferior' | 'no-significant-difference' | 'mixed' | 'uncertain' | 'not-studied-in-humans';
  range?: { min: number; max: number; unit: Unit };
  timepoint?: string;
  summary: string;
  certainty: Certainty;
  certaintyRationale?: string;
  sources: string[];
  caveats: string[];
  preferredSource: string;
  typicalStatement: string;
  verification?: 'verified' | 'secondary';
}

export interface PackRegulatory {
  id: string;
  intervention: string;
  alsoAppliesTo?: string[];
  jurisdiction: string;
  agency?: string;
  status: 'approved' | 'off-label' | 'approved-other-indication' | 'not-approved';
  indication: string;
  condition?: string;
  date?: string;
  asOf?: string;
  /** For an indication defined by earlier treatment failures: the least number that must have failed. */
  priorTreatmentFailures?: number;
  sources: string[];
  notes?: string;
  verification: RecordVerification;
}

export interface PackSafety {
  id: string;
  intervention: string;
  alsoAppliesTo?: string[];
  kind: 'adverse-effect' | 'contraindication' | 'warning';
  text: string;
  terms?: string[];
  frequency?: string;
  /** Share of patients (%) with the effect, from one source; no max for a floor. */
  rate?: { min: number; max?: number; source: string };
  /** The least time the supervised period the terms name lasts. */
  minimumDuration?: { value: number; unit: 'minutes' | 'hours' | 'days'; source: string };
  /** Claims that contradict the record: the risk denied, or what it forbids permitted. */
  contradictedBy?: ('denial' | 'permission')[];
  sources: string[];
  verification: RecordVerification;
  notes?: string;
}

export interface EvidencePack {
  id: string;
  title: string;
  version?: string;
  description?: string;
  interventions: PackIntervention[];
  conditions: PackCondition[];
  sources: PackSource[];
  findings?: PackFinding[];
  regulatory?: PackRegulatory[];
  safety?: PackSafety[];
}
