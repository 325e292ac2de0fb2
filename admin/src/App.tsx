import { useEffect, useMemo, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { Refine } from '@refinedev/core';
import { useNotificationProvider } from '@refinedev/antd';
import routerProvider, { DocumentTitleHandler, UnsavedChangesNotifier } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
// The ES module builds: Vite 8 (rolldown) hands the CJS `antd/locale/*` default import over as
// `{ default }`, which antd ignores, leaving pagers, empty states and date pickers in English.
import zhCNAntd from 'antd/es/locale/zh_CN';
import enUSAntd from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import '@refinedev/antd/dist/reset.css';

import { AppRoutes } from './app-routes';
import { buildResources } from './resources';
import { dataProvider } from './providers/data-provider';
import { authProvider } from './providers/auth-provider';
import { accessControlProvider } from './providers/access-control-provider';
import { createI18nProvider, getStoredLang, translateIn, type Lang } from './providers/i18n-provider';

const ANTD_LOCALES = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd } as const;
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

export default function App() {
  const [lang, setLang] = useState<Lang>(getStoredLang);
  const i18nProvider = useMemo(() => createI18nProvider(lang, setLang), [lang]);
  const resources = useMemo(() => buildResources((key) => translateIn(lang, key)), [lang]);
  const appTitle = translateIn(lang, 'app.title');

  dayjs.locale(DAYJS_LOCALES[lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <BrowserRouter>
      <ConfigProvider locale={ANTD_LOCALES[lang]} button={{ autoInsertSpace: false }}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{
              disableTelemetry: true,
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              title: { text: appTitle },
              // Same-origin API: a request is always sent, and a network failure shows as an error. React Query's
              // default pauses mutations whenever the browser reports itself offline, leaving a button spinning.
              reactQuery: { clientConfig: { defaultOptions: { queries: { networkMode: 'always' }, mutations: { networkMode: 'always' } } } },
            }}
          >
            <AppRoutes />
            <UnsavedChangesNotifier />
            <DocumentTitleHandler
              handler={({ resource }) => {
                const label = resource?.meta?.label;
                return typeof label === 'string' && label ? `${label} | ${appTitle}` : appTitle;
              }}
            />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
