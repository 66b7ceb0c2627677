#!/usr/bin/env node
import { run } from "./program.js";

const code = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Exit once stdout is flushed, even if a client library left a socket or a timer behind.
process.stdout.write("", () => process.exit(code));
