/**
 * <carbon-timeline>: makes the server-rendered carbon-aware scheduling timeline live
 * (src/components/mdx/CarbonAwareTimeline.astro). The start slider moves the job; the chart,
 * the three windows and the arithmetic follow, computed by the module the server used.
 */
import { compareWindows, latestStart, windowFields, windowLabel, windowSteps } from '~/lib/calculators/carbon-window';
import { formatHour, formatNumber } from '~/lib/calculators/format';
import { enableControls, input, readFields, setSteps, setText, showInvalid } from './calculator-kit';

function parseDay(text: string | undefined): number[] {
  try {
    const day: unknown = JSON.parse(text ?? '');
    if (Array.isArray(day) && day.length > 0 && day.every((v) => typeof v === 'number')) return day;
  } catch {
    // Falls through: without a day the element stays the static worked example.
  }
  return [];
}

class CarbonTimeline extends HTMLElement {
  #day: number[] = [];

  connectedCallback(): void {
    this.#day = parseDay(this.dataset['day']);
    if (this.#day.length === 0) return;
    enableControls(this);
    this.addEventListener('input', () => this.update());
    this.update();
  }

  update(): void {
    const day = this.#day;
    const start = input(this, 'start');
    // The slider ends where a job of the typed length still finishes by midnight.
    const hours = Number(input(this, 'hours').value);
    if (Number.isInteger(hours) && hours >= 1 && hours <= day.length) {
      start.max = String(latestStart(day, hours));
      if (Number(start.value) > Number(start.max)) start.value = start.max;
    }
    const inputs = readFields(this, windowFields(day.length));
    if (!inputs) {
      showInvalid(this, ['chosen', 'best', 'worst']);
      return;
    }
    const result = compareWindows(day, inputs);
    const { chosen } = result;
    start.setAttribute('aria-valuetext', `${formatHour(chosen.start)} to ${formatHour(chosen.end)}`);
    setText(this, '[data-display="start"]', windowLabel(chosen));
    for (const bar of this.querySelectorAll<SVGRectElement>('[data-hour]')) {
      const hour = Number(bar.dataset['hour']);
      bar.classList.toggle('is-job', hour >= chosen.start && hour < chosen.end);
    }
    for (const [name, window] of [
      ['chosen', chosen],
      ['best', result.best],
      ['worst', result.worst],
    ] as const) {
      const track = this.querySelector<SVGRectElement>(`[data-track="${name}"]`);
      track?.setAttribute('x', String(window.start * 10));
      track?.setAttribute('width', String((window.end - window.start) * 10));
      setText(this, `[data-result="${name}"] [data-kg]`, `${formatNumber(window.kg)} kg CO2e`);
      setText(this, `[data-result="${name}"] [data-window]`, windowLabel(window));
    }
    setSteps(this, windowSteps(day, inputs, result));
  }
}

if (!customElements.get('carbon-timeline')) customElements.define('carbon-timeline', CarbonTimeline);
