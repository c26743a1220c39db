/**
 * <training-calculator>: makes the server-rendered AI training emissions calculator live
 * (src/components/mdx/TrainingEmissionsCalculator.astro). Recomputes on every input with the
 * same module the server used for the worked example.
 */
import { formatNumber } from '~/lib/calculators/format';
import { gridRegion, regionForIntensity } from '~/lib/calculators/grid-intensity';
import { formatKg, TRAINING_FIELDS, trainingEmissions, trainingSteps } from '~/lib/calculators/training-emissions';
import { enableControls, input, readFields, setSteps, setText, showInvalid } from './calculator-kit';

class TrainingCalculator extends HTMLElement {
  connectedCallback(): void {
    const region = this.querySelector<HTMLSelectElement>('select[data-region]');
    if (!region) return;
    const intensity = input(this, 'intensity');
    enableControls(this);

    region.addEventListener('change', () => {
      const preset = gridRegion(region.value);
      if (preset) intensity.value = String(preset.intensity);
      this.update();
    });
    this.addEventListener('input', (event) => {
      if (event.target === intensity) {
        // A typed intensity selects the preset it equals, or "another value".
        region.value = regionForIntensity(Number(intensity.value))?.id ?? 'custom';
      }
      if (event.target !== region) this.update();
    });
    this.update();
  }

  update(): void {
    const inputs = readFields(this, TRAINING_FIELDS);
    if (!inputs) {
      showInvalid(this, ['energy', 'emissions']);
      return;
    }
    const region = this.querySelector<HTMLSelectElement>('select[data-region]');
    const preset = region ? gridRegion(region.value) : undefined;
    const result = trainingEmissions(inputs);
    setText(this, '[data-result="energy"]', `${formatNumber(result.facilityKwh)} kWh`);
    setText(this, '[data-result="emissions"]', formatKg(result.kgCO2e));
    setSteps(this, trainingSteps(inputs, result, preset && `${preset.label}, Ember ${preset.year}`));
  }
}

if (!customElements.get('training-calculator')) customElements.define('training-calculator', TrainingCalculator);
