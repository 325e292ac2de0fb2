/** The rows 配送监管 answers (GET /api/oversight/*): one contract for the server and the panel. Money in fen, rates 0..1. */
import type { KpiFigures, MonthRate } from './oversight';
import type { OrderLineRow } from './order-rows';

/** 履约指标: one distributor in one month (the month its lines were ordered). */
export interface KpiRow extends KpiFigures {
  distributorOrgId: number;
  distributorName: string | null;
  month: string;
}

/** 配送率排行: one distributor over the months asked; rank 1 is the worst. */
export interface LeagueRow extends KpiFigures {
  rank: number;
  distributorOrgId: number;
  distributorName: string | null;
  from: string;
  to: string;
}

/** 预警: a distributor below 90 % for 3 consecutive months or more. */
export interface AlarmRow {
  distributorOrgId: number;
  distributorName: string | null;
  /** The consecutive months below 90 %, oldest first, with their figures. */
  months: MonthRate[];
  lowestRate: number | null;
}

/** 大额低到货: one order's lines of one distributor. */
export interface LargeOrderRow {
  orderId: number;
  orderCode: string;
  hospitalOrgId: number;
  hospitalName: string | null;
  distributorOrgId: number;
  distributorName: string | null;
  orderedAt: string | null;
  lines: number;
  orderedQty: number;
  deliveredQty: number;
  orderedFen: number;
  deliveredFen: number;
  amountRate: number | null;
}

/** 逾期最久: an overdue line with the deadline it missed and the whole days since. */
export interface OverdueLineRow extends OrderLineRow {
  deadline: string | null;
  daysOverdue: number;
}
