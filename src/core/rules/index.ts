// Every rule, in the order their findings are documented.
import type { AnyRule } from './rule';
import { actionItems } from './actionItems';
import { beads } from './beads';
import { blameless } from './blameless';
import { contributingFactors } from './contributingFactors';
import { detectionMethod } from './detectionMethod';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { metadata } from './metadata';
import { metrics } from './metrics';
import { missingSection } from './missingSection';
import { placeholder } from './placeholder';
import { sectionOrder } from './sectionOrder';
import { signOff } from './signOff';
import { templateFitRule } from './templateFit';
import { timeline } from './timeline';

export const rules: AnyRule[] = [
  templateFitRule,
  placeholder, contributingFactors, detectionMethod, timeline, missingSection, sectionOrder, duplicateSection, emptySection, metadata, actionItems, beads, metrics, signOff, blameless];

export function ruleById(id: string): AnyRule | undefined {
  return rules.find((r) => r.id === id);
}
