// A bounded wait for Excel: Excel on the web can leave a context.sync() unanswered while it loads a big workbook,
// and the pane must not wait for ever. The sync itself cannot be cancelled: the caller gets it back in the error, to
// clean up once Excel answers.

/** Two minutes: a 4 MB batch takes seconds, even on a slow connection. */
export const SYNC_TIMEOUT_MS = 120000;

/** Thrown when Excel has not answered a sync in time. */
export class SyncTimeoutError extends Error {
  /**
   * @param {Promise<unknown>} pending the unanswered sync, settled whenever Excel answers
   * @param {number} timeoutMs
   */
  constructor(pending, timeoutMs) {
    super(`Excel n'a pas répondu en ${Math.round(timeoutMs / 1000)} s.`);
    this.name = "SyncTimeoutError";
    this.pending = pending;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * `sync` (a context.sync() promise), or a SyncTimeoutError after `timeoutMs`.
 * @template T
 * @param {Promise<T>} sync
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export function within(sync, timeoutMs = SYNC_TIMEOUT_MS) {
  // An answer that comes after the deadline is handled by whoever holds error.pending, not reported as unhandled.
  sync.catch(() => {});
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new SyncTimeoutError(sync, timeoutMs)), timeoutMs);
  });
  return /** @type {Promise<T>} */ (Promise.race([sync, deadline])).finally(() => clearTimeout(timer));
}
