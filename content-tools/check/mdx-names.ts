/**
 * Names an MDX guide uses that nothing defines: `{total.kWh}` with no `total`, `<Chart />` with no
 * import. MDX compiles them; the page then throws while it is rendered (a ReferenceError, or
 * "Expected component `Chart` to be defined") and Astro stops the build with a stack trace. Found
 * here, each is one line of the checker's list, with the others, before anything renders.
 *
 * Defined means: imported or exported by the guide, declared inside an expression (a parameter,
 * a `const`), one of the names the MDX module itself provides (`props`, and the exports
 * @astrojs/mdx/dist/vite-plugin-mdx-postprocess.js adds: `url`, `file`, `Content`…), or a global of the Node process
 * the page is rendered in (`Math`, `Intl`; `window` is not, and fails there too). Scope is read
 * loosely, a name declared anywhere in the guide counting everywhere: a miss is only a stack trace
 * later, a false alarm would refuse a guide that builds. Node only (asks `globalThis`).
 */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { walkTree, type TreeNode } from '../../src/lib/tree-walk';
import type { Diagnostic } from '../../src/schemas/errors';
import { diagnostic, type GuideRecord } from './types';

export interface UndefinedName {
  name: string;
  /** `component` for `<Chart />`, `name` for a name in an expression or attribute. */
  kind: 'component' | 'name';
  /** 1-based, in the text given. */
  line: number;
  column: number;
}

/** Names the MDX module defines around the guide's own code (see the file comment). */
const PROVIDED = new Set(['props', 'arguments', 'frontmatter', 'url', 'file', 'Content', 'getHeadings', 'Fragment']);

export interface EsNode {
  type: string;
  [key: string]: unknown;
}
interface Point {
  line: number;
  column: number;
}

export const isNode = (value: unknown): value is EsNode =>
  typeof value === 'object' && value !== null && typeof (value as EsNode).type === 'string';

/** Every estree node under `root`, with the parent and the key it hangs from; iterative. */
export function eachNode(root: EsNode, visit: (node: EsNode, parent: EsNode | undefined, key: string) => void): void {
  const stack: [EsNode, EsNode | undefined, string][] = [[root, undefined, '']];
  while (stack.length > 0) {
    const [node, parent, key] = stack.pop() as [EsNode, EsNode | undefined, string];
    visit(node, parent, key);
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'loc' || childKey === 'range' || childKey === 'comments') continue;
      const children = Array.isArray(value) ? value : [value];
      for (let i = children.length - 1; i >= 0; i--) {
        const child: unknown = children[i];
        if (isNode(child)) stack.push([child, node, childKey]);
      }
    }
  }
}

/** Names a pattern (`a`, `{ a, b: [c] }`, `...d`, `e = 1`) declares. */
function patternNames(pattern: unknown, out: Set<string>): void {
  if (!isNode(pattern)) return;
  eachNode(pattern, (node, parent, key) => {
    if (node.type !== 'Identifier') return;
    // In `{ a: b }` the key names a property, `b` the binding; in `c = d` only `c` is bound.
    if (parent?.type === 'Property' && key === 'key' && !parent['shorthand']) return;
    if (parent?.type === 'AssignmentPattern' && key === 'right') return;
    if (parent?.type === 'MemberExpression') return;
    out.add(node['name'] as string);
  });
}

/** Whether an Identifier in this place reads a variable (not a property name, label or key). */
function isReference(parent: EsNode | undefined, key: string): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return key === 'object' || parent['computed'] === true;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key === 'value' || parent['computed'] === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'MetaProperty':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
      return false;
    default:
      return true;
  }
}

/** The names an estree program declares anywhere in it. */
function declaredNames(program: EsNode, out: Set<string>): void {
  eachNode(program, (node) => {
    switch (node.type) {
      case 'VariableDeclarator':
        patternNames(node['id'], out);
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        patternNames(node['id'], out);
        for (const param of (node['params'] as unknown[]) ?? []) patternNames(param, out);
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        patternNames(node['id'], out);
        break;
      case 'CatchClause':
        patternNames(node['param'], out);
        break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        patternNames(node['local'], out);
        break;
      default:
        break;
    }
  });
}

/** `Chart`, `charts.Bar` → `charts`; `div`, `my-element` → undefined (HTML, not a component). */
function componentRoot(name: string): string | undefined {
  const root = name.split('.')[0] ?? name;
  if (name.includes('.')) return root;
  return /^[A-Z_$]/.test(root) && !name.includes('-') && !name.includes(':') ? root : undefined;
}

/** An MDX text's tree, its expressions and ESM with their estree; undefined when it does not parse. */
export function parseMdx(text: string): Root | undefined {
  try {
    return unified().use(remarkParse).use(remarkMdx).parse(text);
  } catch {
    return undefined;
  }
}

/** The undefined names of an MDX text (or its tree), in order; none when it does not parse (reported elsewhere). */
export function undefinedMdxNames(source: string | Root | undefined): UndefinedName[] {
  const tree = typeof source === 'string' ? parseMdx(source) : source;
  if (!tree) return [];
  const programs: { program: EsNode; at: Point }[] = [];
  const components: { name: string; at: Point }[] = [];
  walkTree<TreeNode>(tree, (node) => {
    const start = (node as { position?: { start: Point } }).position?.start;
    const at: Point = start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
    const program = (node as { data?: { estree?: unknown } }).data?.estree;
    if (isNode(program)) programs.push({ program, at });
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as unknown as { name: string | null; attributes: { value?: unknown; data?: unknown }[] };
      if (element.name) components.push({ name: element.name, at });
      for (const attribute of element.attributes) {
        const estree = (attribute as { data?: { estree?: unknown } }).data?.estree;
        const valueTree = (attribute.value as { data?: { estree?: unknown } } | null | undefined)?.data?.estree;
        if (isNode(estree)) programs.push({ program: estree, at });
        if (isNode(valueTree)) programs.push({ program: valueTree, at });
      }
    }
    return undefined;
  });

  const declared = new Set(PROVIDED);
  for (const { program } of programs) declaredNames(program, declared);
  const defined = (name: string) => declared.has(name) || Reflect.has(globalThis, name);

  const found: UndefinedName[] = [];
  for (const { name, at } of components) {
    const root = componentRoot(name);
    if (root !== undefined && !defined(root)) found.push({ name: root, kind: 'component', ...at });
  }
  for (const { program, at } of programs) {
    eachNode(program, (node, parent, key) => {
      if (node.type === 'JSXOpeningElement') {
        const name = jsxName(node['name']);
        const root = name === undefined ? undefined : componentRoot(name);
        if (root !== undefined && !defined(root)) found.push({ name: root, kind: 'component', ...pointOf(node, at) });
        return;
      }
      if (node.type !== 'Identifier' || !isReference(parent, key)) return;
      const name = node['name'] as string;
      if (!defined(name)) found.push({ name, kind: 'name', ...pointOf(node, at) });
    });
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `Chart`, `charts.Bar` from a JSX element name in an expression. */
function jsxName(name: unknown): string | undefined {
  if (!isNode(name)) return undefined;
  if (name.type === 'JSXIdentifier') return name['name'] as string;
  if (name.type === 'JSXMemberExpression') {
    const object = jsxName(name['object']);
    return object === undefined ? undefined : `${object}.${String((name['property'] as EsNode)['name'])}`;
  }
  return undefined;
}

/** Where an estree node starts in the text, when the parser says; else where its MDX node starts. */
function pointOf(node: EsNode, fallback: Point): Point {
  const start = (node['loc'] as { start?: { line: number; column: number } } | undefined)?.start;
  // estree columns are 0-based; unist's are 1-based.
  return start ? { line: start.line, column: start.column + 1 } : fallback;
}

/**
 * One error per undefined name of an MDX guide and per calculator prop its schema refuses (see
 * ./mdx-props.ts), from its analysis (positions are file lines): what would stop its page rendering.
 */
export function mdxRenderDiagnostics(guide: GuideRecord): Diagnostic[] {
  const props = (guide.analysis.mdxProps ?? []).map((problem) =>
    diagnostic(guide, problem, 'error', 'mdx', problem.message),
  );
  const names = (guide.analysis.mdxUndefined ?? []).map((found) =>
    diagnostic(
      guide,
      found,
      'error',
      'mdx',
      found.kind === 'component'
        ? `<${found.name}>: expected a component the guide imports (from ~/components/mdx/), found none named ${found.name}; the page cannot be rendered without it`
        : `{${found.name}}: expected a name the guide imports or exports, found none named ${found.name}; the page cannot be rendered without it`,
    ),
  );
  return [...names, ...props];
}
