/**
 * Labels of the steps an order line's history records besides its own transitions (confirm, reject,
 * terminate): placing, each delivery, receipt, the invoice check and returns.
 */
export const ORDER_LINE_HISTORY_ACTIONS: { readonly [action: string]: { readonly zh: string; readonly en: string } } = {
  place: { zh: '下单', en: 'Order placed' },
  deliver: { zh: '配送', en: 'Deliver' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  fillInvoice: { zh: '补填发票', en: 'Fill in invoice' },
  modifyInvoice: { zh: '修改发票', en: 'Modify invoice' },
  passInvoice: { zh: '发票查验通过', en: 'Invoice passed' },
  failInvoice: { zh: '发票查验不通过', en: 'Invoice failed' },
  receive: { zh: '收货', en: 'Receive' },
  requestReturn: { zh: '申请退货', en: 'Ask to return' },
  agreeReturn: { zh: '同意退货', en: 'Return agreed' },
  refuseReturn: { zh: '拒绝退货', en: 'Return refused' },
};
