/**
 * The typed-array storage the flow network runs on: a heap for Dijkstra and growable
 * arrays (arcs are added when pricing finds pairs worth adding).
 */
/** A binary min-heap of (key, node) with lazy deletion, on growable typed arrays. */
export class Heap {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] ?? 0;
      if (pk <= key) break;
      this.keys[i] = pk;
      this.nodes[i] = this.nodes[parent] ?? 0;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the minimum; returns its node (its key is read first with `topKey`). */
  pop(): number {
    const top = this.nodes[0] ?? 0;
    const lastKey = this.keys[--this.size] ?? 0;
    const lastNode = this.nodes[this.size] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (right < this.size && (this.keys[right] ?? 0) < (this.keys[child] ?? 0)) child = right;
      if ((this.keys[child] ?? 0) >= lastKey) break;
      this.keys[i] = this.keys[child] ?? 0;
      this.nodes[i] = this.nodes[child] ?? 0;
      i = child;
    }
    this.keys[i] = lastKey;
    this.nodes[i] = lastNode;
    return top;
  }

  topKey(): number {
    return this.keys[0] ?? 0;
  }
}

/** A growable typed array (arcs are added when pricing finds pairs worth adding). */
export class Grow<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const bigger = this.make(Math.max(n, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }
}

export const ints = (n: number) => new Grow(new Int32Array(n), (m) => new Int32Array(m));

/** A growable Int32 buffer: 100,000 learners × 40 candidates stay in typed memory. */
export class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
