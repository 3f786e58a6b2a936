#!/usr/bin/env node
// The `verbatim` command. The code is TypeScript, run through tsx so that the CLI
// shares lib/ with the app without a separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
