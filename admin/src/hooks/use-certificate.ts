/** The caller organisation's signing certificate (`GET /api/pki/certificate`), for the roles that sign. */
import { useCustom } from '@refinedev/core';

export interface CertificateView {
  serial: string;
  subject: string;
  suite: string;
  validFrom: string | null;
  validTo: string | null;
  locked: boolean;
  failedAttempts: number;
  attemptsLeft: number;
}

export function useCertificate(enabled: boolean) {
  const { result, query } = useCustom<{ data: CertificateView | null }>({
    url: '/api/pki/certificate',
    method: 'get',
    queryOptions: { enabled },
    errorNotification: false,
  });
  const certificate = (result?.data as unknown as { data?: CertificateView | null } | undefined)?.data ?? null;
  return { certificate, loading: query.isLoading };
}
