import { PROGRESS_STEPS, progressIndex, type TrackStage } from '@/lib/track/stage';
import type { Messages } from '@/lib/track/i18n';
import { cn } from '@/components/ui/cn';

/** received → scheduled → on the way → in progress → done, as an ordered list (the current step is marked for AT). */
export function TrackProgress({ stage, m }: { stage: TrackStage; m: Messages }) {
  const current = progressIndex(stage);
  return (
    <ol aria-label={m.progressLabel} className="grid grid-cols-5 gap-1">
      {PROGRESS_STEPS.map((step, i) => {
        const done = i < current || (i === current && stage === 'done');
        const isCurrent = i === current;
        return (
          <li
            key={step}
            aria-current={isCurrent ? 'step' : undefined}
            className="flex flex-col items-center text-center"
          >
            <span className="flex w-full items-center" aria-hidden="true">
              <span
                className={cn('h-1 flex-1 rounded', i === 0 ? 'invisible' : i <= current ? 'bg-brand' : 'bg-slate-200')}
              />
              <span
                className={cn(
                  'mx-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border-2 text-[10px] font-bold',
                  done
                    ? 'border-brand bg-brand text-brand-ink'
                    : isCurrent
                      ? 'border-brand bg-white'
                      : 'border-slate-300 bg-white',
                )}
              >
                {done ? '✓' : isCurrent ? <span className="size-2 rounded-full bg-brand" /> : null}
              </span>
              <span
                className={cn(
                  'h-1 flex-1 rounded',
                  i === PROGRESS_STEPS.length - 1 ? 'invisible' : i < current ? 'bg-brand' : 'bg-slate-200',
                )}
              />
            </span>
            <span
              className={cn(
                'mt-1.5 text-xs leading-tight',
                isCurrent ? 'font-semibold text-slate-900' : 'text-slate-600',
              )}
            >
              {m[`stage_${step}`]}
              {isCurrent && stage !== 'done' ? <span className="sr-only"> ({m.stepCurrent})</span> : null}
              {done ? <span className="sr-only"> ({m.stepDone})</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
