/**
 * What the calculators' custom elements share: enabling the server-rendered controls, reading and
 * validating their number fields (with the same field definitions the server used), showing a
 * field's error beside it, and writing results and steps. Every lookup is scoped to one element.
 */
import { parseField, type NumberField } from '~/lib/calculators/fields';
import { say, type PageText } from '~/lib/template';

export function input(root: HTMLElement, name: string): HTMLInputElement {
  const element = root.querySelector<HTMLInputElement>(`input[data-field="${name}"]`);
  if (!element) throw new Error(`calculator: no input for ${name}`);
  return element;
}

/**
 * Reads every field, marking invalid ones with aria-invalid and a message in their error line.
 * Returns the values when all are valid, otherwise undefined.
 */
export function readFields<Name extends string>(
  root: HTMLElement,
  fields: readonly NumberField<Name>[],
  text: PageText,
): Record<Name, number> | undefined {
  const values: Partial<Record<Name, number>> = {};
  let valid = true;
  for (const field of fields) {
    const element = input(root, field.name);
    const error = root.querySelector<HTMLElement>(`[data-error="${field.name}"]`);
    // A slider's bound can be tighter than the field's (the start hour of a longer job).
    const bounded = { ...field, max: Math.min(field.max, Number(element.max || field.max)) };
    const parsed = parseField(bounded, element.value, text);
    if (parsed.ok) {
      values[field.name] = parsed.value;
      element.removeAttribute('aria-invalid');
      if (error) {
        error.hidden = true;
        error.textContent = '';
      }
    } else {
      valid = false;
      element.setAttribute('aria-invalid', 'true');
      if (error) {
        error.textContent = parsed.message;
        error.hidden = false;
      }
    }
  }
  return valid ? (values as Record<Name, number>) : undefined;
}

/** Sets an element's text only when it changes, so live regions speak only about real changes. */
export function setText(root: HTMLElement, selector: string, text: string): void {
  const element = root.querySelector<HTMLElement>(selector);
  if (element && element.textContent !== text) element.textContent = text;
}

export function setSteps(root: HTMLElement, steps: readonly string[]): void {
  const list = root.querySelector<HTMLOListElement>('[data-steps]');
  if (!list) return;
  const items = steps.map((step) => {
    const item = document.createElement('li');
    item.textContent = step;
    return item;
  });
  list.replaceChildren(...items);
}

/**
 * While a field is invalid: the first result says so (once, for screen readers too), the others
 * show a dash, and the steps are cleared.
 */
export function showInvalid(root: HTMLElement, results: readonly string[], text: PageText): void {
  results.forEach((name, index) => {
    const output = root.querySelector<HTMLElement>(`[data-result="${name}"]`);
    // An output made of parts keeps them: its main figure says so and the rest is emptied.
    const main = output?.querySelector<HTMLElement>('[data-kg]') ?? output;
    if (main) main.textContent = index === 0 ? say(text, 'check_values') : '–';
    for (const part of output?.querySelectorAll<HTMLElement>('[data-window]') ?? []) part.textContent = '';
  });
  setSteps(root, []);
}
