/**
 * <page-estimator>: the web page emissions estimator's live behaviour
 * (src/components/mdx/PageEmissionsEstimator.astro), inserted by ./calculator-loader.ts on the
 * reader's first touch: recomputes with CO2.js through the
 * module the server used for the worked example.
 */
import { formatQuantity } from '~/lib/calculators/format';
import { formatGramsCO2e, PAGE_FIELDS, pageEmissions, pageSteps } from '~/lib/calculators/page-emissions';
import { readFields, setSteps, setText, showInvalid } from './calculator-kit';
import { readText, say } from './page-text';

function update(root: HTMLElement): void {
  const text = readText(root);
  const values = readFields(root, PAGE_FIELDS, text);
  if (!values) {
    showInvalid(root, ['per-view', 'rating', 'per-month'], text);
    return;
  }
  const inputs = { ...values, green: root.querySelector<HTMLInputElement>('input[data-green]')?.checked ?? false };
  const result = pageEmissions(inputs);
  setText(
    root,
    '[data-result="per-view"]',
    say(text, 'grams', { grams: formatQuantity(result.gramsPerView, 3, text.locale) }),
  );
  setText(root, '[data-result="rating"]', result.rating);
  setText(root, '[data-result="per-month"]', formatGramsCO2e(result.gramsPerMonth, text));
  setSteps(root, pageSteps(inputs, text, result));
}

function live(root: HTMLElement): void {
  if (!root.querySelector('input[data-green]')) return;
  root.addEventListener('input', () => update(root));
  root.addEventListener('change', () => update(root));
  update(root);
}

class PageEstimator extends HTMLElement {
  connectedCallback(): void {
    live(this);
  }
}

if (!customElements.get('page-estimator')) customElements.define('page-estimator', PageEstimator);
