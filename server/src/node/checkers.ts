// One Checker per distinct configuration: a project's extra terms change the
// compiled lexicons and its workspace packs the evidence, so files under
// different configs get different checkers.

import { Checker } from '../core/checker.js';
import { buildKnowledge, builtinKnowledge } from '../core/knowledge/knowledge.js';
import type { InputProblem } from '../core/types.js';
import type { ProjectConfig } from './projectConfig.js';
import type { LoadedPack } from './workspacePacks.js';

export class CheckerPool {
  private readonly checkers = new Map<string, Checker>();

  /** Problems in the built-in data itself (reported, never fatal). */
  get builtinProblems(): InputProblem[] {
    return builtinKnowledge().problems;
  }

  /** The checker for a configuration and the workspace packs that apply (only the packs that loaded are used). */
  forConfig(config: ProjectConfig, packs: readonly LoadedPack[] = []): Checker {
    const usable = packs.filter((p) => p.pack);
    const key = JSON.stringify([config.terms ?? {}, usable.map((p) => `${p.file}@${p.version}`)]);
    let checker = this.checkers.get(key);
    if (!checker) {
      checker = new Checker(buildKnowledge({ extraTerms: config.terms, extraPacks: usable.map((p) => p.pack!) }));
      this.checkers.set(key, checker);
    }
    return checker;
  }

  /** Drop every checker (when workspace packs change, so old versions do not pile up). */
  clear(): void {
    this.checkers.clear();
  }
}
