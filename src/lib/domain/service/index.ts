/** The pure engine of "keeping customers" (issue 11); see ./README.md. */
export * from './problems';
export * from './signals';
export * from './flags';
export * from './working-days';
export * from './complaints';
export * from './staffing';
export * from './development';
export * from './loss';
export * from './purchases';
export * from './monthly';
export * from './event-follow-ups';
export {
  parseServiceCases,
  runServiceCases,
  checkCase,
  formatOutcome,
  formatSummary,
  SECTION_NAMES,
  type ServiceCase,
  type ServiceCaseFile,
  type CaseOutcome,
  type Section
} from './case-file';
export * from './complaint-fields';
export * from './complaint-settings';
export * from './complaint-book';
export * from './complaint-rules';
