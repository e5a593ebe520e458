#!/usr/bin/env node
// The operator's executable. TypeScript runs through tsx's loader: no separate build step.
require('tsx/cjs');
require('../cli.ts');
