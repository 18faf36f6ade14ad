// One Checker per distinct configuration: a project's extra terms change the
// compiled lexicons, so files under different configs get different checkers.

import { Checker } from '../core/checker.js';
import { buildKnowledge, builtinKnowledge } from '../core/knowledge/knowledge.js';
import type { InputProblem } from '../core/types.js';
import type { ProjectConfig } from './projectConfig.js';

export class CheckerPool {
  private readonly checkers = new Map<string, Checker>();

  /** Problems in the built-in data itself (reported, never fatal). */
  get builtinProblems(): InputProblem[] {
    return builtinKnowledge().problems;
  }

  forConfig(config: ProjectConfig): Checker {
    const key = JSON.stringify(config.terms ?? {});
    let checker = this.checkers.get(key);
    if (!checker) {
      checker = new Checker(buildKnowledge({ extraTerms: config.terms }));
      this.checkers.set(key, checker);
    }
    return checker;
  }
}
