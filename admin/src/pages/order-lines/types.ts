/** The order API's rows are the domain's contracts; the panel adds only the order form's option type. */
import type { CertLight } from '@domain';

export type { DeliveryRow, OrderLineDetail, OrderLineRow, Page, ReturnRow } from '@domain';

/** One product of `GET /api/order-options`, with the distributors the hospital may order it from. */
export interface OrderOption {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  certificateLight: CertLight | null;
  distributors: Array<{ id: number; name: string }>;
}
