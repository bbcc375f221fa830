// Every rule, in the order their findings are documented.
import type { Rule } from '../rule';
import { blameless } from './blameless';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { missingSection } from './missingSection';
import { sectionOrder } from './sectionOrder';

export const rules: Rule[] = [missingSection, sectionOrder, duplicateSection, emptySection, blameless];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
