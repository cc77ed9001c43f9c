/**
 * A number of requests set aside for one purpose (the reasons of failed runs), counted as they
 * are sent: a retry takes one as the first attempt does, so the count holds whatever fails.
 */
export class CallBudget {
  private used = 0;
  constructor(
    readonly calls: number,
    /** What the calls are for, as the error names it: `reasons`. */
    readonly purpose: string,
  ) {}

  get left(): number {
    return this.calls - this.used;
  }

  /** Takes one call, or throws CallBudgetSpent when none is left. */
  take(): void {
    if (this.used >= this.calls) throw new CallBudgetSpent(this);
    this.used += 1;
  }
}

/** No call was left of the budget: the request was not sent. */
export class CallBudgetSpent extends Error {
  override readonly name = 'CallBudgetSpent';
  constructor(budget: CallBudget) {
    super(`not sent: the ${budget.calls} calls set aside for ${budget.purpose} are spent`);
  }
}
