// The delete dialog's preview (issue 3): a plan-only delete of one lab VM through the host executor and its warm
// PowerShell session, against a cold `pwsh -File` run of the same plan measured in the same rounds (alternating,
// so load hits both). Target: warm at most 0.5 x cold. Measured by electron/core/hosts/bench-warm-plan.ts.
import { runWarmPlanBench } from '../../electron/core/hosts/bench-warm-plan';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';

const planPreview: BenchCase = {
  name: 'plan-preview',
  description: 'plan-only delete on the lab: warm session vs cold pwsh -File',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const figures = await runWarmPlanBench({ rounds: context.runs });
    const figureValue = (prefix: string) =>
      figures.find((figure) => figure.name.startsWith(prefix))?.value ?? Number.NaN;
    const cold = figureValue('plan-only, cold');
    const warm = figureValue('plan-only, warm session');
    context.log(`first call, session start included: ${Math.round(figureValue('plan-only, first call'))} ms`);
    return [
      {
        name: 'plan-only preview, call to plan',
        unit: 'ms',
        measured: warm,
        baseline: cold,
        baselineLabel: 'cold pwsh -File of the same plan',
        target: { kind: 'ratio-at-most', limit: 0.5 },
        runs: context.runs,
        note: 'warm session per host for read-only calls',
      },
    ];
  },
};

export default planPreview;
