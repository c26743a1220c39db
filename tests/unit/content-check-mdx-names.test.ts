/**
 * MDX names nothing defines: MDX compiles them and the page throws while rendering, so the check
 * must name them first (issue 11, item 4: a refused build reads as the checker’s list); and the
 * calculators' props written as literals, which the render would refuse the same way.
 */
import { describe, expect, it } from 'vitest';
import { analyseBody } from '../../content-tools/check/analyse';
import { parseMdx, undefinedMdxNames } from '../../content-tools/check/mdx-names';
import { calculatorPropProblems } from '../../content-tools/check/mdx-props';
import { carbonTimelineProps, parseProps } from '~/schemas/calculators';

const names = (text: string) => undefinedMdxNames(text).map(({ name, kind, line }) => `${line} ${kind} ${name}`);

describe('undefinedMdxNames', () => {
  it('finds names and components used in text, attributes and expressions that nothing defines', () => {
    const text = [
      "import Calc from '~/components/mdx/Calc.astro';",
      'export const rate = 2;',
      '',
      'Uses {missing.value} and {rate * 2}.',
      '',
      '<Calc value={total} {...options} />',
      '',
      '<Chart /> <charts.Bar />',
      '',
      '{<Missing />}',
    ].join('\n');
    expect(names(text)).toEqual([
      '4 name missing',
      '6 name total',
      '6 name options',
      '8 component Chart',
      '8 component charts',
      '10 component Missing',
    ]);
  });

  it('accepts what the guide, the MDX module and the Node process define', () => {
    const text = [
      "import * as kit from '~/components/mdx/kit';",
      "import { A as B } from '~/components/mdx/a';",
      'export function double(n) { return n * 2 }',
      '',
      '{frontmatter.title} {props.x} {Math.round(double(1.5))} {new Intl.NumberFormat("en").format(1)}',
      '{[1, 2].map((x, i) => x + i).join(", ")} {(() => { const { y = 1, z: [w] } = {}; return y + w })()}',
      '{({ key: 1 }).key} {JSON.stringify({ a: 1 })} {undefined ?? NaN}',
      '',
      '<B /> <kit.Thing /> <Fragment>x</Fragment> <div class="a">b</div> <my-element />',
    ].join('\n');
    expect(names(text)).toEqual([]);
  });

  it('names a browser global, which the page does not have while Node renders it', () => {
    expect(names('{window.innerWidth}')).toEqual(['1 name window']);
  });

  it('leaves an MDX text that does not parse to the compile error', () => {
    expect(names('<Unclosed prop={\n')).toEqual([]);
  });

  it('reaches the analysis with file lines, for MDX guides only', () => {
    const body = '\nSome {later} text.\n';
    const options = { bodyLine: 8, frontmatter: {} };
    expect(analyseBody(body, { ...options, mdx: true }).mdxUndefined).toEqual([
      { name: 'later', kind: 'name', line: 9, column: 7 },
    ]);
    expect(analyseBody(body, { ...options, mdx: false }).mdxUndefined).toBeUndefined();
  });
});

describe('calculatorPropProblems', () => {
  const problems = (text: string) =>
    calculatorPropProblems(parseMdx(text)).map(({ line, message }) => `${line} ${message}`);
  const TIMELINE = "import Timeline from '~/components/mdx/CarbonAwareTimeline.astro';";

  it('checks props written as literals against the schema the render uses, in its words', () => {
    const text = [
      TIMELINE,
      "import PageEmissionsEstimator from '~/components/mdx/PageEmissionsEstimator.astro';",
      '',
      '<Timeline start={20} hours={8} />',
      '',
      '<PageEmissionsEstimator kilobytes={-5} green="yes" />',
      '',
      '<PageEmissionsEstimator kilobytes={500} green id="second" />',
    ].join('\n');
    let rendered = '';
    try {
      parseProps(carbonTimelineProps, { start: 20, hours: 8 }, 'Timeline', '/guides/x/');
    } catch (error) {
      rendered = (error as Error).message;
    }
    expect(rendered).toBe(
      '<Timeline> on /guides/x/: start: expected a start and a length that end by 24:00, found number 20',
    );
    expect(problems(text)).toEqual([
      '4 <Timeline> start: expected a start and a length that end by 24:00, found number 20',
      '6 <PageEmissionsEstimator> kilobytes: expected a number from 0 to 1,000,000, found number -5',
      '6 <PageEmissionsEstimator> green: expected true or false, found the string "yes"',
    ]);
  });

  it('leaves computed props, spreads and components that are not calculators to the render', () => {
    const text = [
      TIMELINE,
      "import Other from '~/components/mdx/Other.astro';",
      'export const late = 20;',
      '',
      '<Timeline start={late} hours={8} /> <Timeline {...{ start: 23 }} /> <Other start={99} />',
    ].join('\n');
    expect(problems(text)).toEqual([]);
  });

  it('reaches the analysis with file lines', () => {
    const body = `\n${TIMELINE}\n\n<Timeline unknown={1} />\n`;
    expect(analyseBody(body, { bodyLine: 8, frontmatter: {}, mdx: true }).mdxProps).toEqual([
      { line: 11, column: 1, message: expect.stringMatching(/^<Timeline> /) as string },
    ]);
  });
});
