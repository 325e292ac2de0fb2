/** Long work as jobs: the progress bar, rows done, cancel and download under an import or export button. */
export const zhCN = {
  title: '后台任务',
  queued: '排队中…',
  running: '正在处理：{{done}}/{{total}} 行',
  runningNoTotal: '正在处理：已处理 {{done}} 行',
  completed: '已完成：共 {{done}} 行',
  failed: '任务失败：{{message}}',
  cancelled: '任务已取消',
  cancel: '取消任务',
  cancelling: '正在取消…',
  download: '下载文件',
  downloadErrors: '下载错误表',
  exportInBackground: '后台导出',
  importInBackground: '后台导入',
  started: '已开始后台任务，可在此查看进度',
};

export const enUS: typeof zhCN = {
  title: 'Background job',
  queued: 'Queued…',
  running: 'Processing: {{done}}/{{total}} rows',
  runningNoTotal: 'Processing: {{done}} rows done',
  completed: 'Completed: {{done}} rows',
  failed: 'Job failed: {{message}}',
  cancelled: 'Job cancelled',
  cancel: 'Cancel job',
  cancelling: 'Cancelling…',
  download: 'Download file',
  downloadErrors: 'Download error sheet',
  exportInBackground: 'Export in background',
  importInBackground: 'Import in background',
  started: 'Background job started; its progress shows here',
};
