/**
 * Waits for every promise, then throws the first rejection if any: unlike Promise.all, no work
 * is still running (or writing files) when the caller goes on.
 */
export async function settleAll(work: readonly Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}
