/** Bodies up to this size are read to their end; larger ones are cut off. */
const DRAIN_LIMIT = 2 ** 20;

/**
 * Reads an unwanted response body to its end so its keep-alive connection can serve another
 * request; cancelling it instead would close the connection. A body over 1 MiB is cancelled.
 * Never rejects.
 */
export async function discardBody(response: Response): Promise<void> {
  try {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (let size = 0; size < DRAIN_LIMIT; ) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.length;
    }
    await reader.cancel();
  } catch {}
}
