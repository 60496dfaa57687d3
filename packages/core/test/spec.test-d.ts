import type {
  CallToolResult,
  ClientCapabilities,
  ClientRequestMap,
  ContentBlock,
  ElicitRequestParams,
  ImageContent,
  InputRequest,
  InputRequiredResult,
  LOGGING_LEVELS,
  LoggingLevel,
  ResourceLink,
  Result,
  SamplingContent,
  TextContent,
} from '@mcpkit/core';
import { describe, expectTypeOf, it } from 'vitest';

describe('spec types', () => {
  it('narrows a ContentBlock on `type`', () => {
    const narrow = (block: ContentBlock) => {
      if (block.type === 'text') expectTypeOf(block).toEqualTypeOf<TextContent>();
      if (block.type === 'image') expectTypeOf(block).toEqualTypeOf<ImageContent>();
      if (block.type === 'resource_link') expectTypeOf(block).toEqualTypeOf<ResourceLink>();
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it('keeps sampling-only blocks out of ContentBlock', () => {
    expectTypeOf<Extract<SamplingContent, { type: 'tool_use' }>>().not.toBeNever();
    expectTypeOf<Extract<ContentBlock, { type: 'tool_use' }>>().toBeNever();
  });

  it('types LOGGING_LEVELS as an ordered tuple of LoggingLevel', () => {
    expectTypeOf<(typeof LOGGING_LEVELS)[number]>().toEqualTypeOf<LoggingLevel>();
    expectTypeOf<(typeof LOGGING_LEVELS)[0]>().toEqualTypeOf<'debug'>();
  });

  it('accepts an empty capabilities object and extension settings', () => {
    expectTypeOf<{}>().toExtend<ClientCapabilities>();
    expectTypeOf<{
      extensions: { 'io.modelcontextprotocol/ui': {} };
    }>().toExtend<ClientCapabilities>();
  });

  it('treats results as Result and the input-required answer as distinct', () => {
    expectTypeOf<CallToolResult>().toExtend<Result>();
    expectTypeOf<InputRequiredResult>().toExtend<Result>();
    expectTypeOf<CallToolResult>().not.toExtend<InputRequiredResult>();
    expectTypeOf<ClientRequestMap['tools/call']['result']>().toEqualTypeOf<CallToolResult>();
    expectTypeOf<ClientRequestMap['tools/list']['params']>().toExtend<object | undefined>();
  });

  it('discriminates elicitation modes and input requests', () => {
    expectTypeOf<{ mode: 'url'; message: string; url: string }>().toExtend<ElicitRequestParams>();
    const pick = (request: InputRequest) => {
      if (request.method === 'elicitation/create')
        expectTypeOf(request.params).toEqualTypeOf<ElicitRequestParams>();
    };
    expectTypeOf(pick).toBeFunction();
  });
});
