import { Badge, Tooltip } from 'antd';
import { CERT_LIGHTS, type CertLight } from '@domain';

export const LIGHT_COLOR: Record<CertLight, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };

/** The certificate light as a coloured dot with its label (for screen readers too). */
export function CertificateLight({ light, lang }: { light: CertLight | null; lang: 'zh-CN' | 'en-US' }) {
  if (!light) return null;
  const label = CERT_LIGHTS[light][lang === 'en-US' ? 'en' : 'zh'];
  return (
    <Tooltip title={label}>
      <Badge color={LIGHT_COLOR[light]} aria-label={label} data-light={light} />
    </Tooltip>
  );
}
