/**
 * The props of the calculators an MDX guide uses (src/components/mdx/), checked against their
 * schema (src/schemas/calculators.ts) when they are written as literals: `start={20}`,
 * `region="france"`, `green`. A wrong one would otherwise fail the page's render, which Astro
 * reports with a stack trace after building the rest; here it is one line of the checker's list,
 * at the component's line. A component given a computed prop or a spread is left to the render,
 * which names the same problem in the same words. Pure.
 */
import type { Root } from 'mdast';
import { CALCULATOR_PROPS, propProblems } from '../../src/schemas/calculators';
import { walkTree, type TreeNode } from '../../src/lib/tree-walk';
import { eachNode, isNode, type EsNode } from './mdx-names';

export interface PropProblem {
  /** 1-based, in the text parsed. */
  line: number;
  column: number;
  message: string;
}

/** `~/components/mdx/CarbonAwareTimeline.astro` → `CarbonAwareTimeline`. */
const CALCULATOR_IMPORT = /(?:^|\/)components\/mdx\/([A-Za-z]+)(?:\.astro)?$/;

/** No value from an expression that is not a literal. */
const NOT_LITERAL = Symbol('not a literal');

/** The value of `20`, `-1`, `"x"`, `true`; NOT_LITERAL for anything computed. */
function literalValue(program: unknown): unknown {
  const body = isNode(program) ? (program['body'] as unknown[] | undefined) : undefined;
  const statement = body?.length === 1 ? body[0] : undefined;
  const expression =
    isNode(statement) && statement.type === 'ExpressionStatement' ? statement['expression'] : undefined;
  if (!isNode(expression)) return NOT_LITERAL;
  if (expression.type === 'Literal' && !('regex' in expression) && !('bigint' in expression))
    return expression['value'];
  const argument = expression['argument'];
  if (
    expression.type === 'UnaryExpression' &&
    expression['operator'] === '-' &&
    isNode(argument) &&
    argument.type === 'Literal' &&
    typeof argument['value'] === 'number'
  )
    return -argument['value'];
  return NOT_LITERAL;
}

/** Local names the guide imports calculators as: `{ Timeline: 'CarbonAwareTimeline' }`. */
function calculatorImports(tree: Root): Map<string, string> {
  const imports = new Map<string, string>();
  walkTree<TreeNode>(tree, (node) => {
    if (node.type !== 'mdxjsEsm') return undefined;
    const program = (node as { data?: { estree?: unknown } }).data?.estree;
    if (!isNode(program)) return undefined;
    eachNode(program, (esNode) => {
      if (esNode.type !== 'ImportDeclaration') return;
      const source = (esNode['source'] as EsNode)['value'];
      const component = typeof source === 'string' ? CALCULATOR_IMPORT.exec(source)?.[1] : undefined;
      if (!component || !CALCULATOR_PROPS[component]) return;
      for (const specifier of esNode['specifiers'] as EsNode[]) {
        if (specifier.type === 'ImportDefaultSpecifier')
          imports.set((specifier['local'] as EsNode)['name'] as string, component);
      }
    });
    return undefined;
  });
  return imports;
}

interface JsxElement {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
}

export function calculatorPropProblems(tree: Root | undefined): PropProblem[] {
  if (!tree) return [];
  const imports = calculatorImports(tree);
  if (imports.size === 0) return [];
  const problems: PropProblem[] = [];
  walkTree<TreeNode>(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
    const element = node as unknown as JsxElement;
    const component = element.name ? imports.get(element.name) : undefined;
    const schema = component ? CALCULATOR_PROPS[component] : undefined;
    if (!schema) return undefined;
    const props: Record<string, unknown> = {};
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return undefined;
      const { value } = attribute;
      const literal =
        value === null || value === undefined
          ? true
          : typeof value === 'string'
            ? value
            : literalValue((value as { data?: { estree?: unknown } }).data?.estree);
      if (literal === NOT_LITERAL) return undefined;
      props[attribute.name] = literal;
    }
    const at = element.position?.start ?? { line: 1, column: 1 };
    for (const problem of propProblems(schema, props)) {
      problems.push({ line: at.line, column: at.column, message: `<${element.name}> ${problem}` });
    }
    return undefined;
  });
  return problems;
}
