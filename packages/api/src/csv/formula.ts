/*
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`,
 * `+`, `-` or `@` as a formula, and tab or carriage return can hide such a start. Text cells that
 * could be read that way get a leading apostrophe, which spreadsheets treat as "this is text".
 *
 * Only text is neutralised. Values we write as numbers (coordinates, counts, rates) stay numbers:
 * a number such as -33.86 is data to a spreadsheet, not a formula, and prefixing it would turn it
 * into text that no longer sums or sorts.
 *
 * The rule is reversible so that an export re-imports unchanged: apostrophes already in front of a
 * dangerous character get one more, and `restoreFormulaText` removes exactly one. A phone number
 * exported as `'+44 20 7946 0958` imports as `+44 20 7946 0958`, whether or not a spreadsheet kept
 * the apostrophe when it saved the file.
 */
const NEEDS_MARK = /^'*[=+\-@\t\r]/;
const HAS_MARK = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return NEEDS_MARK.test(text) ? `'${text}` : text;
}

export function restoreFormulaText(text: string): string {
  return HAS_MARK.test(text) ? text.slice(1) : text;
}
