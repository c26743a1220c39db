import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import CarbonAwareTimeline from '~/components/mdx/CarbonAwareTimeline.astro';
import PageEmissionsEstimator from '~/components/mdx/PageEmissionsEstimator.astro';
import TrainingEmissionsCalculator from '~/components/mdx/TrainingEmissionsCalculator.astro';

const container = await AstroContainer.create();
const request = new Request('https://example.org/guides/x/');

describe('calculator components render a worked example', () => {
  it('TrainingEmissionsCalculator: props set the values, the outputs and every step', async () => {
    const html = await container.renderToString(TrainingEmissionsCalculator, {
      props: {
        id: 'run',
        accelerators: 8,
        powerWatts: 700,
        hours: 24,
        utilisationPercent: 50,
        pue: 1.1,
        region: 'france',
      },
      request,
    });
    expect(html).toMatch(/<input id="run-accelerators"[^>]*value="8"[^>]*disabled/);
    expect(html).toMatch(/<option value="france"[^>]*selected/);
    expect(html).toContain('>73.92 kWh</output>');
    expect(html).toContain('>3.25 kg CO2e</output>');
    expect(html).toContain('<li>73.92 kWh × 44 gCO2e/kWh (France, Ember 2024) ÷ 1,000 = 3.25 kg CO2e</li>');
    expect(html).toContain('href="https://ember-energy.org/data/yearly-electricity-data/"');
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('TrainingEmissionsCalculator: a custom intensity selects "another value"', async () => {
    const html = await container.renderToString(TrainingEmissionsCalculator, { props: { intensity: 100 }, request });
    expect(html).toMatch(/<option value="custom"[^>]*selected/);
    // 5,898.24 kWh × 100 g/kWh = 589.82 kg, with no region named in the step.
    expect(html).toContain('<li>5,898.24 kWh × 100 gCO2e/kWh ÷ 1,000 = 589.82 kg CO2e</li>');
  });

  it('PageEmissionsEstimator: green hosting from a prop', async () => {
    const html = await container.renderToString(PageEmissionsEstimator, { props: { green: true }, request });
    expect(html).toMatch(/<input id="page-estimator-green" type="checkbox" checked/);
    expect(html).toContain('>0.286 g CO2e</output>');
    expect(html).toContain('>28.64 kg CO2e</output>');
  });

  it('CarbonAwareTimeline: the slider is bounded by the job length and speaks its window', async () => {
    const html = await container.renderToString(CarbonAwareTimeline, { props: { hours: 6, start: 18 }, request });
    expect(html).toMatch(/type="range"[^>]*max="18"[^>]*value="18"[^>]*aria-valuetext="18:00 to 24:00"/);
    expect(html.match(/class="calc-bar is-job"/g)).toHaveLength(6);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('a wrong prop fails with the component, the page and the prop named', async () => {
    await expect(
      container.renderToString(CarbonAwareTimeline, { props: { hours: 6, start: 20 }, request }),
    ).rejects.toThrow('<CarbonAwareTimeline> on /guides/x/: start: expected a start and a length that end by 24:00');
  });
});
