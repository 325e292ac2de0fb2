/**
 * Starts a background job (a POST answering 202 and the job) through Refine's custom mutation, and
 * keeps its id for <JobProgress>: `start(url, query?, body?)` — a FormData body for an upload.
 */
import { useState } from 'react';
import { App } from 'antd';
import { useCustomMutation } from '@refinedev/core';
import type { JobRow } from '@domain';
import { isHttpError } from '../providers/http-client';
import { encodeQuery, type QueryObject } from '../providers/strapi-query';

export function useStartJob() {
  const { message } = App.useApp();
  const { mutateAsync } = useCustomMutation<{ data: JobRow }>();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const start = async (url: string, query: QueryObject = {}, body?: FormData | Record<string, unknown>): Promise<JobRow | null> => {
    const qs = encodeQuery(query);
    setStarting(true);
    try {
      const res = await mutateAsync({
        url: qs ? `${url}?${qs}` : url,
        method: 'post',
        values: (body ?? {}) as Record<string, unknown>,
        successNotification: false,
        errorNotification: false,
      });
      const job = (res.data as unknown as { data: JobRow }).data;
      setJobId(job.id);
      return job;
    } catch (err) {
      message.error(isHttpError(err) ? err.message : String(err));
      return null;
    } finally {
      setStarting(false);
    }
  };
  return { start, jobId, starting, reset: () => setJobId(null) };
}
