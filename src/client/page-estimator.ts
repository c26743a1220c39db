/**
 * <page-estimator>: makes the server-rendered web page emissions estimator live
 * (src/components/mdx/PageEmissionsEstimator.astro), recomputing with CO2.js through the same
 * module the server used for the worked example.
 */
import { formatQuantity } from '~/lib/calculators/format';
import { formatGrams, PAGE_FIELDS, pageEmissions, pageSteps } from '~/lib/calculators/page-emissions';
import { enableControls, readFields, setSteps, setText, showInvalid } from './calculator-kit';

class PageEstimator extends HTMLElement {
  connectedCallback(): void {
    if (!this.querySelector('input[data-green]')) return;
    enableControls(this);
    this.addEventListener('input', () => this.update());
    this.addEventListener('change', () => this.update());
    this.update();
  }

  update(): void {
    const values = readFields(this, PAGE_FIELDS);
    if (!values) {
      showInvalid(this, ['per-view', 'rating', 'per-month']);
      return;
    }
    const inputs = { ...values, green: this.querySelector<HTMLInputElement>('input[data-green]')?.checked ?? false };
    const result = pageEmissions(inputs);
    setText(this, '[data-result="per-view"]', `${formatQuantity(result.gramsPerView)} g CO2e`);
    setText(this, '[data-result="rating"]', result.rating);
    setText(this, '[data-result="per-month"]', formatGrams(result.gramsPerMonth));
    setSteps(this, pageSteps(inputs, result));
  }
}

if (!customElements.get('page-estimator')) customElements.define('page-estimator', PageEstimator);
