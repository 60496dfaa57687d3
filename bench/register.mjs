// `node --import ./register.mjs src/main.ts`: runs the bench's TypeScript and mcpkit's sources
// directly, compiled the way the published packages are (esbuild, no keepNames), with no build.
import { register } from 'node:module';

register('./loader-hooks.mjs', import.meta.url);
