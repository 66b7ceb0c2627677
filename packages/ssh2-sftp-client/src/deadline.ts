/** Marks a call that passed its deadline (never leaves the wrapper: it becomes a TransferError). */
export class DeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`did not settle within ${timeoutMs} ms`);
    this.name = "DeadlineExceeded";
  }
}

/**
 * Settles with `work`, or rejects with DeadlineExceeded after `timeoutMs`. The work keeps
 * running (nothing can cancel an SFTP request); its late rejection is swallowed here so that
 * it never becomes an unhandled rejection.
 */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number | undefined): Promise<T> {
  if (timeoutMs === undefined || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return work;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      work.catch(() => undefined);
      reject(new DeadlineExceeded(timeoutMs));
    }, timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
