export const zhCN = {
  title: '待办事项',
  empty: '暂无待办',
  open: '去处理',
  items: {
    delegations: '待确认的生产配送委托',
    'hospital-relationships': '待处理的医院委托与撤销申请',
    'order-lines': '待确认的订单明细',
    returns: '待处理的退货申请',
    invoices: '待补填或修改的发票',
    receipts: '待收货的配送',
    invoiceChecks: '待查验的发票',
    terminating: '解约中的配送关系',
    'distributor-accounts': '未发放的配送企业账号',
    'overdue-lines': '逾期的订单明细',
    'oversight-overdue': '本省逾期的订单明细',
  },
};

export const enUS: typeof zhCN = {
  title: 'To do',
  empty: 'Nothing waiting',
  open: 'Open',
  items: {
    delegations: 'Delegations awaiting your answer',
    'hospital-relationships': 'Hospital requests and revocations to answer',
    'order-lines': 'Order lines awaiting confirmation',
    returns: 'Return requests to answer',
    invoices: 'Invoices to fill in or correct',
    receipts: 'Deliveries awaiting receipt',
    invoiceChecks: 'Invoices awaiting your check',
    terminating: 'Relationships in termination',
    'distributor-accounts': 'Distributor accounts not yet issued',
    'overdue-lines': 'Overdue order lines',
    'oversight-overdue': 'Overdue order lines in the province',
  },
};
