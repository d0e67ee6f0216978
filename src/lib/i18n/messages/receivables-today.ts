import { defineMessages } from './define';

/** Today as a collector's worklist (issue 15.4): whom to call, planned follow-ups, collection documents. */
export const receivablesToday = defineMessages({
  'zh-CN': {
    'today.doneBy-required': '请先选择经办人，再记录结果',
    'today.call': '联系：{person}',
    'today.callCustomer': '客户电话',
    'today.noPhone': '无联系电话',
    'today.planned': '计划回访 ({count})',
    'today.plannedLine': '{customer}：{what}（{date}）',
    'today.plannedDone': '完成回访：{customer}',
    'today.plannedDoneShort': '已完成',
    'today.plannedRecorded': '已记录回访',
    'today.followUpDefault': '回访',
    'today.extensionFor': '{customer} {invoice} 的延期申请',
    'today.extensionCancel': '取消',
    'today.extensionDate': '申请延期至',
    'today.extensionReason': '理由',
    'today.extensionSubmit': '提交延期申请',
    'today.extensionSent': '已提交延期申请'
  },
  en: {
    'today.doneBy-required': 'Choose who did it before recording an outcome',
    'today.call': 'Call: {person}',
    'today.callCustomer': 'Customer phone',
    'today.noPhone': 'No phone number',
    'today.planned': 'Planned follow-ups ({count})',
    'today.plannedLine': '{customer}: {what} ({date})',
    'today.plannedDone': 'Follow-up done: {customer}',
    'today.plannedDoneShort': 'Done',
    'today.plannedRecorded': 'Follow-up recorded',
    'today.followUpDefault': 'Follow-up',
    'today.extensionFor': 'Extension request for {customer} {invoice}',
    'today.extensionCancel': 'Cancel',
    'today.extensionDate': 'Extend to',
    'today.extensionReason': 'Reason',
    'today.extensionSubmit': 'Request the extension',
    'today.extensionSent': 'Extension requested'
  }
});
