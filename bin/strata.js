#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library, bundled (`npm run compile` builds lib/ and lib/bundle/).
import { main } from '../lib/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
