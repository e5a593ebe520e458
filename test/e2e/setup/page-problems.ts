/**
 * Every end-to-end test fails on a page error, a console error or a Content Security Policy
 * violation on any page it opened (launchBrowser in test/support/browser.ts watches them all),
 * whether or not the test looks at its own session's errors.
 */
import { takePageProblems } from '../../support/browser';

// Problems in a beforeAll hook (an account's creation) count against the file's first test.
afterEach(() => {
  expect(takePageProblems()).toEqual([]);
});
