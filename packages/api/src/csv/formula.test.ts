import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormulaText } from './formula';

describe('formula neutralisation', () => {
  it('marks every text cell a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('=HYPERLINK("http://evil","x")')).toBe(
      `'=HYPERLINK("http://evil","x")`,
    );
  });

  it('leaves ordinary text alone, including a formula character later in the cell', () => {
    for (const text of ['Crane 1', 'a=b', '1+1', 'x-1', 'me@example.com', '', ' =1', "'quoted'"]) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('adds one more mark in front of existing marks, so the mapping can be undone', () => {
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(restoreFormulaText("''=1")).toBe("'=1");
    expect(restoreFormulaText("'+44 20 7946 0958")).toBe('+44 20 7946 0958');
    // A spreadsheet that dropped the mark when saving: the value is already the original.
    expect(restoreFormulaText('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(restoreFormulaText("'quoted'")).toBe("'quoted'");
  });

  it('round-trips any text, and never writes a cell that starts like a formula', () => {
    const formulaish = fc.stringMatching(/^['=+\-@\t\r]{0,4}[a-z=+ ]{0,6}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), formulaish), (text) => {
        const written = neutraliseFormula(text);
        expect(restoreFormulaText(written)).toBe(text);
        expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
