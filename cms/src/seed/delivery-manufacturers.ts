import type { Core } from '@strapi/strapi';

/**
 * Deliveries carry their line's manufacturer (scope: the manufacturer reads them). Rows written before
 * that column existed get it from their order line; idempotent, a no-op once every row has it.
 */
export async function seedDeliveryManufacturers(strapi: Core.Strapi) {
  const k = strapi.db.connection;
  const lineManufacturer = k('order_lines as ol').select('ol.manufacturer_org_id').whereRaw('ol.id = deliveries.order_line_id');
  const filled = await k('deliveries')
    .whereNull('manufacturer_org_id')
    .whereExists(lineManufacturer.clone().whereNotNull('ol.manufacturer_org_id'))
    .update({ manufacturer_org_id: lineManufacturer });
  if (filled) strapi.log.info(`Deliveries: manufacturer filled in on ${filled} rows`);
}
