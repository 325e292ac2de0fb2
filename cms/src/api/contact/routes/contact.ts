import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::contact.contact');
