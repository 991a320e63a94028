import type { FormErrors } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { apiErrorInfo } from '../api/errors';

/** Field errors as the server sends them: `z.flattenError(...).fieldErrors`. */
export type TServerFieldErrors = Record<string, string[] | undefined> | null | undefined;

/** What a form shows for a failed save: errors next to fields, and a message for the rest. */
export interface TServerErrorState {
  fieldErrors: TServerFieldErrors;
  message: string | null;
}

/**
 * Splits an API error into field errors and a general message. `reasonFields` maps a domain reason
 * (e.g. EQUIPMENT_CODE_TAKEN) to the field it is about, so that message shows next to the input.
 */
export function serverErrorState(
  error: unknown,
  reasonFields: Record<string, string> = {},
): TServerErrorState {
  if (!error) return { fieldErrors: null, message: null };
  const info = apiErrorInfo(error);
  const field = info.reason ? reasonFields[info.reason] : undefined;
  if (field) return { fieldErrors: { [field]: [info.message] }, message: null };
  const fieldErrors =
    info.fieldErrors && Object.keys(info.fieldErrors).length > 0 ? info.fieldErrors : null;
  return { fieldErrors, message: fieldErrors ? null : info.message };
}

const NO_REASON_FIELDS: Record<string, string> = {};

/** `serverErrorState`, kept stable until the error itself changes (so a re-render keeps edits). */
export function useServerErrorState(
  error: unknown,
  reasonFields: Record<string, string> = NO_REASON_FIELDS,
): TServerErrorState {
  return useMemo(() => serverErrorState(error, reasonFields), [error, reasonFields]);
}

export function toFormErrors(fieldErrors: TServerFieldErrors): FormErrors {
  const errors: FormErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    if (messages?.[0]) errors[field] = messages[0];
  }
  return errors;
}

/** Shows the server's field errors on the form whenever a new set arrives. */
export function useServerFieldErrors(
  setErrors: (errors: FormErrors) => void,
  fieldErrors: TServerFieldErrors,
) {
  useEffect(() => {
    if (fieldErrors) setErrors(toFormErrors(fieldErrors));
  }, [fieldErrors, setErrors]);
}
