/** Test helpers: read SSE text into events. */
export interface SseEvent {
  id?: string;
  event?: string;
  retry?: number;
  data: string;
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split('\n\n')) {
    if (block.trim() === '') continue;
    const event: SseEvent = { data: '' };
    const data: string[] = [];
    let hasField = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      hasField = true;
      if (field === 'data') data.push(value);
      else if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'retry') event.retry = Number(value);
    }
    if (!hasField) continue;
    event.data = data.join('\n');
    events.push(event);
  }
  return events;
}

/** JSON payloads of the non-empty data events. */
export const sseMessages = (text: string): unknown[] =>
  parseSse(text)
    .filter((e) => e.data !== '')
    .map((e) => JSON.parse(e.data));

/** Read a streaming body until `until` says stop (or the stream ends), bounded by `timeoutMs`. */
export async function readUntil(
  body: ReadableStream<Uint8Array>,
  until: (text: string) => boolean,
  timeoutMs = 3000,
): Promise<{ text: string; ended: boolean }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((r) =>
          setTimeout(() => r('timeout'), Math.max(1, deadline - Date.now())),
        ),
      ]);
      if (next === 'timeout') break;
      if (next.done) return { text, ended: true };
      text += decoder.decode(next.value, { stream: true });
      if (until(text)) return { text, ended: false };
    }
    return { text, ended: false };
  } finally {
    reader.releaseLock();
  }
}
