/** GET /api/openapi.json: the document of every open business route (api::openapi.openapi). */
import type { HttpContext } from '../../../utils/http';
import type openapiService from '../services/openapi';

const svc = () => strapi.service('api::openapi.openapi') as unknown as ReturnType<typeof openapiService>;

export default {
  async document(ctx: HttpContext) {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = await svc().document();
  },
};
