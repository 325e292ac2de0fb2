import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::organisation.organisation', ['find', 'findOne']);
