import { expect, it } from 'vitest';
import {
  LARGE_ARGUMENT_LENGTH,
  LARGE_RESULT_LENGTH,
  payloadText,
  sha256,
} from '../../fixtures/payload.ts';
import { describeTransports } from '../support/describe-transports.ts';

// Body limits: the 3 MiB argument fits the default 4 MiB request limit of @mcpkit/http and
// @mcpkit/sse, and stdio's default 16 MiB line limit holds the 4 MiB result, so no transport
// needs a raised limit here.
describeTransports('large payloads', (t) => {
  it('a 4 MiB text result arrives whole (exact length and SHA-256)', async () => {
    const result = await t.client.callTool('big', { length: LARGE_RESULT_LENGTH, seed: 3 });
    expect(result.isError).toBe(false);
    const block = result.content[0];
    const text = block?.type === 'text' ? block.text : '';
    expect([result.content.length, text.length, sha256(text)]).toEqual([
      1,
      LARGE_RESULT_LENGTH,
      sha256(payloadText(LARGE_RESULT_LENGTH, 3)),
    ]);
  });

  it('a 3 MiB argument arrives whole (exact length and SHA-256)', async () => {
    const data = payloadText(LARGE_ARGUMENT_LENGTH, 5);
    const result = await t.client.callTool('digest', { data });
    expect(result.data).toEqual({ length: LARGE_ARGUMENT_LENGTH, sha256: sha256(data) });
  });
});
