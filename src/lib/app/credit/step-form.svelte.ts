/**
 * The state and rules of one workflow step's form (credit.md §1), for `components/credit/StepForm`:
 * who, when (blank: when saved), and the step's own fields with their defaults (an approval at the
 * recommendation, an agreement for a year from today). `save` hands the step to its command, which
 * checks it with the engine and writes it (a `sign` with its agreement) in one write.
 */
import type { ApplicationView } from '$lib/domain/credit/applications';
import { addDays } from '$lib/domain/dates';
import { parseYuan, yuanText } from '$lib/domain/money';
import { t } from '$lib/i18n/index.svelte';
import { takeCreditStep, type StepBody, type StepInput, type StepKind } from '../commands/credit';
import type { Writer } from '../commands/command';

export class StepFormManager<K extends StepKind = StepKind> {
  by = $state('');
  /** a `datetime-local` value; blank: the time the step is saved */
  at = $state('');
  reason = $state('');
  evaluationDue = $state('');
  limit = $state('');
  termDays = $state('');
  aboveReason = $state('');
  startDate = $state('');
  endDate = $state('');
  agreementNo = $state('');
  error = $state('');
  saving = $state(false);

  readonly limitFen = $derived(parseYuan(this.limit));
  readonly aboveRecommendation = $derived.by(() => this.kind === 'approve' && this.limitFen !== null && this.limitFen > this.recommended);

  constructor(
    readonly view: ApplicationView,
    readonly kind: K,
    today: string,
    preferredStaff: string
  ) {
    const approval = view.state?.approval ?? null;
    this.by = preferredStaff;
    this.evaluationDue = addDays(today, 30);
    this.limit = approval ? yuanText(approval.limit) : this.recommended > 0 ? yuanText(this.recommended) : '';
    this.termDays = String(approval?.termDays ?? view.termDays);
    this.startDate = today;
    this.endDate = addDays(addDays(today, 365), -1);
  }

  /** the evaluation's recommended limit (fen; 0 before an evaluation) */
  get recommended(): number {
    return this.view.state?.evaluation?.recommendedLimit ?? 0;
  }

  /** The step's own fields as typed, or null when the amount is not one. */
  body(): StepBody<StepKind> | null {
    const limit = this.limitFen;
    switch (this.kind) {
      case 'accept':
        return {};
      case 'fast-track':
        return { evaluationDue: this.evaluationDue };
      case 'reject':
      case 'revert':
        return { reason: this.reason.trim() };
      case 'approve':
        if (limit === null) return null;
        return this.aboveRecommendation
          ? { limit, termDays: Number(this.termDays), aboveRecommendationReason: this.aboveReason.trim() }
          : { limit, termDays: Number(this.termDays) };
      case 'sign':
        if (limit === null) return null;
        return { limit, termDays: Number(this.termDays), startDate: this.startDate, endDate: this.endDate };
      default:
        return null;
    }
  }

  /** Takes the step; true when it was written (else `error` says why, in the user's language). */
  async save(writer: Writer, agreements: StepInput['agreements']): Promise<boolean> {
    const body = this.body();
    if (body === null) {
      this.error = t('credit.amountInvalid');
      return false;
    }
    this.saving = true;
    const r = await takeCreditStep(writer, {
      view: this.view,
      kind: this.kind,
      body,
      by: this.by,
      at: this.at ? new Date(this.at).getTime() : null,
      agreements,
      agreementNo: this.agreementNo
    });
    this.saving = false;
    this.error = r.ok ? '' : r.message;
    return r.ok;
  }
}
