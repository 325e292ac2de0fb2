/** 采购管理 › 订单明细 (manual 001 §3.4). */
export const zhCN = {
  title: '订单明细',
  tabs: { lines: '订单明细', todo: '待配送', rework: '撤回修改', delivered: '已配送', returns: '退货处理', myReturns: '退货申请' },
  cols: {
    orderCode: '订单编号', lineNo: '行号', hospital: '医疗机构', distributor: '配送企业', manufacturer: '生产企业', product: '产品名称',
    productCode: '产品编码', spec: '规格型号', unit: '单位', quantity: '采购数量', unitPrice: '单价（元）', amount: '金额（元）', status: '状态',
    mode: '配送方式', delivered: '已配送', received: '已收货', returned: '已退货', orderedAt: '下单时间', actions: '操作', reason: '理由',
    seq: '批次', batchNo: '生产批号', productionDate: '生产日期', expiryDate: '有效期', invoice: '发票号', invoiceCode: '发票代码',
    invoiceNo: '发票号码', invoiceStatus: '发票状态', deliveryStatus: '收货状态', deliveredAt: '配送时间', returnQty: '退货数量',
    returnReason: '退货理由', refuseReason: '拒绝理由', requestedAt: '申请时间', answer: '处理结果',
  },
  filters: { keyword: '产品名称/编码/订单编号', hospital: '医疗机构', status: '状态', dateRange: '下单日期', search: '查询', reset: '重置' },
  actions: {
    newOrder: '新建订单', submitOrder: '提交订单', addLine: '添加明细', removeLine: '删除', confirm: '确认', reject: '拒绝', confirmSelected: '批量确认',
    rejectSelected: '批量拒绝', deliver: '配送', continueDeliver: '继续配送', terminate: '终止配送', withdraw: '撤回', modify: '修改', fillInvoice: '补填发票',
    receive: '收货', check: '查验', pass: '通过', fail: '不通过', return: '退货', agreeReturn: '同意退货', refuseReturn: '拒绝退货', history: '历史',
    export: '导出', details: '配送记录', ok: '确定', cancel: '取消',
  },
  form: {
    product: '产品', distributor: '配送企业', quantity: '采购数量', unitPrice: '单价（元）', amount: '金额（元）', remark: '备注', total: '合计金额（元）',
    productRequired: '请选择产品', distributorRequired: '请选择配送企业', quantityRequired: '请输入采购数量', searchProduct: '输入产品名称或编码搜索',
    noOptions: '暂无可采购产品：需先与配送企业建立配送关系，且该企业已获产品的配送委托',
    mode: '配送方式', modeLocked: '配送方式已锁定', batchNo: '生产批号', productionDate: '生产日期', expiryDate: '有效期', invoiceCode: '发票代码',
    invoiceNo: '发票号码', invoiceHint: '全电发票填写20位发票号码，无需发票代码；增值税发票填写8位发票号码和10或12位发票代码。可暂不填写，稍后补填发票。',
    deliverQty: '配送数量', remaining: '还可配送 {{n}}', required: '请填写{{field}}', reason: '理由', reasonRequired: '请填写理由',
    returnQty: '退货数量', returnable: '可退数量 {{n}}', checkResult: '查验结果',
  },
  confirm: {
    confirmLines: '确认选中的 {{n}} 条订单明细？', terminate: '终止配送后该订单明细不再配送，已配送的数量保留。确定终止？',
    withdraw: '撤回后该批次的数量可重新配送。确定撤回？', agree: '同意退货 {{n}}？', receive: '确认已收到该批次货物？',
  },
  titles: {
    reject: '拒绝订单明细', deliver: '配送', invoice: '发票', check: '查验发票', return: '申请退货', refuseReturn: '拒绝退货', history: '操作记录',
    newOrder: '新建订单',
  },
  msg: { done: '操作成功', ordered: '订单已提交：{{code}}', totalCapped: '超过 {{n}} 条', none: '暂无记录', exported: '已导出' },
  history: { system: '系统' },
};

export const enUS: typeof zhCN = {
  title: 'Order lines',
  tabs: { lines: 'Order lines', todo: 'To deliver', rework: 'Withdraw / modify', delivered: 'Delivered', returns: 'Returns', myReturns: 'Return requests' },
  cols: {
    orderCode: 'Order no.', lineNo: 'Line', hospital: 'Hospital', distributor: 'Distributor', manufacturer: 'Manufacturer', product: 'Product',
    productCode: 'Product code', spec: 'Spec', unit: 'Unit', quantity: 'Quantity', unitPrice: 'Unit price (yuan)', amount: 'Amount (yuan)', status: 'Status',
    mode: 'Delivery mode', delivered: 'Delivered', received: 'Received', returned: 'Returned', orderedAt: 'Ordered at', actions: 'Actions', reason: 'Reason',
    seq: 'Batch', batchNo: 'Batch no.', productionDate: 'Production date', expiryDate: 'Expiry date', invoice: 'Invoice', invoiceCode: 'Invoice code',
    invoiceNo: 'Invoice no.', invoiceStatus: 'Invoice status', deliveryStatus: 'Receipt', deliveredAt: 'Delivered at', returnQty: 'Return qty',
    returnReason: 'Return reason', refuseReason: 'Refusal reason', requestedAt: 'Requested at', answer: 'Answer',
  },
  filters: { keyword: 'Product name/code/order no.', hospital: 'Hospital', status: 'Status', dateRange: 'Order date', search: 'Search', reset: 'Reset' },
  actions: {
    newOrder: 'New order', submitOrder: 'Submit order', addLine: 'Add line', removeLine: 'Remove', confirm: 'Confirm', reject: 'Reject', confirmSelected: 'Confirm selected',
    rejectSelected: 'Reject selected', deliver: 'Deliver', continueDeliver: 'Continue delivery', terminate: 'Terminate delivery', withdraw: 'Withdraw', modify: 'Modify',
    fillInvoice: 'Fill in invoice', receive: 'Receive', check: 'Check', pass: 'Pass', fail: 'Fail', return: 'Return', agreeReturn: 'Agree to return',
    refuseReturn: 'Refuse return', history: 'History', export: 'Export', details: 'Deliveries', ok: 'OK', cancel: 'Cancel',
  },
  form: {
    product: 'Product', distributor: 'Distributor', quantity: 'Quantity', unitPrice: 'Unit price (yuan)', amount: 'Amount (yuan)', remark: 'Remark', total: 'Total (yuan)',
    productRequired: 'Choose a product', distributorRequired: 'Choose a distributor', quantityRequired: 'Enter the quantity', searchProduct: 'Search by product name or code',
    noOptions: 'Nothing to order yet: establish a relationship with a distributor delegated for the product first',
    mode: 'Delivery mode', modeLocked: 'The delivery mode is locked', batchNo: 'Batch no.', productionDate: 'Production date', expiryDate: 'Expiry date',
    invoiceCode: 'Invoice code', invoiceNo: 'Invoice no.', invoiceHint: 'Fully digital e-invoice: 20-digit number, no code; VAT invoice: 8-digit number with a 10- or 12-digit code. May be filled in later.',
    deliverQty: 'Quantity', remaining: '{{n}} left to deliver', required: 'Enter {{field}}', reason: 'Reason', reasonRequired: 'Enter a reason',
    returnQty: 'Return quantity', returnable: '{{n}} returnable', checkResult: 'Result',
  },
  confirm: {
    confirmLines: 'Confirm the {{n}} selected lines?', terminate: 'The line will not be delivered any further; what was delivered stays. Terminate?',
    withdraw: 'The batch quantity can be delivered again. Withdraw?', agree: 'Agree to return {{n}}?', receive: 'Confirm receipt of this batch?',
  },
  titles: {
    reject: 'Reject order lines', deliver: 'Deliver', invoice: 'Invoice', check: 'Check invoice', return: 'Ask to return', refuseReturn: 'Refuse return', history: 'History',
    newOrder: 'New order',
  },
  msg: { done: 'Done', ordered: 'Order placed: {{code}}', totalCapped: 'more than {{n}}', none: 'No records', exported: 'Exported' },
  history: { system: 'System' },
};
