/**
 * Runs `tasks` with at most `limit` in flight, in order; the i-th promise settles as the i-th task does.
 * For e2e suites whose cases each hold a CLI, a language host and a provider process: two cores carry two or
 * three at once, and a case waiting for its turn counts against its test's timeout.
 */
export function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Array<Promise<T>> {
  let next = 0;
  const results: Array<Promise<T>> = [];
  const settle: Array<(v: Promise<T>) => void> = [];
  for (let i = 0; i < tasks.length; i++) results.push(new Promise<T>((resolve) => settle.push(resolve)));
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const p = tasks[i]();
      settle[i](p);
      await p.catch(() => undefined);
    }
  };
  for (let w = 0; w < Math.max(1, limit); w++) void worker();
  return results;
}
