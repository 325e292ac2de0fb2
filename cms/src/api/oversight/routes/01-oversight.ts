/** 配送监管 (oversight): KPIs, the league table, alarms and the anomaly views, each with its .xlsx export. */
const roles = (...r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const KPI = roles('distributor', 'bureau', 'platform_admin');
const SUPERVISORS = roles('bureau', 'platform_admin');

export default {
  routes: [
    { method: 'GET', path: '/oversight/kpis', handler: 'oversight.kpis', config: KPI },
    { method: 'GET', path: '/oversight/kpis/export', handler: 'oversight.exportKpis', config: KPI },
    { method: 'GET', path: '/oversight/league', handler: 'oversight.league', config: SUPERVISORS },
    { method: 'GET', path: '/oversight/league/export', handler: 'oversight.exportLeague', config: SUPERVISORS },
    { method: 'GET', path: '/oversight/alarms', handler: 'oversight.alarms', config: SUPERVISORS },
    { method: 'GET', path: '/oversight/large-orders', handler: 'oversight.largeOrders', config: SUPERVISORS },
    { method: 'GET', path: '/oversight/large-orders/export', handler: 'oversight.exportLargeOrders', config: SUPERVISORS },
    { method: 'GET', path: '/oversight/overdue', handler: 'oversight.overdue', config: SUPERVISORS },
    { method: 'GET', path: '/oversight/overdue/export', handler: 'oversight.exportOverdue', config: SUPERVISORS },
  ],
};
