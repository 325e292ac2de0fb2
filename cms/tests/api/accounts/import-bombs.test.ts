/** 导入 of crafted files (issue 14 §2): refused with a Chinese reason, without stalling other users; normal imports still work. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectRefused, loginAs } from '../support/client';
import { creditCode, HEADER, mobile, upload, xlsx } from './support';

const SX = 'sxBureau';
type Bomb = { name: string; bytes: Buffer };
const generator = (): Promise<{ issueBombs: () => Bomb[] }> =>
  import(pathToFileURL(path.resolve(__dirname, '../../../../scripts/bench/lib/xlsx-bombs.mjs')).href);

/** Runs `work` while polling /_health one request after another; answers the longest wait for an answer. */
async function maxHealthWait(work: () => Promise<unknown>): Promise<number> {
  let done = false;
  let worst = 0;
  const poll = (async () => {
    while (!done) {
      const t0 = performance.now();
      await fetch(`${baseUrl()}/_health`);
      worst = Math.max(worst, performance.now() - t0);
    }
  })();
  try {
    await work();
  } finally {
    done = true;
    await poll;
  }
  return worst;
}

describe('导入 of zip bombs', () => {
  it('refuses each crafted file with 400 and a Chinese reason while the server keeps answering', async () => {
    const jwt = await loginAs(SX);
    const { issueBombs } = await generator();
    for (const bomb of issueBombs().filter((b) => !b.name.includes('media'))) {
      let res: Awaited<ReturnType<typeof upload>> | undefined;
      const wait = await maxHealthWait(async () => {
        res = await upload(jwt, bomb.bytes);
      });
      const err = expectRefused(res!, 400, 'IMPORT_FILE_TOO_LARGE');
      expect(err.message, bomb.name).toMatch(/声明的大小不符|解压后过大/);
      // Before: 4–7 s (1 GiB) and 137 s (4.6 GiB) with the event loop blocked; the goal is 100 ms on an idle machine.
      expect(wait, bomb.name).toBeLessThan(1500);
    }
  });

  it('ignores zeros in a part no sheet needs, and a normal import still works after the bombs', async () => {
    const jwt = await loginAs(SX);
    const media = (await generator()).issueBombs().find((b) => b.name.includes('media'))!;
    const refused = await upload(jwt, media.bytes);
    // Its sheet has the three required columns and no data row.
    expect(expectRefused(refused, 400, 'IMPORT_ROWS_INVALID').details.info.rows[0].message).toBe('文件中没有可导入的数据行');
    const res = await upload(jwt, xlsx([HEADER, ['', `炸弹后${Date.now().toString(36)}`, creditCode(), '', '', mobile()]]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.created).toBe(1);
  });
});
