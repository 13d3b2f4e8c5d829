#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so `npx labwright` works right after `npm ci`
// with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
