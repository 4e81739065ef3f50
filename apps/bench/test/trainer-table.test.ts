/** The trainer rows' table: overhead is the trainer's ms/step over the hand loop's phases, steps/s its inverse. */
import { describe, expect, it } from 'vitest';
import { TRAINER_WORKLOAD_NAMES, type TrainerMeasurement, trainerTable } from '../src/trainer-workloads.js';
import { parseArgs } from '../src/args.js';

const row: TrainerMeasurement = {
  workload: 'trainer-resnet8-b64',
  parameters: 78042,
  trainerMs: 210,
  handMs: 200,
  trainerCpuMs: 300,
  handCpuMs: 290,
  rawMs: 180,
  phases: { data: 4, augmentation: 6, forward: 80, backward: 100, optimizer: 10 },
  extras: { metrics: 0.05, checkpoint: Number.NaN, planning: 0.01 },
};

describe('trainer rows', () => {
  it('report steps/s, the overhead over the hand loop, and the profile', () => {
    const lines = trainerTable([row]);
    const main = lines.find((l) => l.startsWith('| trainer-resnet8-b64 | 78,042'));
    // 210 / 200 (the hand loop's data + aug + fwd + bwd + opt) = 1.05 → +5.0%; 1000 / 210 = 4.8 steps/s.
    expect(main).toBe('| trainer-resnet8-b64 | 78,042 | 210 | 4.8 | 180 | 200 | +5.0% (target < 5%) | 300 / 290 | +3.4% |');
    expect(lines.some((l) => l.startsWith('| trainer-resnet8-b64 | 4.0 | 6.0 | 80.0 | 100 | 10.0 | 0.050 | — | 0.010 |'))).toBe(true);
    expect(trainerTable([])).toEqual([]);
  });

  it('are selectable with --workloads', () => {
    expect(parseArgs(['--workloads', TRAINER_WORKLOAD_NAMES.join(',')]).workloads).toEqual(TRAINER_WORKLOAD_NAMES);
  });
});
