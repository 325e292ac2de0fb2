import type { Core } from '@strapi/strapi';
import type openapiService from '../api/openapi/services/openapi';

/** /documentation shows the integrators' document (api::openapi), generated once the roles are granted. */
export async function registerOpenApiDocument(strapi: Core.Strapi) {
  const svc = strapi.service('api::openapi.openapi') as unknown as ReturnType<typeof openapiService>;
  try {
    await svc.replaceDocumentationPlugin();
  } catch (e) {
    // The API works without its description: report, do not stop the server.
    strapi.log.error(`OpenAPI document not generated: ${(e as Error).stack ?? String(e)}`);
  }
}
