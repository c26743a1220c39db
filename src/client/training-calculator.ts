/**
 * <training-calculator>: the AI training emissions calculator's live behaviour
 * (src/components/mdx/TrainingEmissionsCalculator.astro), inserted by ./calculator-loader.ts on
 * the reader's first touch. Recomputes on every input with the module the server used for the
 * worked example.
 */
import { formatNumber } from '~/lib/calculators/format';
import { gridRegion, regionForIntensity } from '~/lib/calculators/grid-intensity';
import { formatKg, TRAINING_FIELDS, trainingEmissions, trainingSteps } from '~/lib/calculators/training-emissions';
import { input, readFields, setSteps, setText, showInvalid } from './calculator-kit';
import { readText, say } from './page-text';
import type { PendingChange } from './calculator-loader';

function update(root: HTMLElement): void {
  const text = readText(root);
  const inputs = readFields(root, TRAINING_FIELDS, text);
  if (!inputs) {
    showInvalid(root, ['energy', 'emissions'], text);
    return;
  }
  const region = root.querySelector<HTMLSelectElement>('select[data-region]');
  const preset = region ? gridRegion(region.value) : undefined;
  const result = trainingEmissions(inputs);
  setText(root, '[data-result="energy"]', `${formatNumber(result.facilityKwh, 2, text.locale)} kWh`);
  setText(root, '[data-result="emissions"]', formatKg(result.kgCO2e, text));
  const grid = preset && { region: say(text, preset.id), year: preset.year };
  setSteps(root, trainingSteps(inputs, text, result, grid));
}

function live(root: HTMLElement & PendingChange): void {
  const region = root.querySelector<HTMLSelectElement>('select[data-region]');
  if (!region) return;
  const intensity = input(root, 'intensity');
  const changed = (target: EventTarget | null) => {
    if (target === region) {
      // A chosen region fills in its intensity.
      const preset = gridRegion(region.value);
      if (preset) intensity.value = String(preset.intensity);
    } else if (target === intensity) {
      // A typed intensity selects the preset it equals, or "another value".
      region.value = regionForIntensity(Number(intensity.value))?.id ?? 'custom';
    }
    update(root);
  };
  region.addEventListener('change', (event) => changed(event.target));
  root.addEventListener('input', (event) => {
    if (event.target !== region) changed(event.target);
  });
  changed(root.pendingChange ?? null);
}

class TrainingCalculator extends HTMLElement {
  connectedCallback(): void {
    live(this);
  }
}

if (!customElements.get('training-calculator')) customElements.define('training-calculator', TrainingCalculator);
