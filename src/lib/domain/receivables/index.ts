/**
 * Receivables tracking (shared/domain/receivables.md): credit sales as receivables, payments and
 * their allocation, extension requests, the tracking ladder with its tasks and effects, Today's
 * worklist, aging, DSO, the customer statement and payment behaviour; the engine that keeps a
 * whole workspace's derivations up to date change by change (engine.ts). Pure TypeScript: safe in
 * Node tests, workers and the browser. Amounts are fen; dates are ISO calendar dates and "today"
 * is always a parameter. Choices where receivables.md is silent: ./README.md and module headers.
 */
export * from './types';
export { RECEIVABLE_FIELDS, RECEIVABLE_TABLES, type ReceivableTable } from './fields';
export {
  checkAgreementRow,
  checkCreditSaleRow,
  checkExtensionRow,
  checkLiftRow,
  checkPaymentRow,
  checkReceivableRecord,
  checkTaskDoneRow,
  hasError,
  type RecordProblem,
  type RecordProblemCode
} from './checks';
export { addDays, civilOf, dayOf, daysBetween, isoOf, tryDay, type Day } from '../dates';
export { effectiveDueDate, type DueDateChange, type DueDateResult, type DueDateSource, type IgnoredExtensionReason } from './due-date';
export {
  ALLOCATION_RULE,
  openAmount,
  type AllocationLine,
  type AllocationProblem,
  type AllocationProblemCode,
  type PaymentApplication,
  type SaleState
} from './allocation';
export {
  allocatePayments,
  buildLedger,
  ledgerOf,
  type AllocationResult,
  type CustomerLedger,
  type CustomerViews,
  type DoneIndex,
  type Ledger,
  type LedgerOptions,
  type LedgerProblem,
  type ReceivablesInput,
  type ReceivablesSource
} from './ledger';
export {
  LADDER_DAYS,
  LADDER_STAGES,
  ladderEffects,
  ladderPosition,
  ladderTasks,
  taskKey,
  type CustomerEffects,
  type DoneLookup,
  type EffectTrigger,
  type LadderPosition,
  type LadderStage,
  type LadderTask,
  type LadderTaskPlan,
  type TaskStatus,
  type TaskStatusReason
} from './ladder';
export {
  deriveToday,
  finishToday,
  recordTaskDone,
  type CustomerFlag,
  type TaskDoneWrite,
  type TodayGroup,
  type TodayList,
  type TodayTask
} from './today';
export { aging, AGING_BUCKETS, AGING_RULE, agingBucket, agingTable, type AgingBucket, type AgingRow, type AgingTable } from './aging';
export { dso, DSO_FORMULA, dsoTrend, dsoValue, type DsoFigure, type DsoMonth, type DsoOptions, type DsoReport } from './dso';
export { statement, type CustomerStatement, type StatementLine } from './statement';
export {
  fillPaymentRecord,
  PAYMENT_BEHAVIOUR_RULE,
  PAYMENT_RECORD_FACTOR,
  paymentBehaviour,
  TIMELINESS_ASPECT,
  timelinessScore,
  type PaymentBehaviour
} from './behaviour';
export {
  agreementInEffect,
  creditSaleCheckInput,
  customerReceivables,
  type CreditStanding,
  type CustomerReceivables,
  type OpenReceivable
} from './customer';
export {
  ENGINE_TABLES,
  mergeAging,
  mergeDso,
  mergeToday,
  ReceivablesEngine,
  shardOf,
  SHARDS,
  trimToday,
  WATCHED_TABLES,
  type EngineRow,
  type EngineTable,
  type TodayView,
  type WatchedTable
} from './engine';
