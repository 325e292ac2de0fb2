/**
 * 机构管理 › 企业信息: the caller's organisation, read-only. A distributor also keeps its 配送区域 here:
 * districts of its province picked from a tree of regions (reference only, manual 000 §1.3).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Tag, Tree, Typography } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { ORG_TYPE_LABELS, isOrgType } from '@domain';
import { apiFetch, isHttpError } from '../../providers/http-client';
import { getToken } from '../../providers/session';

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
interface Node {
  code: string;
  name: string;
  children?: Node[];
}

export function OrganisationPage() {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const { message } = App.useApp();
  const [mine, setMine] = useState<Mine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tree, setTree] = useState<Node[] | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    apiFetch<{ data: Mine }>('/api/organisations/mine', { token: getToken() })
      .then((b) => {
        setMine(b.data);
        setChecked(b.data.distributionAreaCodes);
        if (b.data.type === 'distributor') {
          return apiFetch<{ data: Node[] }>('/api/organisations/mine/area-tree', { token: getToken() }).then((tr) => setTree(tr.data));
        }
      })
      .catch((err) => setError(isHttpError(err) ? err.message : String(err)));
  }, []);

  const leaves = useMemo(() => {
    const s = new Set<string>();
    const walk = (ns: Node[]) => ns.forEach((n) => (n.children ? walk(n.children) : s.add(n.code)));
    if (tree) walk(tree);
    return s;
  }, [tree]);

  const save = async () => {
    setSaving(true);
    try {
      const b = await apiFetch<{ data: Mine }>('/api/organisations/mine/areas', {
        method: 'PUT',
        token: getToken(),
        body: { codes: checked.filter((c) => leaves.has(c)) },
      });
      setMine(b.data);
      message.success(t('accounts.org.saved'));
    } catch (err) {
      message.error(isHttpError(err) ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!mine) return <Spin />;
  const typeLabel = isOrgType(mine.type) ? ORG_TYPE_LABELS[mine.type][k] : mine.type;
  const isDistributor = mine.type === 'distributor';
  const toTreeData = (ns: Node[]): any[] => ns.map((n) => ({ key: n.code, title: n.name, children: n.children ? toTreeData(n.children) : undefined }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('accounts.org.title')}>
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
      </Card>
      {isDistributor && (
        <Card
          title={t('accounts.org.areasTitle')}
          extra={
            <Button type="primary" loading={saving} onClick={save}>
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
              onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))}
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
