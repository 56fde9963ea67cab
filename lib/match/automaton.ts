/**
 * The exact matcher's Aho–Corasick automaton over folded alias text, as a few flat arrays of numbers.
 * It is built once (in the background, for every page of a browser session) and every frame reads
 * the arrays as they are (tables.ts): nothing is rebuilt where the pages are read.
 *
 * Nodes are numbered breadth first, and each node's edges are stored together, sorted by code unit,
 * in the order of their nodes: so the node an edge leads to is the edge's own index plus one, and no
 * target is stored.
 */

export interface Automaton {
  /** The edges of node n are edgeStart[n] up to edgeStart[n + 1]; edge e leads to node e + 1. */
  readonly edgeStart: Int32Array;
  /** The code unit of each edge, ascending within a node. */
  readonly edgeCode: Uint16Array;
  /** Each node's failure link: the longest proper suffix of its text that is also a node. */
  readonly fail: Int32Array;
  /** The pattern that ends at each node, or -1. */
  readonly patternAt: Int32Array;
  /** The next node along the failure links where a pattern ends, or 0: the rest of a node's output. */
  readonly outputLink: Int32Array;
  /** The root's child for each ASCII code unit (0: none): most steps start at the root, and most units are ASCII. */
  readonly rootAscii: Int32Array;
}

/** The node reached from `node` by an edge for `code`, or 0 if it has none. */
function child(a: Automaton, node: number, code: number): number {
  let lo = a.edgeStart[node];
  let hi = a.edgeStart[node + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = a.edgeCode[mid];
    if (c === code) return mid + 1;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** One step of the automaton: from `node`, reading `code`. */
export function nextNode(a: Automaton, node: number, code: number): number {
  if (node === 0 && code < 0x80) return a.rootAscii[code];
  for (;;) {
    const target = child(a, node, code);
    if (target !== 0 || node === 0) return target;
    node = a.fail[node];
  }
}

/** The first node of a node's output (itself, or along its output links), or 0 if none. */
function firstOutput(a: Automaton, node: number): number {
  return a.patternAt[node] >= 0 ? node : a.outputLink[node];
}

/** The patterns that end where `node` is reached, longest first; undefined if none (most nodes). */
export function patternsEndingAt(a: Automaton, node: number): number[] | undefined {
  let output = firstOutput(a, node);
  if (output === 0) return undefined;
  const patterns: number[] = [];
  for (; output !== 0; output = a.outputLink[output]) patterns.push(a.patternAt[output]);
  return patterns;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  // A trie first, then numbered breadth first.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[] = [-1];
  patterns.forEach((pattern, p) => {
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = children[node].get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push(-1);
        children[node].set(code, next);
      }
      node = next;
    }
    ends[node] = p;
  });

  const count = children.length;
  const edgeStart = new Int32Array(count + 1);
  const edgeCode = new Uint16Array(count - 1);
  const patternAt = new Int32Array(count);
  const order = [0];
  for (let q = 0; q < count; q++) {
    const trieNode = order[q];
    patternAt[q] = ends[trieNode];
    edgeStart[q] = order.length - 1;
    for (const [code, next] of [...children[trieNode]].sort((x, y) => x[0] - y[0])) {
      edgeCode[order.length - 1] = code;
      order.push(next);
    }
  }
  edgeStart[count] = count - 1;

  // Breadth first, so a node's failure link is known before its children's.
  const rootAscii = new Int32Array(0x80);
  for (let e = edgeStart[0]; e < edgeStart[1] && edgeCode[e] < 0x80; e++) rootAscii[edgeCode[e]] = e + 1;
  const a: Automaton = {
    edgeStart,
    edgeCode,
    fail: new Int32Array(count),
    patternAt,
    outputLink: new Int32Array(count),
    rootAscii,
  };
  for (let node = 0; node < count; node++) {
    for (let e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
      const target = e + 1;
      const f = node === 0 ? 0 : nextNode(a, a.fail[node], edgeCode[e]);
      a.fail[target] = f;
      a.outputLink[target] = firstOutput(a, f);
    }
  }
  return a;
}
