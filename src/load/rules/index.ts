/** Every plausibility rule, run after each file passed its own checks. Add a rule: a new file here, one line below. */
import { areaNames } from './area-names.ts';
import { coverageOverRegistry } from './coverage-over-registry.ts';
import { dapilRule } from './dapil.ts';
import { extremeOverPoverty } from './extreme-over-poverty.ts';
import { jumps } from './jumps.ts';
import { rateAsFraction } from './rate-as-fraction.ts';
import { recipientsOverDesil } from './recipients-over-desil.ts';
import type { Rule } from './rule.ts';

export const RULES: readonly Rule[] = [
  rateAsFraction,
  extremeOverPoverty,
  coverageOverRegistry,
  recipientsOverDesil,
  jumps,
  areaNames,
  dapilRule,
];
export type { Rule, RuleInput } from './rule.ts';
