// The types of instrumentation-audit.json and baseline-metrics.json come from their contracts
// (src/artifacts/contracts/), which also generate schemas/*.schema.json.
export type {
  CheckRequest,
  CoverageGap,
  CoverageStatus,
  GapPriority,
  InstrumentationAudit,
  Measurement,
  ServiceAudit,
  SignalCoverage
} from '../artifacts/contracts/instrumentation-audit.js'
export type { BaselineMetrics, BaselineValue, ClaimCheck, PreviousComparison } from '../artifacts/contracts/baseline-metrics.js'
