import type { ClientHandlers, McpClient } from '@mcpkit/client';

/** What a scenario needs: handlers to connect with, then what to do once connected. */
export interface Scenario {
  handlers?: ClientHandlers;
  run(client: McpClient, context: Record<string, unknown>): Promise<void>;
}

const listTools: Scenario = {
  async run(client) {
    await client.listTools();
  },
};

/** Call every tool the client library exposes (it must have dropped invalid ones). */
const callEveryTool: Scenario = {
  async run(client) {
    for (const tool of await client.listTools()) await client.callTool(tool.name, {});
  },
};

/** Touch every method that carries Mcp-Method / Mcp-Name headers. */
const everyMethod: Scenario = {
  async run(client) {
    for (const tool of await client.listTools()) await client.callTool(tool.name, {});
    for (const resource of await client.listResources()) await client.readResource(resource.uri);
    for (const prompt of await client.listPrompts()) await client.getPrompt(prompt.name, {});
  },
};

const acceptConfirm: ClientHandlers = {
  elicitation: () => ({ action: 'accept', content: { confirmed: true } }),
};

/** The client scenarios in scope, by MCP_CONFORMANCE_SCENARIO. */
export const scenarios: Record<string, Scenario> = {
  initialize: listTools,
  'json-schema-ref-no-deref': listTools,
  tools_call: {
    async run(client) {
      const tools = await client.listTools();
      if (tools.some((t) => t.name === 'add_numbers')) {
        await client.callTool('add_numbers', { a: 5, b: 3 }, { throwOnError: true });
      }
    },
  },
  'elicitation-sep1034-client-defaults': {
    // Accept with nothing filled in: the library must add the schema defaults (SEP-1034).
    handlers: { elicitation: () => ({ action: 'accept', content: {} }) },
    async run(client) {
      await client.callTool('test_client_elicitation_defaults', {}, { throwOnError: true });
    },
  },
  'sse-retry': {
    async run(client) {
      await client.listTools();
      await client.callTool('test_reconnection', {}, { throwOnError: true });
    },
  },
  'request-metadata': {
    handlers: {
      ...acceptConfirm,
      sampling: () => ({
        role: 'assistant',
        content: { type: 'text', text: 'ok' },
        model: 'conformance',
      }),
      roots: [{ uri: 'file:///tmp/conformance', name: 'conformance' }],
    },
    async run(client) {
      for (const tool of await client.listTools()) await client.callTool(tool.name, {});
    },
  },
  'sep-2322-client-request-state': {
    handlers: acceptConfirm,
    async run(client) {
      // The unrelated call runs while the echo-state call is between its MRTR rounds.
      await Promise.all([
        client.callTool('test_mrtr_echo_state', {}),
        client.callTool('test_mrtr_unrelated', {}),
      ]);
      await client.callTool('test_mrtr_no_state', {});
      await client.callTool('test_mrtr_no_result_type', {});
    },
  },
  'http-standard-headers': everyMethod,
  'http-invalid-tool-headers': callEveryTool,
  'http-custom-headers': {
    async run(client, context) {
      await client.listTools();
      const calls = (context.toolCalls ?? []) as Array<{
        name: string;
        arguments: Record<string, unknown>;
      }>;
      for (const call of calls) await client.callTool(call.name, call.arguments);
    },
  },
  'json-schema-2020-12-preservation': {
    async run(client) {
      const tools = await client.listTools();
      const focal = tools.find((t) => t.name === 'json_schema_2020_12_tool');
      if (!focal) throw new Error('json_schema_2020_12_tool is not listed');
      // Sent back exactly as the library exposes it: any stripped keyword shows up here.
      await client.callTool(
        'json_schema_echo',
        { schema: focal.inputSchema },
        { throwOnError: true },
      );
    },
  },
};

/** Anything else (auth/*, extensions): connect and list tools, which is what they start with. */
export const fallbackScenario: Scenario = listTools;
