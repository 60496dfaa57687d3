import * as core from '@mcpkit/core';
import { expect, test } from 'vitest';

// Every change to the public face shows up here as a diff.
test('public runtime exports', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "CancelledError",
      "ConnectionClosedError",
      "ENVELOPE_KEYS",
      "ErrorCode",
      "HANDSHAKE_PROTOCOL_VERSIONS",
      "InboundRequest",
      "LATEST_HANDSHAKE_VERSION",
      "LOGGING_LEVELS",
      "META_KEYS",
      "METHODS",
      "McpError",
      "REMOVED_IN_STATELESS",
      "STATELESS_PROTOCOL_VERSION",
      "SUPPORTED_PROTOCOL_VERSIONS",
      "TimeoutError",
      "claimsStatelessEra",
      "compileUriTemplate",
      "createDispatcher",
      "createMemoryTransportPair",
      "createSession",
      "decodeMessage",
      "envelopeMeta",
      "errorResponse",
      "hasCapability",
      "isErrorResponse",
      "isNotification",
      "isRequest",
      "isResponse",
      "isServerEndpoint",
      "isStandardJsonSchema",
      "isStandardSchema",
      "isStatelessVersion",
      "methodNotFound",
      "negotiateProtocolVersion",
      "parseMessage",
      "readEnvelope",
      "serializeMessage",
      "successResponse",
      "toErrorObject",
      "toJsonSchema",
      "toObjectJsonSchema",
      "validate",
      "validateSync",
      "versionFeatures",
    ]
  `);
});
