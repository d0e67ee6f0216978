/**
 * The order rows are shown in when no sort applies, and the tie-break of every sort: creation
 * order, by each row's `createdAt` and then its id. A table's store hands rows over in
 * primary-key order and appends what arrives later (a new row, a restored one, one from another
 * device), and ids do not sort by age across devices and generators (the demo's `c-…` ids sort
 * after every ULID), so the array order differs from one load to the next; creation order does
 * not. Rows without a `createdAt` (rows a page builds itself) keep the order they are given in,
 * after the dated ones.
 */

function createdOf(row: unknown): number {
  const v = (row as { createdAt?: unknown }).createdAt;
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

export class NaturalOrder<R extends { id: string }> {
  /** row indices in creation order */
  perm: Int32Array = new Int32Array(0);
  /** position of each row index in `perm` */
  rank: Int32Array = new Int32Array(0);
  #rows: readonly R[] = [];
  #created = new Float64Array(0);

  get rows(): readonly R[] {
    return this.#rows;
  }

  /** a before b: negative, after: positive (never 0 for two indices) */
  readonly compare = (a: number, b: number): number => {
    const x = this.#created[a];
    const y = this.#created[b];
    if (x !== y) {
      if (x !== x) return y !== y ? a - b : 1;
      if (y !== y) return -1;
      return x - y;
    }
    if (x !== x) return a - b;
    const p = this.#rows[a].id;
    const q = this.#rows[b].id;
    return p < q ? -1 : p > q ? 1 : a - b;
  };

  /** by rank: the same order as `compare`, cheaper (for sort tie-breaks) */
  readonly tie = (a: number, b: number): number => this.rank[a] - this.rank[b];

  /** Order a whole rows array afresh. */
  reset(rows: readonly R[]): void {
    const n = rows.length;
    this.#rows = rows;
    this.#created = new Float64Array(n);
    for (let i = 0; i < n; i++) this.#created[i] = createdOf(rows[i]);
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = this.compare(i - 1, i) < 0;
    if (!sorted) perm.sort(this.compare);
    this.#setPerm(perm);
  }

  /**
   * Follow a rows array whose rows up to `from` are the same records at the same indices (edited
   * in place) and whose rows from `from` on are new: only the new ones are placed.
   */
  append(rows: readonly R[], from: number): void {
    const n = rows.length;
    this.#rows = rows;
    if (n !== this.#created.length) {
      const grown = new Float64Array(n);
      grown.set(this.#created.subarray(0, Math.min(n, this.#created.length)));
      this.#created = grown;
    }
    const added: number[] = [];
    for (let i = from; i < n; i++) {
      this.#created[i] = createdOf(rows[i]);
      added.push(i);
    }
    added.sort(this.compare);
    const prev = this.perm;
    const perm = new Int32Array(prev.length + added.length);
    let k = 0;
    let j = 0;
    for (let p = 0; p < prev.length; p++) {
      while (j < added.length && this.compare(added[j], prev[p]) < 0) perm[k++] = added[j++];
      perm[k++] = prev[p];
    }
    while (j < added.length) perm[k++] = added[j++];
    this.#setPerm(perm);
  }

  #setPerm(perm: Int32Array): void {
    this.perm = perm;
    const rank = new Int32Array(perm.length);
    for (let p = 0; p < perm.length; p++) rank[perm[p]] = p;
    this.rank = rank;
  }
}
