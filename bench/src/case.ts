/** One contender, connected and ready: `call` is one tools/call round trip returning the echoed text. */
export interface Contender {
  call(text: string): Promise<string>;
  close(): Promise<void>;
}

/** A row of the table: how to build its contender, or why it cannot run here. */
export interface BenchCase {
  id: string;
  label: string;
  /** what the row measures, in one line for the README and the printout */
  measures: string;
  setup(): Promise<Contender>;
}

/** Thrown by a setup that cannot run in this checkout (e.g. a package not written yet). */
export class SkipCase extends Error {}

/** Pulls the echoed text out of a CallToolResult-shaped value, failing loudly on anything else. */
export function echoedText(result: unknown): string {
  const content = (result as { content?: Array<{ type?: string; text?: unknown }> }).content;
  const first = content?.[0];
  if (first?.type !== 'text' || typeof first.text !== 'string') {
    throw new Error(`unexpected tools/call result: ${JSON.stringify(result)}`);
  }
  return first.text;
}
