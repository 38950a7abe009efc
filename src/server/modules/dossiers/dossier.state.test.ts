import { describe, expect, it } from 'vitest';
import { availableActions, decide, DOSSIER_ACTIONS, type MachineView, supplementStageFrom, TRANSITIONS } from './dossier.state.js';

const view = (o: Partial<MachineView>): MachineView => ({ status: 'received', currentStep: 'receive', supplementStage: null, hasUnpaidFees: false, ...o });

describe('dossier state machine', () => {
  it('walks the happy path: submitted → received → processing → result_ready → returned', () => {
    expect(decide('receive', view({ status: 'submitted' }))).toMatchObject({ ok: true, to: 'received' });
    expect(decide('assign', view({ status: 'received' }))).toMatchObject({ ok: true, to: 'processing' });
    expect(decide('approve', view({ status: 'processing', currentStep: 'appraise' }))).toMatchObject({ ok: true, to: 'processing' });
    expect(decide('complete', view({ status: 'processing', currentStep: 'approved' }))).toMatchObject({ ok: true, to: 'result_ready' });
    expect(decide('return', view({ status: 'result_ready' }))).toMatchObject({ ok: true, to: 'returned' });
  });

  it('sends a dossier with unpaid fees to the financial-obligation step on approval', () => {
    expect(decide('approve', view({ status: 'processing', currentStep: 'appraise', hasUnpaidFees: true }))).toMatchObject({ ok: true, to: 'awaiting_payment' });
    expect(decide('confirm-payment', view({ status: 'awaiting_payment' }))).toMatchObject({ ok: true, to: 'processing' });
  });

  it('a supplement returns the dossier to the stage it came from', () => {
    expect(supplementStageFrom('received')).toBe('intake');
    expect(supplementStageFrom('processing')).toBe('appraisal');
    expect(decide('submit-supplement', view({ status: 'supplement_requested', supplementStage: 'intake' }))).toMatchObject({ to: 'received' });
    expect(decide('submit-supplement', view({ status: 'supplement_requested', supplementStage: 'appraisal' }))).toMatchObject({ to: 'processing' });
  });

  it('refuses transitions from closed states and out-of-order steps', () => {
    for (const status of ['returned', 'refused', 'withdrawn', 'stopped'] as const) expect(availableActions(view({ status }))).toEqual([]);
    expect(decide('complete', view({ status: 'processing', currentStep: 'appraise' })).ok).toBe(false);
    expect(decide('approve', view({ status: 'processing', currentStep: 'receive' })).ok).toBe(false);
    expect(decide('return', view({ status: 'processing' })).ok).toBe(false);
  });

  it('every action names who may perform it, and only the applicant or the desk withdraws', () => {
    for (const a of DOSSIER_ACTIONS) for (const t of TRANSITIONS[a]) expect(t.by.length).toBeGreaterThan(0);
    expect(TRANSITIONS.withdraw[0].by.map((p) => p.role).sort()).toEqual(['citizen', 'counter_officer']);
    expect(TRANSITIONS.approve[0].by.map((p) => p.role)).toEqual(['leader']);
  });
});
