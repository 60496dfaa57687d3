#!/usr/bin/env node
import { main } from './main.js';

const code = await main(process.argv.slice(2));
// Flush what we printed, then leave even if a library left a handle open (keep-alive sockets).
process.stdout.write('', () => process.exit(code));
