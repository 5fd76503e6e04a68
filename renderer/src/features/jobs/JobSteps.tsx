// The step checklist: each step the agent reports (a delete starts with its whole plan pending), its state in
// words and as a mark, and the host's detail when it gave one.
import type { JobStep } from '@shared/contract/jobs';
import { STEP_STATUS_LABEL } from './model/job-format';

const MARK: Record<JobStep['status'], string> = {
  pending: '○',
  started: '◐',
  succeeded: '✓',
  skipped: '–',
  failed: '✕',
};

export function JobSteps({ steps }: { steps: readonly JobStep[] }) {
  return (
    <section className="job-steps" aria-labelledby="job-steps-title">
      <h3 id="job-steps-title" className="job-view__section-title">
        Steps
      </h3>
      {steps.length === 0 ? (
        <p className="job-steps__empty" data-testid="job-steps">
          No steps reported yet.
        </p>
      ) : (
        <ol className="job-steps__list" data-testid="job-steps">
          {steps.map((step, index) => (
            <li
              key={step.id || index}
              className={`job-step job-step--${step.status}`}
              data-testid={`job-step-${step.id || index}`}
              data-status={step.status}
              aria-current={step.status === 'started' ? 'step' : undefined}
            >
              <span className="job-step__mark" aria-hidden="true">
                {MARK[step.status]}
              </span>
              <span className="job-step__name">{step.name || step.id}</span>
              <span className="job-step__status">{STEP_STATUS_LABEL[step.status]}</span>
              {step.detail && <span className="job-step__detail">{step.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
