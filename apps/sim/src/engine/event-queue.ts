/** One thing that happens at a simulated instant; `seq` keeps events at the same instant in the order they were scheduled. */
export interface Scheduled<E> {
  at: number;
  seq: number;
  event: E;
}

/** The run's future, ordered by (simulated time, sequence number): a binary min-heap. */
export class EventQueue<E> {
  private readonly heap: Scheduled<E>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, event: E): void {
    this.heap.push({ at, seq: this.seq++, event });
    this.up(this.heap.length - 1);
  }

  /** The earliest event strictly before `until`, removed; undefined when there is none. */
  takeBefore(until: number): Scheduled<E> | undefined {
    const first = this.heap[0];
    if (!first || first.at >= until) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return first;
  }

  private before(a: Scheduled<E>, b: Scheduled<E>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(this.heap[index]!, this.heap[parent]!)) return;
      [this.heap[index], this.heap[parent]] = [this.heap[parent]!, this.heap[index]!];
      index = parent;
    }
  }

  private down(index: number): void {
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.heap.length && this.before(this.heap[left]!, this.heap[smallest]!)) smallest = left;
      if (right < this.heap.length && this.before(this.heap[right]!, this.heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [this.heap[index], this.heap[smallest]] = [this.heap[smallest]!, this.heap[index]!];
      index = smallest;
    }
  }
}
