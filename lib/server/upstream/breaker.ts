/**
 * Circuit breaker of the upstream gateway. Without it, every request during an API outage waits out its own
 * timeouts and retries (a customer's lookup took 24.5 s to say 503). After `threshold` connection failures or timeouts
 * in a row the circuit opens: requests fail at once (UpstreamUnavailable → 503 within milliseconds) while a
 * background probe checks whether the API answers again, first after `openMs`, then at doubling intervals up to
 * `maxOpenMs`. Any HTTP answer (probe or a request already on the wire) closes it. HTTP error statuses are answers,
 * not failures: only a silent or unreachable API opens the circuit.
 */
import 'server-only';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  threshold?: number;
  /** First wait before a probe, ms. */
  openMs?: number;
  /** Longest wait between probes, ms. */
  maxOpenMs?: number;
  /** Resolves true when the API answered (any status). */
  probe: () => Promise<boolean>;
  now?: () => number;
  onChange?: (state: 'open' | 'closed', detail: string) => void;
}

export class CircuitBreaker {
  private failures = 0;
  private open = false;
  private nextProbeAt = 0;
  private interval: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly maxOpenMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: BreakerOptions) {
    this.threshold = Math.max(1, opts.threshold ?? 3);
    this.openMs = opts.openMs ?? 5_000;
    this.maxOpenMs = opts.maxOpenMs ?? 60_000;
    this.interval = this.openMs;
    this.now = opts.now ?? Date.now;
  }

  isOpen(): boolean {
    return this.open;
  }

  /** Seconds until the next background probe (for messages). */
  nextProbeInS(): number {
    return Math.max(1, Math.ceil((this.nextProbeAt - this.now()) / 1000));
  }

  /** The API answered. */
  success(): void {
    this.failures = 0;
    if (this.open) this.close('the API answered');
  }

  /** A connection failure or a timeout. */
  failure(): void {
    this.failures++;
    if (!this.open && this.failures >= this.threshold) {
      this.open = true;
      this.interval = this.openMs;
      this.opts.onChange?.('open', `${this.failures} connection failures or timeouts in a row`);
      this.schedule();
    }
  }

  /** Stops the probe timer (tests, shutdown). */
  stop(): void {
    clearTimeout(this.timer);
  }

  private close(detail: string) {
    this.open = false;
    this.failures = 0;
    clearTimeout(this.timer);
    this.opts.onChange?.('closed', detail);
  }

  private schedule() {
    clearTimeout(this.timer);
    this.nextProbeAt = this.now() + this.interval;
    this.timer = setTimeout(() => void this.runProbe(), this.interval);
    // A waiting probe must not keep a stopping process alive.
    this.timer.unref?.();
  }

  private async runProbe() {
    if (!this.open) return;
    let ok = false;
    try {
      ok = await this.opts.probe();
    } catch {
      ok = false;
    }
    if (!this.open) return; // a request's answer closed it meanwhile
    if (ok) return this.close('a background check reached the API');
    this.interval = Math.min(this.maxOpenMs, this.interval * 2);
    this.schedule();
  }
}
