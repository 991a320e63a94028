/**
 * A call's input whose superjson annotations do not describe its value (see transformer.ts). It
 * extends Error, unlike zod 4's ZodError, so tRPC keeps it as the cause it reports.
 */
export class InputEncodingError extends Error {
  override name = 'InputEncodingError';

  constructor(
    readonly path: (string | number)[],
    message = 'Not a valid value: its superjson encoding does not match it.',
  ) {
    super(message);
  }

  /** In the shape of zod's flattened field errors, so clients read both the same way. */
  get fieldErrors(): Record<string, string[]> {
    const [field] = this.path;
    return field === undefined ? {} : { [String(field)]: [this.message] };
  }
}
