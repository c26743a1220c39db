/**
 * Number fields of the calculators: one definition gives the server its `<input>` attributes and
 * the browser its validation, so the two never disagree. Runs on both server and client.
 */
import { formatNumber } from './format';

export interface NumberField<Name extends string = string> {
  name: Name;
  label: string;
  /** Unit shown after the label, e.g. `W`. */
  unit?: string;
  min: number;
  max: number;
  /** `1` for whole numbers; `any` allows decimals. */
  step: 1 | 'any';
  /** A short hint shown under the field and read as its description. */
  hint?: string;
}

export type ParsedField = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a field's text as the browser's number input gives it (`''` when empty or not a number)
 * and checks it against the field's range, with a message that says what is expected.
 */
export function parseField(field: NumberField, raw: string): ParsedField {
  const expected = `${field.step === 1 ? 'a whole number' : 'a number'} from ${formatNumber(field.min, 4)} to ${formatNumber(field.max, 4)}`;
  const text = raw.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return { ok: false, message: `Enter ${expected}.` };
  if (field.step === 1 && !Number.isInteger(value)) return { ok: false, message: `Enter ${expected}.` };
  if (value < field.min || value > field.max) {
    return { ok: false, message: `Enter ${expected}; ${formatNumber(value, 4)} is out of range.` };
  }
  return { ok: true, value };
}

/** Parses every field; `values` holds those that passed, `errors` a message per field that did not. */
export function parseFields<Name extends string>(
  fields: readonly NumberField<Name>[],
  raw: Partial<Record<Name, string>>,
): { values: Partial<Record<Name, number>>; errors: Partial<Record<Name, string>> } {
  const values: Partial<Record<Name, number>> = {};
  const errors: Partial<Record<Name, string>> = {};
  for (const field of fields) {
    const parsed = parseField(field, raw[field.name] ?? '');
    if (parsed.ok) values[field.name] = parsed.value;
    else errors[field.name] = parsed.message;
  }
  return { values, errors };
}
