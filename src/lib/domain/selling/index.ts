/**
 * The selling engine (shared/domain/sales.md, issue 12): quotes, opportunity stages and the
 * forecast, commission on collected revenue, RFM and ABC segments, project stage tracking, cost
 * to serve and campaign response. Pure TypeScript for Node, workers and the browser; amounts are
 * integer fen; "today" is always a parameter. Choices where the spec is silent: ./README.md.
 */
export * from './problems';
export * from './exact';
export * from './quotes';
export * from './forecast';
export * from './commission';
export * from './segments';
export * from './projects';
export * from './cost-to-serve';
export * from './case-file';
