import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Processor } from 'unified';

type Transform = (tree: Root) => Root | undefined | void;

/** The tree transform with which remark-gfm finds autolink literals (URLs, emails) in text. */
const findLiterals = gfmAutolinkLiteralFromMarkdown().transforms?.[0] as Transform;

/** What every autolink literal has: a scheme, `www.`, or an `@` (emails, `mailto:`, `xmpp:`). */
const CANDIDATE = /@|https?:\/\/|www\./i;

/**
 * remark-gfm finds autolink literals with four regular expressions, each run
 * over every text node of every parsed tree (mdast-util-find-and-replace):
 * a twentieth of a cold build. Most blocks have no `@`, scheme or `www.`,
 * and one test of their text spares them the search. It wraps remark-gfm's
 * own transform, so `.use` it after remark-gfm; what is found is unchanged.
 */
export default function remarkAutolinkLiteralGuard(this: Processor): void {
  const extensions = (this.data('fromMarkdownExtensions') ?? []).flat(Infinity) as Array<{ transforms?: Transform[] }>;
  for (const extension of extensions) {
    if (extension.transforms) extension.transforms = extension.transforms.map((t) => (t === findLiterals ? guarded : t));
  }
}

function guarded(tree: Root): Root | undefined | void {
  if (hasCandidate(tree)) return findLiterals(tree);
}

function hasCandidate(node: Nodes): boolean {
  if (node.type === 'text') return CANDIDATE.test(node.value);
  if ('children' in node) for (const child of node.children) if (hasCandidate(child)) return true;
  return false;
}
