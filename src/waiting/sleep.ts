/** A sleep that an abort signal (the runner cancelling the workflow) cuts short. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export class AbortedError extends Error {
  override readonly name = 'AbortedError';
  constructor() {
    super('the workflow run was cancelled');
  }
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
