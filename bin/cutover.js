#!/usr/bin/env node
import { main } from '../dist/core/src/cli/main.js';

await main();
