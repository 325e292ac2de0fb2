/**
 * 机构管理 › 企业信息: the caller's organisation, edited by itself (name and credit code stay as issued),
 * with its history. A distributor also keeps its 配送区域 here:
 * districts of its province picked from a tree of regions (reference only, manual 000 §1.3).
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Tag, Tree, Typography } from 'antd';
import { useCustom, useCustomMutation, useGetLocale, useInvalidate, useTranslate } from '@refinedev/core';
import { ORG_TYPE_LABELS, isOrgType } from '@domain';
import { OrgInfoModal } from './org-info-modal';
import { OrgHistoryDrawer } from './org-history-drawer';

interface Mine {
  name: string;
  type: string;
  provinceName: string | null;
  regionName: string | null;
  creditCode: string | null;
  legalPerson: string | null;
  authorisedPerson: string | null;
  phone: string | null;
  address: string | null;
  distributionAreaCodes: string[];
  distributionAreas: { code: string; name: string }[];
  account: { username: string; provincialAccount: string | null } | null;
}
interface TreeNode {
  key: string;
  title: string;
  children?: TreeNode[];
}
interface Node {
  code: string;
  name: string;
  children?: Node[];
}

export function InfoTab() {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const mineQuery = useCustom<{ data: Mine }>({ url: '/api/organisations/mine', method: 'get', errorNotification: false });
  const mine = (mineQuery.result?.data as unknown as { data?: Mine } | undefined)?.data ?? null;
  const isDistributor = mine?.type === 'distributor';
  const treeQuery = useCustom<{ data: Node[] }>({
    url: '/api/organisations/mine/area-tree',
    method: 'get',
    queryOptions: { enabled: isDistributor },
    errorNotification: false,
  });
  const tree = (treeQuery.result?.data as unknown as { data?: Node[] } | undefined)?.data ?? null;
  /** The user's ticks; null until the first change (then the saved areas are shown). */
  const [picked, setPicked] = useState<string[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const checked = picked ?? mine?.distributionAreaCodes ?? [];
  const { mutateAsync, mutation } = useCustomMutation();
  const error = mineQuery.query.error as { message?: string } | null;

  const leaves = useMemo(() => {
    const s = new Set<string>();
    const walk = (ns: Node[]) => ns.forEach((n) => (n.children ? walk(n.children) : s.add(n.code)));
    if (tree) walk(tree);
    return s;
  }, [tree]);

  const save = async () => {
    try {
      await mutateAsync({
        url: '/api/organisations/mine/areas',
        method: 'put',
        values: { codes: checked.filter((c) => leaves.has(c)) },
        successNotification: false,
        errorNotification: false,
      });
      await invalidate({ invalidates: ['all'] });
      setPicked(null);
      message.success(t('accounts.org.saved'));
    } catch (err) {
      message.error((err as Error)?.message ?? String(err));
    }
  };

  if (error) return <Alert type="error" showIcon message={error.message ?? String(error)} />;
  if (!mine) return <Spin />;
  const typeLabel = isOrgType(mine.type) ? ORG_TYPE_LABELS[mine.type][k] : mine.type;
  const toTreeData = (ns: Node[]): TreeNode[] => ns.map((n) => ({ key: n.code, title: n.name, children: n.children ? toTreeData(n.children) : undefined }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={t('accounts.org.title')}
        extra={
          <Space>
            <Button onClick={() => setHistoryOpen(true)}>{t('organisation.info.history')}</Button>
            <Button type="primary" onClick={() => setEditing(true)}>
              {t('organisation.info.edit')}
            </Button>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('accounts.org.name')}>{mine.name}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.type')}>{typeLabel}</Descriptions.Item>
          {mine.account && <Descriptions.Item label={t('accounts.org.username')}>{mine.account.username}</Descriptions.Item>}
          {mine.account && <Descriptions.Item label={t('accounts.org.provincialAccount')}>{mine.account.provincialAccount ?? ''}</Descriptions.Item>}
          <Descriptions.Item label={t('accounts.org.province')}>{mine.provinceName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.region')}>{mine.regionName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.creditCode')}>{mine.creditCode ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.legalPerson')}>{mine.legalPerson ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.authorisedPerson')}>{mine.authorisedPerson ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.phone')}>{mine.phone ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.org.address')}>{mine.address ?? ''}</Descriptions.Item>
          {isDistributor && (
            <Descriptions.Item label={t('accounts.org.areasTitle')} span={2}>
              {mine.distributionAreas.length ? mine.distributionAreas.map((a) => <Tag key={a.code}>{a.name}</Tag>) : t('accounts.org.areasNone')}
            </Descriptions.Item>
          )}
        </Descriptions>
        <OrgInfoModal open={editing} initial={mine} onClose={() => setEditing(false)} />
        <OrgHistoryDrawer open={historyOpen} onClose={() => setHistoryOpen(false)} />
      </Card>
      {isDistributor && (
        <Card
          title={t('accounts.org.areasTitle')}
          extra={
            <Button type="primary" loading={mutation.isPending} onClick={save}>
              {t('accounts.org.save')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('accounts.org.areasHint')}</Typography.Paragraph>
          <Typography.Paragraph>{t('accounts.org.selected', { count: checked.filter((c) => leaves.has(c)).length })}</Typography.Paragraph>
          {tree ? (
            <Tree
              checkable
              selectable={false}
              treeData={toTreeData(tree)}
              checkedKeys={checked}
              onCheck={(keys) => setPicked((Array.isArray(keys) ? keys : keys.checked).map(String))}
              height={480}
            />
          ) : (
            <Spin />
          )}
        </Card>
      )}
    </Space>
  );
}
