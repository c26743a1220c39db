/**
 * Number fields of the calculators: one definition gives the server its `<input>` attributes and
 * the browser its validation, so the two never disagree. Runs on both server and client.
 */
import { say, type PageText } from '../template';
import { formatNumber } from './format';

export interface NumberField<Name extends string = string> {
  name: Name;
  /** The interface text key of its label (src/i18n/<code>.yaml). */
  label: string;
  /** Unit shown after the label: a symbol as written (`W`), or `unitKey`'s text (`hours`). */
  unit?: string;
  unitKey?: string;
  min: number;
  max: number;
  /** `1` for whole numbers; `any` allows decimals. */
  step: 1 | 'any';
  /** The key of a short hint shown under the field and read as its description. */
  hint?: string;
}

/** What every calculator's fields say when a value is wrong (the page hands them to the browser). */
export const FIELD_TEXT_KEYS = [
  'calc.check_values',
  'calc.enter_whole',
  'calc.enter_number',
  'calc.enter_whole_range',
  'calc.enter_number_range',
] as const;

export type ParsedField = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a field's text as the browser's number input gives it (`''` when empty or not a number)
 * and checks it against the field's range, with a message in the page's language (`text`, the
 * calculator's messages) that says what is expected.
 */
export function parseField(field: NumberField, raw: string, text: PageText): ParsedField {
  const kind = field.step === 1 ? 'enter_whole' : 'enter_number';
  const vars = { min: formatNumber(field.min, 4, text.locale), max: formatNumber(field.max, 4, text.locale) };
  const typed = raw.trim();
  const value = Number(typed);
  if (typed === '' || !Number.isFinite(value) || (field.step === 1 && !Number.isInteger(value))) {
    return { ok: false, message: say(text, kind, vars) };
  }
  if (value < field.min || value > field.max) {
    return { ok: false, message: say(text, `${kind}_range`, { ...vars, value: formatNumber(value, 4, text.locale) }) };
  }
  return { ok: true, value };
}

/** Parses every field; `values` holds those that passed, `errors` a message per field that did not. */
export function parseFields<Name extends string>(
  fields: readonly NumberField<Name>[],
  raw: Partial<Record<Name, string>>,
  text: PageText,
): { values: Partial<Record<Name, number>>; errors: Partial<Record<Name, string>> } {
  const values: Partial<Record<Name, number>> = {};
  const errors: Partial<Record<Name, string>> = {};
  for (const field of fields) {
    const parsed = parseField(field, raw[field.name] ?? '', text);
    if (parsed.ok) values[field.name] = parsed.value;
    else errors[field.name] = parsed.message;
  }
  return { values, errors };
}
