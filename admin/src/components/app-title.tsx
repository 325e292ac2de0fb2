import { ThemedTitle } from '@refinedev/antd';
import { useTranslate } from '@refinedev/core';
import { MedicineBoxOutlined } from '@ant-design/icons';

/** Sider title: the platform's name, on one line. */
export function AppTitle({ collapsed }: { collapsed: boolean }) {
  const t = useTranslate();
  return (
    <ThemedTitle
      collapsed={collapsed}
      text={t('app.siderTitle')}
      icon={<MedicineBoxOutlined aria-hidden />}
      wrapperStyles={{ fontSize: 14, whiteSpace: 'nowrap' }}
    />
  );
}
