import type { CallOptions, CallToolOptions, ToolFunctionMap } from './client-types.js';

type CallTool = (
  name: string,
  args: Record<string, unknown> | undefined,
  options: CallToolOptions,
) => Promise<{ data: unknown }>;

/** `tools.<name>(args, options)`: a tool's data, or a thrown `ToolCallError`. */
export function toolFunctionMap(callTool: CallTool): ToolFunctionMap {
  return new Proxy({} as ToolFunctionMap, {
    get: (_target, name) =>
      // `then` stays undefined so the map is never mistaken for a promise.
      typeof name !== 'string' || name === 'then'
        ? undefined
        : (args?: Record<string, unknown>, options?: CallOptions) =>
            callTool(name, args, { ...options, throwOnError: true }).then((r) => r.data),
  });
}
