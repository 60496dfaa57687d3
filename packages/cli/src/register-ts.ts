const TS_FILE = /\.(?:[cm]?ts|tsx)$/i;
// Set by a global tsx registration (`node --import tsx`, the `tsx` command): registering a
// second loader on top of it breaks CommonJS-mode .ts files, so we then leave it alone.
const TSX_GLOBAL_MARK = Symbol.for('tsx:global-cjs-loader-count');

let registered = false;

/** Does importing this file need a TypeScript loader? */
export const isTypeScriptFile = (file: string): boolean => TS_FILE.test(file);

/** Make `import()` of .ts files work in this process, once, with tsx's loader hooks. */
export async function registerTypeScript(): Promise<void> {
  if (registered || TSX_GLOBAL_MARK in globalThis) return;
  const { register } = await import('tsx/esm/api');
  register();
  registered = true;
}
