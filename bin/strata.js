#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (`npm run compile` builds lib/).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
