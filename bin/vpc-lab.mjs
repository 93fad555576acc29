#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx so the CLI and the web app share one engine source.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
