/**
 * <carbon-timeline>: the carbon-aware scheduling timeline's live behaviour
 * (src/components/mdx/CarbonAwareTimeline.astro), inserted by ./calculator-loader.ts on the
 * reader's first touch. The start slider moves the job;
 * the chart, the three windows and the arithmetic follow, computed by the module the server used.
 */
import {
  compareWindows,
  latestStart,
  spokenWindow,
  windowFields,
  windowLabel,
  windowSteps,
} from '~/lib/calculators/carbon-window';
import { formatNumber } from '~/lib/calculators/format';
import { readText, say } from './page-text';
import { input, readFields, setSteps, setText, showInvalid } from './calculator-kit';

function parseDay(text: string | undefined): number[] {
  try {
    const day: unknown = JSON.parse(text ?? '');
    if (Array.isArray(day) && day.length > 0 && day.every((v) => typeof v === 'number')) return day;
  } catch {
    // Falls through: without a day the element stays the static worked example.
  }
  return [];
}

function update(root: HTMLElement, day: readonly number[]): void {
  const start = input(root, 'start');
  // The slider ends where a job of the typed length still finishes by midnight.
  const hours = Number(input(root, 'hours').value);
  if (Number.isInteger(hours) && hours >= 1 && hours <= day.length) {
    start.max = String(latestStart(day, hours));
    if (Number(start.value) > Number(start.max)) start.value = start.max;
  }
  const text = readText(root);
  const inputs = readFields(root, windowFields(day.length), text);
  if (!inputs) {
    showInvalid(root, ['chosen', 'best', 'worst'], text);
    return;
  }
  const result = compareWindows(day, inputs);
  const { chosen } = result;
  start.setAttribute('aria-valuetext', spokenWindow(chosen, text));
  setText(root, '[data-display="start"]', windowLabel(chosen));
  for (const bar of root.querySelectorAll<SVGRectElement>('[data-hour]')) {
    const hour = Number(bar.dataset['hour']);
    bar.classList.toggle('is-job', hour >= chosen.start && hour < chosen.end);
  }
  for (const [name, window] of [
    ['chosen', chosen],
    ['best', result.best],
    ['worst', result.worst],
  ] as const) {
    const track = root.querySelector<SVGRectElement>(`[data-track="${name}"]`);
    track?.setAttribute('x', String(window.start * 10));
    track?.setAttribute('width', String((window.end - window.start) * 10));
    setText(
      root,
      `[data-result="${name}"] [data-kg]`,
      say(text, 'kg', { kg: formatNumber(window.kg, 2, text.locale) }),
    );
    setText(root, `[data-result="${name}"] [data-window]`, windowLabel(window));
  }
  setSteps(root, windowSteps(day, inputs, text, result));
}

function live(root: HTMLElement): void {
  const day = parseDay(root.dataset['day']);
  if (day.length === 0) return;
  root.addEventListener('input', () => update(root, day));
  update(root, day);
}

class CarbonTimeline extends HTMLElement {
  connectedCallback(): void {
    live(this);
  }
}

if (!customElements.get('carbon-timeline')) customElements.define('carbon-timeline', CarbonTimeline);
