/** OpenAPI descriptions of jobs: progress, cancel, the result file. */
import { describeRoutes } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';

const job = {
  id: 'k8v2q3xj9w0abc',
  kind: 'order-lines-export',
  state: 'active',
  stateLabel: '进行中',
  percent: 42,
  rowsDone: 50400,
  rowsTotal: 120000,
  attempts: 1,
  result: null,
  error: null,
  fileName: null,
  actions: ['cancel'],
  createdAt: '2026-12-01T09:13:56.000+08:00',
  finishedAt: null,
};

export default describeRoutes('后台任务', [
  {
    method: 'GET',
    path: '/jobs/:id',
    summary: '任务进度',
    description: '状态（排队中、进行中、已完成、失败、已取消）、百分比和已处理行数；只有发起任务的机构可以查看。',
    response: { description: '任务', example: { data: job } },
    errors: [OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'POST',
    path: '/jobs/:id/cancel',
    summary: '取消任务',
    description: '排队中的任务立即取消；进行中的任务在下一次进度报告时停止，已做的修改全部撤销。',
    response: { description: '任务', example: { data: { ...job, actions: [] } } },
    errors: [OWNERSHIP_ERRORS[0]!, { status: 409, code: 'JOB_FINISHED', message: '任务已结束，不能取消' }],
  },
  {
    method: 'GET',
    path: '/jobs/:id/file',
    summary: '下载任务文件',
    description: '导出任务的 .xlsx，或导入任务失败时带错误列的表格。',
    response: { description: '文件（.xlsx）', file: true },
    errors: [OWNERSHIP_ERRORS[0]!, { status: 409, code: 'JOB_FILE_NOT_READY', message: '任务还没有可下载的文件' }],
  },
]);
