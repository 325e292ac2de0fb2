/**
 * 批量配送 (distributor): pick a hospital, tick its confirmed / delivering order lines or upload the
 * delivery sheet (配送单), fill or check each line's values in one editable table, submit once. The
 * server delivers every line or none; its refusal names each line and field, shown under the cells.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Typography } from 'antd';
import { useCustom, useCustomMutation, useTranslate } from '@refinedev/core';
import { useNavigate } from 'react-router';
import { batchFieldLabel, DELIVERABLE_LINE_STATUSES, type OrderLineRow, type Page } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { useDebouncedSearch } from '../../hooks/use-debounced-search';
import { usePageQuery } from '../../hooks/use-page-query';
import { useRowAction } from '../../hooks/use-row-action';
import { isHttpError } from '../../providers/http-client';
import { LinesEditor } from './lines-editor';
import { batchBody, pickSheetRow, type BatchLineRefusal, type CellErrors, type HospitalOption, type LineValues, type Picked, type SheetRow } from './types';

const B = '/api/order-deliveries/batch';

export function BatchDeliveryCreate() {
  const t = useTranslate();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { run } = useRowAction();
  const { mutateAsync: upload } = useCustomMutation<{ data: { rows: SheetRow[]; hospitalOrgId: number | null; errorCount: number } }>();
  const [hospital, setHospital] = useState<number | null>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [errors, setErrors] = useState<CellErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // 医疗机构 with lines to deliver, searched on the server by name as one types (a page of 50; no cap).
  const search = useDebouncedSearch();
  const [chosen, setChosen] = useState<HospitalOption | null>(null);
  const hospitals = useCustom<Page<HospitalOption>>({
    url: `${B}/hospitals`,
    method: 'get',
    config: { query: { ...(search.q ? { q: search.q } : {}), pagination: { page: 1, pageSize: 50 } } },
  });
  const found = (hospitals.result?.data as unknown as Page<HospitalOption> | undefined)?.data ?? [];
  // The chosen hospital keeps its name while another search shows other matches (one taken from an uploaded sheet is asked for by id).
  const sheetHospital = useCustom<Page<HospitalOption>>({
    url: `${B}/hospitals`,
    method: 'get',
    config: { query: { hospitalOrgId: hospital ?? 0 } },
    queryOptions: { enabled: !!hospital && hospital !== chosen?.hospitalOrgId && !found.some((h) => h.hospitalOrgId === hospital) },
  });
  const current = chosen?.hospitalOrgId === hospital ? chosen : (sheetHospital.result?.data as unknown as Page<HospitalOption> | undefined)?.data?.[0];
  const options = current && !found.some((h) => h.hospitalOrgId === current.hospitalOrgId) ? [current, ...found] : found;
  const lines = usePageQuery<OrderLineRow>(
    '/api/order-lines/search',
    { tab: 'todo', status: DELIVERABLE_LINE_STATUSES.join(','), hospitalOrgId: hospital ?? 0 },
    { pageSize: 50, enabled: !!hospital },
  );
  const total = picked.reduce((s, p) => s + (p.values.quantity ?? 0), 0);
  const refName = (id: string) => picked.find((p) => p.id === id)?.ref ?? id;

  const reset = (h: number | null, next: Picked[] = []) => {
    setHospital(h);
    setPicked(next);
    setErrors({});
    setProblems([]);
    setDone(null);
  };
  const change = (id: string, v: Partial<LineValues>) => {
    setPicked((all) => all.map((p) => (p.id === id ? { ...p, values: { ...p.values, ...v } } : p)));
    setErrors((e) => {
      const row = { ...(e[id] ?? {}) };
      for (const k of Object.keys(v)) delete row[k];
      return { ...e, [id]: row };
    });
  };
  const fillAll = () => {
    const [first, ...rest] = picked;
    if (!first) return;
    const { batchNo, productionDate, expiryDate, invoiceCode, invoiceNo } = first.values;
    setPicked([first, ...rest.map((p) => ({ ...p, values: { ...p.values, batchNo, productionDate, expiryDate, invoiceCode, invoiceNo } }))]);
  };

  const showRefusals = (refusals: Array<{ line: string | null; index: number; field: string | null; message: string }>, rowOf: (i: number) => number) => {
    const cells: CellErrors = {};
    for (const r of refusals) if (r.line) cells[r.line] = { ...(cells[r.line] ?? {}), [r.field ?? 'line']: r.message };
    setErrors(cells);
    setProblems(
      refusals.map((r) =>
        t('batchDelivery.rowError', {
          row: rowOf(r.index),
          ref: r.line ? refName(r.line) : '',
          field: batchFieldLabel(r.field ?? undefined),
          message: r.message,
        }),
      ),
    );
  };

  const readSheet = async (file: File) => {
    const fd = new FormData();
    fd.append('file', file, file.name);
    setBusy(true);
    try {
      const res = await upload({
        url: `${B}/preview`,
        method: 'post',
        values: fd as unknown as Record<string, unknown>,
        successNotification: false,
        errorNotification: false,
      });
      const data = (res.data as unknown as { data: { rows: SheetRow[]; hospitalOrgId: number | null; errorCount: number } }).data;
      const next = data.rows.map(pickSheetRow).filter((p): p is Picked => !!p);
      reset(data.hospitalOrgId, next);
      const refusals = data.rows.flatMap((r, index) => r.errors.map((e) => ({ line: r.line, index, field: e.field, message: `${r.lineRef}：${e.message}` })));
      if (refusals.length) {
        showRefusals(refusals, (i) => data.rows[i]!.row);
        message.warning(t('batchDelivery.uploadErrors', { n: refusals.length }));
      } else message.success(t('batchDelivery.uploaded', { n: data.rows.length }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const res = await run<{ data: { count: number; quantity: number } }>({
        url: '/order-deliveries/batch',
        values: batchBody(hospital, picked),
        quiet: true,
      });
      reset(hospital);
      setDone(t('batchDelivery.success', { n: res.data.count, q: res.data.quantity }));
    } catch (e) {
      const info = isHttpError(e) ? (e.details as { info?: { lines?: BatchLineRefusal[] }; field?: string } | undefined) : undefined;
      if (info?.info?.lines) showRefusals(info.info.lines, (i) => i + 1);
      else setProblems([isHttpError(e) || e instanceof Error ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('batchDelivery.title')} extra={<Button onClick={() => navigate('/order-lines')}>{t('batchDelivery.back')}</Button>}>
      <Typography.Paragraph type="secondary">{t('batchDelivery.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('batchDelivery.hospital')}
          placeholder={t('batchDelivery.hospitalPlaceholder')}
          style={{ width: 320 }}
          showSearch
          filterOption={false}
          onSearch={search.onSearch}
          value={hospital ?? undefined}
          loading={hospitals.query.isFetching}
          notFoundContent={hospitals.query.isFetching ? undefined : t(search.q ? 'batchDelivery.noHospitalMatch' : 'batchDelivery.noHospitals')}
          options={options.map((h) => ({ value: h.hospitalOrgId, label: t('batchDelivery.hospitalOption', { name: h.hospitalName, n: h.lines }) }))}
          onChange={(h: number) => {
            setChosen(options.find((o) => o.hospitalOrgId === h) ?? null);
            reset(h);
          }}
        />
        <Button
          onClick={() =>
            downloadFile(`${B}/template`, hospital ? { hospital } : {}, t('batchDelivery.templateFile')).catch((e: Error) => message.error(e.message))
          }
        >
          {t('batchDelivery.template')}
        </Button>
        <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
          {t('batchDelivery.upload')}
          <input
            type="file"
            aria-label={t('batchDelivery.upload')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void readSheet(f);
            }}
          />
        </label>
        <Button disabled={picked.length < 2} title={t('batchDelivery.fillAllHint')} onClick={fillAll}>
          {t('batchDelivery.fillAll')}
        </Button>
      </Space>
      {done && <Alert type="success" showIcon closable style={{ marginBottom: 12 }} message={done} onClose={() => setDone(null)} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('batchDelivery.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {hospital ? (
        <LinesEditor
          rows={lines.rows}
          loading={lines.loading}
          pagination={lines.pagination}
          picked={picked}
          errors={errors}
          onPick={setPicked}
          onChange={change}
        />
      ) : (
        <Alert type="info" showIcon message={t('batchDelivery.pickHospital')} />
      )}
      <Space style={{ marginTop: 12 }}>
        <Typography.Text>{t('batchDelivery.selected', { n: picked.length, q: total })}</Typography.Text>
        <Popconfirm
          title={t('batchDelivery.confirm', { n: picked.length })}
          disabled={!picked.length}
          okText={t('orders.actions.ok')}
          cancelText={t('orders.actions.cancel')}
          onConfirm={submit}
        >
          <Button type="primary" loading={busy} disabled={!picked.length}>
            {t('batchDelivery.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
