/**
 * Signs each demo user in once through the API and saves the storage state the panel would hold after
 * its login form (the JWT in localStorage `mcp_jwt`), for `test.use({ storageState: stateOf(user) })` and
 * `openAs(user)`. The login form itself is covered by foundation.spec.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as setup } from '@playwright/test';
import { api, SIGNED_IN_USERS, stateOf, tokenState } from './helpers';

setup('sign each demo user in once', async () => {
  fs.mkdirSync(path.dirname(stateOf(SIGNED_IN_USERS[0])), { recursive: true });
  for (const username of SIGNED_IN_USERS) {
    fs.writeFileSync(stateOf(username), JSON.stringify(tokenState(await api.login(username)), null, 2));
  }
});
