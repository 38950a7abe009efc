/**
 * Group commit for work that serializes on one key anyway (a desk's daily counter and audit head):
 * the first item of an idle key runs at once, alone; items that arrive while their key is busy
 * wait, and run together as the key's next batch (up to `max`), in arrival order. Without
 * contention nothing waits; under contention one statement does the work of many, instead of
 * many statements queueing for the same row lock. In process: other processes still meet at the
 * row lock, which is what keeps the result correct.
 */
export class KeyedBatcher<I, R> {
  private readonly waiting = new Map<string, { item: I; settle: (r: PromiseSettledResult<R>) => void }[]>();

  /** `run` answers each item of a batch, in order: a value or a reason to reject it with. */
  constructor(
    private readonly run: (key: string, items: I[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly max = 64,
  ) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const settle = (r: PromiseSettledResult<R>) => (r.status === 'fulfilled' ? resolve(r.value) : reject(r.reason));
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ item, settle });
        return;
      }
      this.waiting.set(key, [{ item, settle }]);
      this.drain(key).catch(() => undefined); // drain answers every item itself, even when it fails
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key)!;
    let batch: typeof queue = [];
    try {
      while (queue.length) {
        batch = queue.splice(0, this.max);
        let results: PromiseSettledResult<R>[];
        try {
          results = await this.run(
            key,
            batch.map((b) => b.item),
          );
        } catch (reason) {
          results = batch.map(() => ({ status: 'rejected', reason }));
        }
        batch.forEach((b, i) => b.settle(results[i] ?? { status: 'rejected', reason: new Error('batch answered fewer items than it ran') }));
        batch = [];
      }
    } finally {
      // Whatever happened, the key is free again and nothing in flight or queued is left unanswered
      // (settling twice is harmless: a promise keeps its first answer).
      this.waiting.delete(key);
      for (const b of [...batch, ...queue.splice(0)]) b.settle({ status: 'rejected', reason: new Error('batch writer stopped') });
    }
  }
}
