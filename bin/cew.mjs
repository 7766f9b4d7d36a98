#!/usr/bin/env node
// The `cew` command: the workbench's CLI, built on first use.
process.argv.splice(2, 0, 'cli');
await import('../scripts/run-built.mjs');
