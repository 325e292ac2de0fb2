/**
 * Signs each demo user in once through the real login form and saves the browser's storage state
 * (the JWT in localStorage) for the tests: `test.use({ storageState: stateOf(user) })` or `openAs(user)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as setup } from '@playwright/test';
import { loginAndWait, SIGNED_IN_USERS, stateOf } from './helpers';

setup.beforeAll(() => {
  fs.mkdirSync(path.dirname(stateOf(SIGNED_IN_USERS[0])), { recursive: true });
});

for (const username of SIGNED_IN_USERS) {
  setup(`sign in ${username}`, async ({ page }) => {
    await loginAndWait(page, username);
    await page.context().storageState({ path: stateOf(username) });
  });
}
