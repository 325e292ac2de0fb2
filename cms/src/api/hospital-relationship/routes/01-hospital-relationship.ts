/**
 * Purpose-written endpoints of 医院配送关系 (registered before the generic router: 01-).
 * Every status answered or filtered is the effective one (解约中 reads 已解除 30 days after
 * terminatingSince, computed at read; no job needed).
 *
 * GET  /api/hospital-relationships/list        ?status=a,b &q= &hospitalOrgId= &distributorOrgId= &orderable=true
 *                                               &sort=createdAt:desc &pagination[page]= &pagination[pageSize]=  (≤ 200)
 *      rows: documentId, hospitalName, hospitalRegionName, distributorName, distributorAreas[{code,name}], status,
 *            storedStatus, reason, revokeReason, requestedAt, respondedAt, revokeRequestedAt, terminatingSince,
 *            terminationEndsAt, daysLeft, orderable
 * GET  /api/hospital-relationships/export      same filters → .xlsx
 * GET  /api/hospital-relationships/counts      { byStatus, pending, revoking, todo }
 * GET  /api/hospital-relationships/detail/:documentId
 * GET  /api/hospital-relationships/candidates  (hospital) distributors of its province, areas, canRequest
 * GET  /api/hospital-relationships/orderable   (hospital) distributor ids it may order from now;
 *                                               ?distributorOrgId= → 200 or 409 RELATIONSHIP_NOT_ORDERABLE
 * POST /api/hospital-relationships/request     (hospital) { distributorOrgId } → 201 pending
 * POST /api/hospital-relationships/:action     { documentIds: [...], reason? } all or nothing;
 *      action: accept | reject (reason) | acceptRevoke | refuseRevoke (reason)   — the addressed distributor
 *              withdraw | requestRevoke (reason optional)                        — the requesting hospital
 * POST /api/hospital-relationships/:documentId/:action  { reason? } the same for one row, answers the row
 * The generic GET /api/hospital-relationships[/:documentId] also answer and filter the effective status.
 */
const role = (...roles: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles } }] });
const READERS = ['platform_admin', 'bureau', 'distributor', 'hospital'];
const ACTIONS = 'accept|reject|withdraw|requestRevoke|acceptRevoke|refuseRevoke';

export default {
  routes: [
    { method: 'GET', path: '/hospital-relationships/list', handler: 'hospital-relationship.list', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/export', handler: 'hospital-relationship.export', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/counts', handler: 'hospital-relationship.counts', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/detail/:documentId', handler: 'hospital-relationship.detail', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/candidates', handler: 'hospital-relationship.candidates', config: role('hospital') },
    { method: 'GET', path: '/hospital-relationships/orderable', handler: 'hospital-relationship.orderable', config: role('hospital') },
    { method: 'POST', path: '/hospital-relationships/request', handler: 'hospital-relationship.request', config: role('hospital') },
    {
      method: 'POST',
      path: `/hospital-relationships/:action(${ACTIONS})`,
      handler: 'hospital-relationship.transition',
      config: role('hospital', 'distributor'),
    },
    {
      method: 'POST',
      path: `/hospital-relationships/:documentId/:action(${ACTIONS})`,
      handler: 'hospital-relationship.transitionOne',
      config: role('hospital', 'distributor'),
    },
  ],
};
