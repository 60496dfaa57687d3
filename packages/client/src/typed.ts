import type { GetPromptResult, ReadResourceResult } from '@mcpkit/core';
import type { CallOptions, CallToolOptions, McpClient } from './client-types.js';
import type { ToolCallResult, ToolCallSuccess } from './tool-result.js';

/**
 * The type record a server definition carries in its phantom `'~types'` member.
 * Structural, so the client needs nothing from @mcpkit/server at runtime.
 */
export interface ServerTypeRecord {
  tools: Record<string, { input: unknown; output: unknown }>;
  prompts: Record<string, { args: unknown }>;
  resources: Record<string, unknown>;
}

/** Anything with the phantom `'~types'` member, e.g. `typeof server`. */
export interface TypedServer {
  readonly '~types': ServerTypeRecord;
}

/** What a client knows without a server type: any name, loose arguments. */
export interface UntypedServer {
  readonly '~types': {
    tools: Record<string, { input: Record<string, unknown>; output: unknown }>;
    prompts: Record<string, { args: Record<string, unknown> }>;
    resources: Record<string, unknown>;
  };
}

type Tools<S extends TypedServer> = S['~types']['tools'];
type Prompts<S extends TypedServer> = S['~types']['prompts'];

/** Tool names of a server type. */
export type ToolName<S extends TypedServer> = keyof Tools<S> & string;
/** Arguments of one tool. */
export type ToolInput<S extends TypedServer, N extends ToolName<S>> = Tools<S>[N]['input'];
/** Output (`result.data`) of one tool. */
export type ToolOutput<S extends TypedServer, N extends ToolName<S>> = Tools<S>[N]['output'];
/** Prompt names of a server type. */
export type PromptName<S extends TypedServer> = keyof Prompts<S> & string;
/** Arguments of one prompt. */
export type PromptArgs<S extends TypedServer, N extends PromptName<S>> = Prompts<S>[N]['args'];
/** Resource URIs and URI templates of a server type. */
export type ResourceUri<S extends TypedServer> = keyof S['~types']['resources'] & string;

/** Arguments may be left out when every field is optional. */
type ArgsThen<I, O> = {} extends I ? [args?: I, options?: O] : [args: I, options?: O];
type ArgsOrNothing<I> = {} extends I ? I | undefined : I;

/** `client.tools.<name>(args)`: resolves to the tool's data, throws `ToolCallError` on a tool error. */
export type ToolFunctions<S extends TypedServer> = {
  [N in ToolName<S>]: (
    ...rest: ArgsThen<ToolInput<S, N>, CallOptions>
  ) => Promise<ToolOutput<S, N>>;
};

/**
 * The typed client: names checked, arguments typed from the tools' inputs, `data`
 * typed from their outputs. Without a server type every name and argument is allowed.
 */
export interface Client<S extends TypedServer = UntypedServer>
  extends Omit<McpClient, 'callTool' | 'getPrompt' | 'readResource' | 'tools'> {
  callTool<N extends ToolName<S>>(
    name: N,
    args: ArgsOrNothing<ToolInput<S, N>>,
    options: CallToolOptions & { throwOnError: true },
  ): Promise<ToolCallSuccess<ToolOutput<S, N>>>;
  callTool<N extends ToolName<S>>(
    name: N,
    ...rest: ArgsThen<ToolInput<S, N>, CallToolOptions>
  ): Promise<ToolCallResult<ToolOutput<S, N>>>;
  getPrompt<N extends PromptName<S>>(
    name: N,
    ...rest: ArgsThen<PromptArgs<S, N>, CallOptions>
  ): Promise<GetPromptResult>;
  /** any URI; the server's known URIs and templates are suggested */
  readResource(
    uri: ResourceUri<S> | (string & {}),
    options?: CallOptions,
  ): Promise<ReadResourceResult>;
  readonly tools: ToolFunctions<S>;
}
