/** Jobs in tests: queue one, wait for its end, pause the runner, leave a job as a dead process would. */
import { expect } from 'vitest';
import { baseUrl, call, createUser, get, loginAs, post, put, testSupport, unique, type ApiResponse } from '../support/client';

export const J = '/api/jobs';

/** Polls GET /api/jobs/:id until the job is over (or `timeoutMs`). */
export async function waitForJob(id: string, jwt: string, timeoutMs = 30_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await get(`${J}/${id}`, jwt);
    expect(res.status).toBe(200);
    if (['completed', 'failed', 'cancelled'].includes(res.body.data.state)) return res.body.data;
    if (Date.now() > until) throw new Error(`job ${id} still ${res.body.data.state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const pauseJobs = async (paused: boolean) => expect((await post('/api/test/jobs/pause', { paused })).body.paused).toBe(paused);
export const abandonJob = async (id: string, rowsDone = 0) => expect((await post(`/api/test/jobs/${id}/abandon`, { rowsDone })).body.abandoned).toBe(1);

/** The job's file as bytes. */
export async function download(id: string, jwt: string): Promise<{ status: number; bytes: Buffer; disposition: string | null }> {
  const res = await fetch(`${baseUrl()}${J}/${id}/file`, { headers: { Authorization: `Bearer ${jwt}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), disposition: res.headers.get('content-disposition') };
}

/** POST a multipart `file` to `path`. */
export async function uploadTo(path: string, jwt: string, bytes: Buffer): Promise<ApiResponse> {
  const fd = new FormData();
  fd.append('file', new Blob([bytes]), 'accounts.xlsx');
  const res = await fetch(`${baseUrl()}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: fd });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A bureau of its own (no other test's accounts) with an administrator login and an initial password set. */
export async function freshBureau(provinceCode: string) {
  const org = await testSupport.fixture('organisation', { name: unique('任务测试医保局'), type: 'bureau', provinceCode, enabled: true });
  const admin = await createUser(org.id, { password: 'Bureau2026x' });
  const jwt = await loginAs(admin.username, admin.password);
  expect((await put('/api/distributor-accounts/manage/initial-password', { password: 'Initial2026j', passwordConfirmation: 'Initial2026j' }, jwt)).status).toBe(
    200,
  );
  return { org, jwt };
}

export const listCompanies = async (jwt: string, tag: string) =>
  (
    (await call('GET', `/api/distributor-accounts/manage?pagination[pageSize]=100&companyName=${encodeURIComponent(tag)}`, { auth: jwt })).body.data as any[]
  ).map((r) => r.companyName as string);
