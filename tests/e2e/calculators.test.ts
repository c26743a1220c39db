/**
 * The three calculators on the real guides that use them: the worked example without JavaScript,
 * live results with it (checked against the hand-computed cases of tests/unit/calculators.test.ts),
 * keyboard use, scripts loaded only where needed, and axe in both themes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { buildSiteOrThrow } from './support/build';
import { serveStatic, type StaticServer } from './support/static-server';

const TRAINING = 'guides/ai-training-footprint/';
const PAGE = 'guides/sustainable-web-design-basics/';
const TIMELINE = 'guides/carbon-aware-computing-basics/';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dir = await buildSiteOrThrow({ name: 'calculators' });
  server = await serveStatic(dir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: Parameters<typeof newPage>[1] = {}) {
  const opened = await newPage(browser, options);
  await opened.page.goto(server.url + path);
  return opened;
}

/**
 * Makes the calculator live without moving focus, as a reader's first touch would: the page's
 * loader enables the controls at once and inserts the calculator's code on a pointerdown; this
 * waits until that code has defined the element.
 */
async function upgraded(page: Page, tag: string): Promise<void> {
  await page.waitForFunction((name) => {
    const element = document.querySelector(name);
    return !!element && [...element.querySelectorAll('input, select')].every((c) => !(c as HTMLInputElement).disabled);
  }, tag);
  await page.locator(tag).dispatchEvent('pointerdown');
  await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
}

/** An element's text as assistive technology gets it (visually hidden separators included). */
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())?.trim() ?? '';
const steps = (page: Page, root: string) => page.locator(`${root} [data-steps] li`).allInnerTexts();

describe('without JavaScript, each calculator is a worked example', () => {
  it.each([
    [
      TRAINING,
      'training-calculator',
      ['5,898.24 kWh', '2,789.87 kg CO2e (2.79 t)'],
      '5,898.24 kWh × 473 gCO2e/kWh (World average, Ember 2024) ÷ 1,000 = 2,789.87 kg CO2e (2.79 t)',
    ],
    [
      PAGE,
      'page-estimator',
      ['0.351 g CO2e', 'E', '35.06 kg CO2e'],
      '0.002366 GB × 0.3 kWh/GB × 494 gCO2e/kWh = 0.3506 g CO2e per view',
    ],
    [
      TIMELINE,
      'carbon-timeline',
      ['9.85 kg CO2e, 00:00–04:00', '6.35 kg CO2e, 11:00–15:00', '12.9 kg CO2e, 18:00–22:00'],
      'Moving the job to 11:00–15:00 saves 9.85 − 6.35 = 3.5 kg CO2e (36%).',
    ],
  ])('%s shows the figures, the formula and disabled controls', async (path, tag, figures, step) => {
    const { page, context } = await open(path, { javaScriptEnabled: false });
    const root = page.locator(tag);
    expect(await root.locator('output').allTextContents()).toEqual(figures);
    expect(await root.locator('[data-steps] li').allInnerTexts()).toContain(step);
    expect(await root.locator('.calc-formula').innerText()).toMatch(/=/);
    expect(await root.locator('[data-nojs]').isVisible()).toBe(true);
    const controls = root.locator('input, select');
    expect(await controls.count()).toBeGreaterThan(1);
    for (const control of await controls.all()) expect(await control.isDisabled()).toBe(true);
    await context.close();
  });
});

describe('the AI training emissions calculator', () => {
  it('recomputes from the inputs: 8 × 700 W × 24 h × 50%, PUE 1.1, France → 73.92 kWh, 3.25 kg', async () => {
    const { page, context, consoleErrors } = await open(TRAINING);
    await upgraded(page, 'training-calculator');
    expect(await page.locator('training-calculator [data-nojs]').isVisible()).toBe(false);
    await page.getByLabel('Accelerators (GPUs or TPUs)').fill('8');
    await page.getByLabel('Power draw per accelerator (W)').fill('700');
    await page.getByLabel('Run time (hours)').fill('24');
    await page.getByLabel('Average utilisation (% of the power draw)').fill('50');
    await page.getByLabel('Data-centre PUE').fill('1.1');
    await page.getByLabel('Grid region').selectOption('france');
    expect(await page.getByLabel('Grid carbon intensity (gCO2e/kWh)').inputValue()).toBe('44');
    expect(await text(page, '[data-result="energy"]')).toBe('73.92 kWh');
    expect(await text(page, '[data-result="emissions"]')).toBe('3.25 kg CO2e');
    expect(await steps(page, 'training-calculator')).toEqual([
      '8 accelerators × 700 W × 24 h × 50% ÷ 1,000 = 67.2 kWh drawn by the accelerators',
      '67.2 kWh × PUE 1.1 = 73.92 kWh from the grid',
      '73.92 kWh × 44 gCO2e/kWh (France, Ember 2024) ÷ 1,000 = 3.25 kg CO2e',
    ]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a typed intensity selects the matching region, or "another value"', async () => {
    const { page, context } = await open(TRAINING);
    await upgraded(page, 'training-calculator');
    const intensity = page.getByLabel('Grid carbon intensity (gCO2e/kWh)');
    await intensity.fill('708');
    expect(await page.getByLabel('Grid region').inputValue()).toBe('india');
    // 5,898.24 kWh × 708 g/kWh = 4,175,953.92 g = 4,175.95 kg.
    expect(await text(page, '[data-result="emissions"]')).toBe('4,175.95 kg CO2e (4.18 t)');
    await intensity.fill('100');
    expect(await page.getByLabel('Grid region').inputValue()).toBe('custom');
    // 5,898.24 × 100 = 589,824 g = 589.82 kg.
    expect(await text(page, '[data-result="emissions"]')).toBe('589.82 kg CO2e');
    await context.close();
  });

  it('names an out-of-range value beside its field and withholds the result', async () => {
    const { page, context } = await open(TRAINING);
    await upgraded(page, 'training-calculator');
    const pue = page.getByLabel('Data-centre PUE');
    await pue.fill('0.5');
    expect(await pue.getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, '[data-error="pue"]')).toBe('Enter a number from 1 to 5; 0.5 is out of range.');
    // The message is the field's description, so it is read with the field.
    expect(await pue.getAttribute('aria-describedby')).toContain(
      await page.locator('[data-error="pue"]').getAttribute('id'),
    );
    expect(await text(page, '[data-result="energy"]')).toBe('Check the values above');
    expect(await steps(page, 'training-calculator')).toEqual([]);
    await pue.fill('1.2');
    expect(await pue.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('[data-error="pue"]').isVisible()).toBe(false);
    expect(await text(page, '[data-result="emissions"]')).toBe('2,789.87 kg CO2e (2.79 t)');
    await context.close();
  });

  it('works from the keyboard alone: typing, and choosing a region with the arrow keys', async () => {
    const { page, context } = await open(TRAINING);
    await upgraded(page, 'training-calculator');
    await page.getByLabel('Accelerators (GPUs or TPUs)').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('32');
    // Half the accelerators of the worked example: 2,789.86752 / 2 = 1,394.93376 kg.
    expect(await text(page, '[data-result="emissions"]')).toBe('1,394.93 kg CO2e (1.39 t)');
    await page.getByLabel('Grid region').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Grid region').inputValue()).toBe('norway');
    // 5,898.24 kWh / 2 = 2,949.12 kWh; × 31 g/kWh = 91,422.72 g = 91.42 kg.
    expect(await text(page, '[data-result="emissions"]')).toBe('91.42 kg CO2e');
    await context.close();
  });
});

describe('the web page emissions estimator', () => {
  it('recomputes through CO2.js: 500 kB × 10,000 views → 0.0741 g per view, band A, 741 g a month', async () => {
    const { page, context, consoleErrors } = await open(PAGE);
    await upgraded(page, 'page-estimator');
    await page.getByLabel('Page weight (kB per view)').fill('500');
    await page.getByLabel('Page views (per month)').fill('10000');
    expect(await text(page, '[data-result="per-view"]')).toBe('0.0741 g CO2e');
    expect(await text(page, '[data-result="rating"]')).toBe('A');
    expect(await text(page, '[data-result="per-month"]')).toBe('741 g CO2e');
    expect(await steps(page, 'page-estimator')).toContain('0.0741 g × 10,000 views = 741 g CO2e per month');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('green hosting, switched with the keyboard, removes the data centres’ operational share', async () => {
    const { page, context } = await open(PAGE);
    await upgraded(page, 'page-estimator');
    await page.getByLabel('Green hosting').focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Green hosting').isChecked()).toBe(true);
    // 0.002366 GB × 0.245 kWh/GB × 494 g/kWh = 0.28635698 g; × 100,000 = 28.64 kg.
    expect(await text(page, '[data-result="per-view"]')).toBe('0.286 g CO2e');
    expect(await text(page, '[data-result="per-month"]')).toBe('28.64 kg CO2e');
    expect((await steps(page, 'page-estimator'))[1]).toContain('(0.3 − 0.055) kWh/GB');
    await context.close();
  });
});

describe('the carbon-aware scheduling timeline', () => {
  it('the arrow keys move the job; the chart, figures and steps follow', async () => {
    const { page, context, consoleErrors } = await open(TIMELINE);
    await upgraded(page, 'carbon-timeline');
    const slider = page.getByRole('slider', { name: 'Start time' });
    await slider.focus();
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('11');
    expect(await slider.getAttribute('aria-valuetext')).toBe('11:00 to 15:00');
    expect(await text(page, '[data-result="chosen"]')).toBe('6.35 kg CO2e, 11:00–15:00');
    expect((await steps(page, 'carbon-timeline')).at(-1)).toBe('The job already runs in the cleanest window.');
    expect(
      await page
        .locator('carbon-timeline .calc-bar.is-job')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-hour'))),
    ).toEqual(['11', '12', '13', '14']);
    expect(await page.locator('[data-track="chosen"]').getAttribute('x')).toBe('110');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a shorter job finds its own cleanest and dirtiest windows; End moves it to the last hours', async () => {
    const { page, context } = await open(TIMELINE);
    await upgraded(page, 'carbon-timeline');
    await page.getByLabel('Job length (hours)').fill('2');
    // Two-hour sums: cleanest 12:00 (155 + 150 = 305) → 3.05 kg; dirtiest 18:00 (330 + 340 = 670) → 6.7 kg.
    expect(await text(page, '[data-result="chosen"]')).toBe('5.1 kg CO2e, 00:00–02:00');
    expect(await text(page, '[data-result="best"]')).toBe('3.05 kg CO2e, 12:00–14:00');
    expect(await text(page, '[data-result="worst"]')).toBe('6.7 kg CO2e, 18:00–20:00');
    const slider = page.getByRole('slider', { name: 'Start time' });
    await slider.focus();
    await page.keyboard.press('End');
    // The last two hours: (285 + 270) × 10 kW = 5,550 g.
    expect(await slider.inputValue()).toBe('22');
    expect(await text(page, '[data-result="chosen"]')).toBe('5.55 kg CO2e, 22:00–24:00');
    // A longer job pulls the start back so that it still ends by midnight: 24 − 6 = 18.
    await page.getByLabel('Job length (hours)').fill('6');
    expect(await slider.inputValue()).toBe('18');
    expect(await text(page, '[data-result="chosen"]')).toContain('18:00–24:00');
    await context.close();
  });
});

describe('props in MDX', () => {
  it('the fixture guide sets the worked example through props, and passes axe in both themes', async () => {
    const fixture = await serveStatic(inject('fixtureSite'));
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${fixture.url}guides/gamma-advanced/`);
    // 8 × 700 W × 24 h × 50% = 67.2 kWh; × 1.1 = 73.92 kWh; × 44 g/kWh (France) = 3.25 kg.
    expect(await page.locator('#fixture-run-energy').textContent()).toBe('73.92 kWh');
    expect(await page.locator('#fixture-run-emissions').textContent()).toBe('3.25 kg CO2e');
    expect(await page.locator('#fixture-run-region').inputValue()).toBe('france');
    await context.close();
    for (const scheme of ['light', 'dark'] as const) {
      const live = await newPage(browser, { colorScheme: scheme, bypassCSP: true });
      await live.page.goto(`${fixture.url}guides/gamma-advanced/`);
      await upgraded(live.page, 'training-calculator');
      const violations = await runAxe(live.page);
      expect(violations, `${scheme}: ${describeViolations(violations)}`).toEqual([]);
      await live.context.close();
    }
    await fixture.close();
  });
});

describe('keyboard and loading', () => {
  it.each([
    [TRAINING, 'training-calculator'],
    [PAGE, 'page-estimator'],
    [TIMELINE, 'carbon-timeline'],
  ])('Tab reaches every control of %s in order', async (path, tag) => {
    const { page, context } = await open(path);
    await upgraded(page, tag);
    const ids = await page
      .locator(`${tag} :is(input, select, a[href], summary)`)
      .evaluateAll((elements) => elements.map((e) => e.id || e.textContent?.trim() || ''));
    await page.locator(`${tag} :is(input, select)`).first().focus();
    const reached = [ids[0]];
    for (let i = 1; i < ids.length; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''),
      );
    }
    expect(reached).toEqual(ids);
    await context.close();
  });

  it('a change made as the first touch is applied once the code arrives', async () => {
    const { page, context } = await open(TRAINING);
    await page.waitForFunction(
      () => !document.querySelector<HTMLSelectElement>('training-calculator select')?.disabled,
    );
    await page.getByLabel('Grid region').selectOption('france');
    // 5,898.24 kWh × 44 g/kWh = 259,522.56 g = 259.52 kg.
    await page.waitForFunction(
      () =>
        document.querySelector('training-calculator [data-result="emissions"]')?.textContent?.trim() ===
        '259.52 kg CO2e',
    );
    expect(await page.getByLabel('Grid carbon intensity (gCO2e/kWh)').inputValue()).toBe('44');
    await context.close();
  });

  it('each calculator loads only a tiny loader up front, and its own code on the first touch', async () => {
    const scripts = (requests: string[]) =>
      requests.filter((url) => url.endsWith('.js')).map((url) => new URL(url).pathname.split('/').pop() ?? '');
    const code = /^(TrainingCode|PageEstimatorCode|CarbonTimelineCode)\./;
    for (const [path, tag, name] of [
      [TRAINING, 'training-calculator', 'TrainingCode'],
      [PAGE, 'page-estimator', 'PageEstimatorCode'],
      [TIMELINE, 'carbon-timeline', 'CarbonTimelineCode'],
    ] as const) {
      const { page, context, requests } = await open(path);
      await page.waitForLoadState('networkidle');
      expect(
        scripts(requests).filter((file) => code.test(file)),
        path,
      ).toEqual([]);
      expect(
        scripts(requests).some((file) => file.startsWith('calculator-loader.')),
        path,
      ).toBe(true);
      await page.locator(`${tag} :is(input, select)`).first().focus();
      await page.waitForLoadState('networkidle');
      expect(
        scripts(requests)
          .filter((file) => code.test(file))
          .map((file) => file.split('.')[0]),
        path,
      ).toEqual([name]);
      await context.close();
    }
    const other = await open('guides/choosing-cloud-regions/');
    await other.page.waitForLoadState('networkidle');
    expect(scripts(other.requests).filter((file) => code.test(file) || file.startsWith('calculator-loader.'))).toEqual(
      [],
    );
    await other.context.close();
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each([
      [TRAINING, 'training-calculator', 'Data-centre PUE'],
      [PAGE, 'page-estimator', 'Page weight (kB per view)'],
      [TIMELINE, 'carbon-timeline', 'Average power draw (kW)'],
    ])(
      `axe finds no WCAG 2.2 A/AA violation on %s, live and with an error shown (${scheme})`,
      async (path, tag, field) => {
        // The site's CSP refuses inline scripts, axe's included: the test tool bypasses it.
        const { page, context } = await open(path, { colorScheme: scheme, bypassCSP: true });
        await upgraded(page, tag);
        await page.locator(`${tag} details`).evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
        let violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        await page.getByLabel(field).fill('-1');
        expect(await page.getByLabel(field).getAttribute('aria-invalid')).toBe('true');
        violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        await context.close();
      },
    );
  }
});
