/**
 * Walks over syntax trees (mdast, hast, MDX) with a stack of its own instead of recursion. A
 * recursive walk fails with "Maximum call stack size exceeded" a few thousand levels down, and
 * trees get that deep from text that looks harmless (emphasis opened on 2,500 short lines, JSX
 * tags nested in MDX). The input limits (content-tools/input-limits.ts) refuse the Markdown that would build
 * such trees; these walks hold whatever gets past them. Pure; runs anywhere.
 */

/** What every node of a unist tree has, as far as a walk needs. */
export interface TreeNode {
  type: string;
  children?: readonly TreeNode[] | undefined;
}

/** Returned by a visitor to leave the node's children out of the walk. */
export const SKIP = Symbol('skip');

/** Calls `visit` on `root` and every node under it, in document order (each node before its children). */
export function walkTree<T extends TreeNode>(root: T, visit: (node: T) => typeof SKIP | void): void {
  const stack: T[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) === SKIP) continue;
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as T);
  }
}

/**
 * The text of an mdast node as `mdast-util-to-string` gives it (values of text, code and HTML,
 * the alt text of images, joined with nothing), to any depth.
 */
export function textOf(root: TreeNode): string {
  let text = '';
  walkTree(root, (node) => {
    const { value, alt } = node as { value?: unknown; alt?: unknown };
    if (typeof value === 'string') {
      text += value;
      return SKIP;
    }
    if (typeof alt === 'string' && alt) {
      text += alt;
      return SKIP;
    }
    return undefined;
  });
  return text;
}
