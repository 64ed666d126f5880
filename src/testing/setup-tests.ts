import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { takeUnhandledRequests } from './mock-api';

// findBy* and waitFor give up after 1 s by default: too short on a loaded 2-core CI runner,
// where a page of 100 rows can take longer to render. Passing tests are not slowed by this.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks these; components call them when present.
if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  const unhandled = takeUnhandledRequests();
  if (unhandled.length > 0) {
    throw new Error(`Requests no mock handled (add them to mockApi): ${unhandled.join(', ')}`);
  }
});
