/**
 * Groups concurrent writes into one transaction: items arriving within `maxWaitMs` (or until
 * `maxItems`) are flushed together, and each caller gets its own result once the batch commits.
 * A commit costs the same for one row as for a hundred, so this is how webhook acks stay fast.
 */
export function createBatcher<TItem, TResult>(options: {
  maxItems: number;
  maxWaitMs: number;
  /** Batches being written at once; more hide commit latency. */
  concurrency: number;
  flush: (items: TItem[]) => Promise<TResult[]>;
}) {
  type TPending = { item: TItem; resolve: (r: TResult) => void; reject: (e: unknown) => void };
  let queue: TPending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = 0;

  const drain = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (queue.length > 0 && running < options.concurrency) {
      const batch = queue.slice(0, options.maxItems);
      queue = queue.slice(batch.length);
      running += 1;
      options
        .flush(batch.map((p) => p.item))
        .then(
          (results) => {
            for (const [i, p] of batch.entries()) p.resolve(results[i] as TResult);
          },
          (error: unknown) => {
            for (const p of batch) p.reject(error);
          },
        )
        .finally(() => {
          running -= 1;
          if (queue.length > 0) schedule();
        });
    }
  };

  const schedule = () => {
    if (queue.length >= options.maxItems) drain();
    else timer ??= setTimeout(drain, options.maxWaitMs);
  };

  return {
    add(item: TItem): Promise<TResult> {
      return new Promise<TResult>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
