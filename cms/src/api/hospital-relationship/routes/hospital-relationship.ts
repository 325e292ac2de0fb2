import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::hospital-relationship.hospital-relationship', ['find', 'findOne']);
