/** The caller's to-do counts (`GET /api/me/todos`), keyed as the 工作台 lists them (receipts, invoiceChecks, returns, …). */
import { useCustom } from '@refinedev/core';

export function useTodoCounts(): Record<string, number> {
  const { result } = useCustom<{ data: Record<string, number> }>({ url: '/api/me/todos', method: 'get', errorNotification: false });
  return (result?.data as unknown as { data?: Record<string, number> } | undefined)?.data ?? {};
}
