// Evidence packs: what studies found about a topic's interventions, with
// sources. The format is data/schema/evidence-pack.schema.json.

export interface PackIntervention {
  id: string;
  name: string;
  aliases: string[];
  kind?: string;
  family?: string;
}

export interface PackCondition {
  id: string;
  name: string;
  aliases: string[];
}

export interface PackSource {
  id: string;
  citation: string;
  aliases?: string[];
}

export interface EvidencePack {
  id: string;
  title: string;
  interventions: PackIntervention[];
  conditions: PackCondition[];
  sources: PackSource[];
}
