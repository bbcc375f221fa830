// Property-based tests (issue 7): random mutations of the built-in template, the rule fixtures and the
// corpus, and small generated post-mortems, checked against properties every input must have (see
// test/properties/properties.ts). A FIXED seed and a bounded number of runs here; `npm run fuzz --
// --seconds N` runs the same properties with random seeds for as long as asked. Then the known
// counterexamples found that way, as plain regression tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputArb, literalInput, type Family } from '../properties/generators';
import { checkAll, propertyById, type PropertyId } from '../properties/properties';
import { formatFailure, runProperty } from '../properties/runner';
import { corpusMissing } from '../properties/sources';
import { REGRESSIONS } from '../properties/regressions';

const SEED = 20_250_607;
const MAX_MUTATIONS = 6;
const MAX_FIXES = 3;
/** Time to shrink a failure before reporting it (the suite must stay quick while a property fails). */
const SHRINK_MS = 5_000;

// Inputs per property and family. All properties of a family see the same inputs (same seed), so the
// lint and fix-all results are shared (cached) between them; the lint-only properties see more.
// d runs before c: c reuses d's fix-all.
const ORDER: PropertyId[] = ['a', 'b', 'd', 'c', 'e', 'f', 'g'];
const PLAN: Record<Family, { label: string; runs: Record<PropertyId, number> }> = {
  generated: { label: 'generated documents (headings, fields, tables, lists)', runs: { a: 160, b: 160, c: 30, d: 30, e: 30, f: 30, g: 30 } },
  fixtures: { label: 'mutated rule fixtures', runs: { a: 160, b: 160, c: 40, d: 40, e: 40, f: 40, g: 40 } },
  template: { label: 'mutated built-in template', runs: { a: 80, b: 80, c: 25, d: 25, e: 25, f: 25, g: 25 } },
  corpus: { label: 'mutated corpus documents', runs: { a: 80, b: 80, c: 25, d: 25, e: 25, f: 25, g: 25 } },
};

const families = Object.keys(PLAN) as Family[];
families.forEach((family, index) => {
  const { label, runs } = PLAN[family];
  const arb = inputArb(family, { maxMutations: MAX_MUTATIONS });
  const skip = arb ? false : family === 'corpus' && corpusMissing ? corpusMissing : `no ${family} documents`;
  const seed = SEED + index;
  describe(`properties over ${label}`, { skip }, () => {
    for (const id of ORDER) {
      const property = propertyById(id);
      if (!property || !arb) continue;
      it(`${id}: ${property.title} (${runs[id]} inputs, seed ${seed})`, () => {
        const report = runProperty(property, arb, { seed, numRuns: runs[id], check: { maxFixes: MAX_FIXES }, shrinkMs: SHRINK_MS });
        if (!report.failed) return;
        const replay = `node --import tsx test/properties/fuzz.ts --replay ${id} --seed ${seed} --path "${report.path ?? ''}" --family ${family} --max-mutations ${MAX_MUTATIONS} --max-fixes ${MAX_FIXES}`;
        assert.fail(formatFailure(report, replay));
      });
    }
  });
});

// Counterexamples the properties found (shrunk by fast-check, then by hand). Each is checked against
// every property; they fail until the core bug named in test/properties/regressions.ts is fixed.
describe('properties: known counterexamples', () => {
  for (const c of REGRESSIONS) {
    it(`${c.name} (found by ${c.property})`, () => {
      const violations = checkAll(literalInput(c.text, c.templateText, c.name));
      assert.equal(violations.length, 0, violations.map((v) => v.message).join('\n\n'));
    });
  }
});
