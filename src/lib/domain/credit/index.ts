/**
 * The credit-sales engine (shared/domain/credit.md): settings with every default table, ratios
 * against benchmarks, the working-capital and characteristic models, the recommended limit, its
 * class and the XAY grade, the limit check when entering a credit sale, and the application
 * workflow. Pure TypeScript: safe in Node tests, workers and the browser alike. Amounts are fen.
 * Choices where credit.md is ambiguous: ./README.md and each module's header.
 */
export {
  CHARACTERISTIC_GRADES,
  checkCreditSettings,
  CUT_TOLERANCE,
  DEFAULT_CREDIT_SETTINGS,
  FACTOR_GROUPS,
  forIndustry,
  RATIO_IDS,
  RATIO_TOLERANCE,
  type AspectSpec,
  type Better,
  type CharacteristicGrade,
  type CreditPolicy,
  type CreditSettings,
  type CreditTables,
  type EffectiveCreditSettings,
  type EvaluationBand,
  type FactorGroup,
  type FactorSpec,
  type GradeBand,
  type GradeRisk,
  type IndustryOverride,
  type LimitClassSpec,
  type RatioBenchmark,
  type RatioId,
  type RiskLevel,
  type SettingsProblem
} from './settings';
export { DEFAULT_FACTORS } from './factor-defaults';
export {
  checkStatement,
  STATEMENT_FIELDS,
  ZERO_WHEN_BLANK,
  type Exclusion,
  type FinancialStatement,
  type StatementField,
  type StatementProblem
} from './statement';
export {
  analyseRatios,
  compareToBenchmark,
  LIQUIDITY_RATIOS,
  ratio,
  type Horizon,
  type NotComputableReason,
  type RatioAnalysis,
  type RatioComparison,
  type RatioResult,
  type RatioValue,
  type Verdict
} from './ratios';
export {
  bandForEvaluationValue,
  limitFromWorkingAssets,
  workingCapitalModel,
  type BandHit,
  type WorkingCapitalNote,
  type WorkingCapitalResult,
  type WorkingCapitalStatus
} from './working-capital';
export {
  characteristicModel,
  checkAspectSheet,
  gradeForTotal,
  type AspectScore,
  type AspectSheet,
  type CharacteristicResult,
  type FactorResult,
  type GroupSubtotal
} from './characteristic';
export {
  applyGradeFactor,
  creditGradeOf,
  evaluateCredit,
  limitClassOf,
  recommendLimit,
  type CreditEvaluation,
  type NoCreditReason,
  type Recommendation
} from './limit';
export {
  checkCreditSale,
  type CreditAgreementTerms,
  type CreditOverride,
  type CreditSaleCheckInput,
  type CreditSaleDecision,
  type OverrideProblem,
  type StopReason
} from './enforcement';
export {
  applyStep,
  isEvaluationLate,
  replayApplication,
  startApplication,
  type ApplicationState,
  type ApplicationStatus,
  type CreditStep,
  type CreditStepBody,
  type ReplayResult,
  type StepResult,
  type UrgentKind
} from './workflow';
export {
  checkCharacteristicCase,
  checkWorkingCapitalCase,
  formatOutcome,
  formatSummary,
  parseCreditCases,
  runCreditCases,
  type CaseOutcome,
  type CreditCaseFile,
  type ParseResult
} from './case-file';
