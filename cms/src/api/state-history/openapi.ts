/** OpenAPI description of the history timeline (操作记录). */
import { LINE_STATUS } from '../../domain';
import { coreReads, describeRoutes } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';

export default describeRoutes('操作记录', [
  {
    method: 'GET',
    path: '/history/:entity/:documentId',
    summary: '操作记录（时间线）',
    description:
      '一条记录的状态变更：谁、何时、从何状态到何状态、理由。`entity`：distributor-account、delegation、hospital-relationship、contract、order-line、delivery、return-request。',
    response: {
      description: '时间线，从早到晚',
      example: {
        data: [
          {
            action: 'deliver',
            fromState: LINE_STATUS.confirmed,
            toState: LINE_STATUS.delivering,
            reason: '分批次配送 第1批 数量2',
            actorName: '国药控股北京有限公司（P11PS0001）',
            at: '2026-12-01T09:13:56.000+08:00',
          },
        ],
      },
    },
    errors: [{ status: 404, code: 'UNKNOWN_ENTITY', message: '不支持的记录类型' }],
  },
  ...coreReads('state-histories', '操作记录', 'GET /history/{entity}/{documentId}', OWNERSHIP_ERRORS[0]!),
]);
