/**
 * MDX names nothing defines: MDX compiles them and the page throws while rendering, so the check
 * must name them first (issue 11, item 4: a refused build reads as the checker's list).
 */
import { describe, expect, it } from 'vitest';
import { analyseBody } from '../../content-tools/check/analyse';
import { undefinedMdxNames } from '../../content-tools/check/mdx-names';

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
