/** GET /api/delegations/distributor-options: the distributors issued in a province, for the 委托配送 picker. */
import { requireActor } from '../../../scope';
import type { HttpContext } from '../../../utils/http';
import { distributorOptions } from '../support/province-distributors';

export default {
  async list(ctx: HttpContext) {
    await requireActor(ctx);
    ctx.body = await distributorOptions(ctx.query);
  },
};
