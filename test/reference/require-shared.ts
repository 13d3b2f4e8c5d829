// First step of `npm run test:reference`: without `../shared` it prints one line saying what is
// missing and fails, before any test runs (and so before anything could pass by being skipped).
import { missingReferenceMessage } from './shared.ts';

const message = missingReferenceMessage();
if (message !== null) {
  console.error(message);
  process.exit(1);
}
