/**
 * Registry entries of the baselines (docs/papers/baselines.md): PyTorch's SGD, Adam, AdamW and AMSGrad,
 * LAMB, and the scheduled-weight-decay paper's comparison optimizers AdaBound, Yogi and RAdam.
 */
import { ADABOUND_DEFAULTS, AdaBound, type AdaBoundOptions } from '../baselines/adabound.js';
import { ADAM_DEFAULTS, Adam, type AdamOptions } from '../baselines/adam.js';
import { ADAMW_DEFAULTS, AdamW } from '../baselines/adamw.js';
import { AMSGRAD_DEFAULTS, AmsGrad } from '../baselines/amsgrad.js';
import { LAMB_DEFAULTS, Lamb, type LambOptions } from '../baselines/lamb.js';
import { RADAM_DEFAULTS, RAdam, type RAdamOptions } from '../baselines/radam.js';
import { SGD_DEFAULTS, Sgd, type SgdOptions } from '../baselines/sgd.js';
import { YOGI_DEFAULTS, Yogi, type YogiOptions } from '../baselines/yogi.js';
import type { OptimizerOptions } from '../optimizer.js';
import type { RegistryEntry } from './entry.js';
import { type HyperTable, hyperParameters } from './hyperparameter.js';
import { beta, bool, choice, eps, lr, nonNegative, num, ONE, weightDecay, ZERO, ZERO_OPEN, INFINITY } from './spec-helpers.js';
import { commonParameters } from './common.js';

const DOCS = 'docs/papers/baselines.md';
const TORCH = 'PyTorch torch.optim defaults';

const SGD_TABLE: HyperTable<SgdOptions> = {
  lr: lr('η', `${TORCH} (1e-3)`),
  momentum: num('μ', 'momentum factor', TORCH, ZERO, ONE, { reference: { key: 'momentum' } }),
  dampening: num('τ', 'dampening of the gradient added to the buffer (not on the first step)', TORCH, ZERO, ONE, { reference: { key: 'dampening' } }),
  weightDecay: weightDecay('L2, added to the gradient', TORCH),
  nesterov: bool('nesterov', 'Nesterov momentum (needs μ > 0 and τ = 0)', TORCH, { key: 'nesterov' }),
  maximize: bool('maximize', 'ascend instead of descend', TORCH),
};

export const sgdEntry: RegistryEntry<SgdOptions, OptimizerOptions<SgdOptions>> = {
  name: 'sgd',
  title: 'SGD',
  citation: { authors: 'Robbins & Monro; Polyak; Sutskever et al.', title: 'Stochastic gradient descent with momentum', venue: 'PyTorch torch.optim.SGD', code: 'pytorch/pytorch torch/optim/sgd.py' },
  file: 'src/baselines/sgd.ts',
  docs: DOCS,
  reference: { optimizer: 'SGD' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', SGD_TABLE, SGD_DEFAULTS), ...commonParameters()],
  variants: [{ name: 'pytorch', description: 'torch.optim.SGD', source: TORCH, settings: {} }],
  create: (groups, options) => new Sgd(groups, options),
};

const adamTable = (wdSource: string): HyperTable<AdamOptions> => ({
  lr: lr('η', 'Kingma & Ba, Algorithm 1 (α = 1e-3)'),
  beta1: beta(1, 'Kingma & Ba, Algorithm 1'),
  beta2: beta(2, 'Kingma & Ba, Algorithm 1'),
  eps: eps('Kingma & Ba, Algorithm 1 (PyTorch form: added to √v/√(1−β₂ᵗ))'),
  weightDecay: weightDecay("'l2': added to the gradient; 'decoupled': θ ← θ·(1 − η·λ) first", wdSource),
  weightDecayMode: choice('weight decay mode', "how λ acts: 'l2' (Adam) or 'decoupled' (AdamW)", ['l2', 'decoupled'], TORCH, { key: 'weight_decay_mode' }),
  amsgrad: bool('AMSGrad', 'keep the running max of the raw v, bias-corrected with the current t', TORCH, { key: 'amsgrad' }),
});

const KINGMA = { authors: 'D. P. Kingma, J. Ba', title: 'Adam: A Method for Stochastic Optimization', venue: 'ICLR 2015', arxiv: '1412.6980', code: 'pytorch/pytorch torch/optim/adam.py' };

export const adamEntry: RegistryEntry<AdamOptions, OptimizerOptions<AdamOptions>> = {
  name: 'adam',
  title: 'Adam',
  citation: KINGMA,
  file: 'src/baselines/adam.ts',
  docs: DOCS,
  reference: { optimizer: 'Adam' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', adamTable(`${TORCH} (0)`), ADAM_DEFAULTS), ...commonParameters()],
  variants: [{ name: 'pytorch', description: 'torch.optim.Adam (ε added to √v̂)', source: TORCH, settings: {} }],
  create: (groups, options) => new Adam(groups, options),
};

export const adamwEntry: RegistryEntry<AdamOptions, OptimizerOptions<AdamOptions>> = {
  name: 'adamw',
  title: 'AdamW',
  citation: { authors: 'I. Loshchilov, F. Hutter', title: 'Decoupled Weight Decay Regularization', venue: 'ICLR 2019', arxiv: '1711.05101', code: 'pytorch/pytorch torch/optim/adamw.py' },
  file: 'src/baselines/adamw.ts',
  docs: DOCS,
  reference: { optimizer: 'AdamW' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', adamTable(`${TORCH} (AdamW: 1e-2)`), { ...ADAM_DEFAULTS, ...ADAMW_DEFAULTS }), ...commonParameters()],
  variants: [{ name: 'pytorch', description: 'torch.optim.AdamW (λ·η decay before the step)', source: TORCH, settings: {} }],
  create: (groups, options) => new AdamW(groups, options),
};

export const amsgradEntry: RegistryEntry<AdamOptions, OptimizerOptions<AdamOptions>> = {
  name: 'amsgrad',
  title: 'AMSGrad',
  citation: { authors: 'S. J. Reddi, S. Kale, S. Kumar', title: 'On the Convergence of Adam and Beyond', venue: 'ICLR 2018', arxiv: '1904.09237', code: 'pytorch/pytorch torch/optim/adam.py (amsgrad=True)' },
  file: 'src/baselines/amsgrad.ts',
  docs: DOCS,
  reference: { optimizer: 'Adam(amsgrad)' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', adamTable(`${TORCH} (0)`), { ...ADAM_DEFAULTS, ...AMSGRAD_DEFAULTS }), ...commonParameters()],
  variants: [{ name: 'pytorch', description: 'torch.optim.Adam with amsgrad=True', source: TORCH, settings: {} }],
  create: (groups, options) => new AmsGrad(groups, options),
};

const LAMB_SOURCE = 'You et al., §4 (BERT setting)';
const LAMB_TABLE: HyperTable<LambOptions> = {
  lr: lr('η', 'You et al., Algorithm 2'),
  beta1: beta(1, LAMB_SOURCE),
  beta2: beta(2, LAMB_SOURCE),
  eps: eps(`${LAMB_SOURCE} (1e-6)`),
  weightDecay: weightDecay('decoupled, inside the trust-ratio step u = r + λθ', `${LAMB_SOURCE} (0.01)`, { referenceDefault: 0 }),
  biasCorrection: bool('bias correction', 'bias-correct m and v (false: the v3 reference form)', 'You et al., Algorithm 2 (final version)', { key: 'bias_correction' }),
  phi: choice('φ', "trust-ratio scaling of ‖θ‖: 'identity' (paper) or 'min10' = min(‖θ‖, 10) (v3 reference)", ['identity', 'min10'], 'You et al., Algorithm 2', {
    key: 'phi',
    values: { identity: 'identity', min10: 'min(||w||, 10)' },
  }),
};

export const lambEntry: RegistryEntry<LambOptions, OptimizerOptions<LambOptions>> = {
  name: 'lamb',
  title: 'LAMB',
  citation: { authors: 'Y. You et al.', title: 'Large Batch Optimization for Deep Learning: Training BERT in 76 minutes', venue: 'ICLR 2020', arxiv: '1904.00962' },
  file: 'src/baselines/lamb.ts',
  docs: DOCS,
  reference: { optimizer: 'LAMB' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', LAMB_TABLE, LAMB_DEFAULTS), ...commonParameters()],
  variants: [
    { name: 'paper', description: 'final paper: bias-corrected, φ = identity', source: 'You et al., Algorithm 2', settings: {} },
    { name: 'v3', description: 'the widely used v3 reference: no bias correction, φ = min(‖θ‖, 10)', source: 'cybertronai/pytorch-lamb', settings: { biasCorrection: false, phi: 'min10' } },
  ],
  create: (groups, options) => new Lamb(groups, options),
};

const ADABOUND_CODE = 'Luolc/AdaBound adabound.py';
const ADABOUND_TABLE: HyperTable<AdaBoundOptions> = {
  lr: lr('η', `${ADABOUND_CODE} (1e-3)`),
  beta1: beta(1, ADABOUND_CODE),
  beta2: beta(2, ADABOUND_CODE),
  finalLr: num('η*', 'the SGD-like lr the bounds converge to', `${ADABOUND_CODE} (0.1)`, ZERO_OPEN, INFINITY, { reference: { key: 'final_lr' } }),
  gamma: num('γ', 'convergence speed of the bounds', `${ADABOUND_CODE} (1e-3)`, ZERO_OPEN, INFINITY, { reference: { key: 'gamma' } }),
  eps: eps(ADABOUND_CODE, 'added to √v'),
  weightDecay: weightDecay('L2, added to the gradient', ADABOUND_CODE),
  amsbound: bool('AMSBound', 'use the running max of v', ADABOUND_CODE, { key: 'amsbound' }),
  initialLr: num('η_init', "the lr finalLr is relative to (null: the group's lr at construction, as the code's base_lr)", ADABOUND_CODE, ZERO_OPEN, INFINITY, {
    schedulable: false,
    nullable: true,
  }),
};

export const adaboundEntry: RegistryEntry<AdaBoundOptions, OptimizerOptions<AdaBoundOptions>> = {
  name: 'adabound',
  title: 'AdaBound',
  citation: { authors: 'L. Luo, Y. Xiong, Y. Liu, X. Sun', title: 'Adaptive Gradient Methods with Dynamic Bound of Learning Rate', venue: 'ICLR 2019', arxiv: '1902.09843', code: ADABOUND_CODE },
  file: 'src/baselines/adabound.ts',
  docs: DOCS,
  reference: { optimizer: 'AdaBound' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', ADABOUND_TABLE, ADABOUND_DEFAULTS), ...commonParameters()],
  variants: [{ name: 'code', description: "the authors' code (no extra 1/√t factor)", source: ADABOUND_CODE, settings: {} }],
  create: (groups, options) => new AdaBound(groups, options),
};

const YOGI_CODE = 'jettify/pytorch-optimizer yogi.py';
const YOGI_TABLE: HyperTable<YogiOptions> = {
  lr: lr('η', `${YOGI_CODE} (1e-2)`),
  beta1: beta(1, YOGI_CODE),
  beta2: beta(2, YOGI_CODE),
  eps: eps(`${YOGI_CODE} (1e-3)`, 'added to √v̂'),
  weightDecay: weightDecay('L2, added to the gradient', YOGI_CODE),
  initialAccumulator: nonNegative('v₀', 'initial value of m and v', `${YOGI_CODE} (1e-6)`, { schedulable: false, reference: { key: 'initial_accumulator' } }),
};

export const yogiEntry: RegistryEntry<YogiOptions, OptimizerOptions<YogiOptions>> = {
  name: 'yogi',
  title: 'Yogi',
  citation: { authors: 'M. Zaheer, S. J. Reddi, D. Sachan, S. Kale, S. Kumar', title: 'Adaptive Methods for Nonconvex Optimization', venue: 'NeurIPS 2018', code: YOGI_CODE },
  file: 'src/baselines/yogi.ts',
  docs: DOCS,
  reference: { optimizer: 'Yogi' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', YOGI_TABLE, YOGI_DEFAULTS), ...commonParameters()],
  variants: [{ name: 'code', description: 'torch-optimizer semantics', source: YOGI_CODE, settings: {} }],
  create: (groups, options) => new Yogi(groups, options),
};

const RADAM_CODE = 'LiyuanLucasLiu/RAdam radam.py';
const RADAM_TABLE: HyperTable<RAdamOptions> = {
  lr: lr('η', `${RADAM_CODE} (1e-3)`),
  beta1: beta(1, RADAM_CODE),
  beta2: beta(2, RADAM_CODE),
  eps: eps(RADAM_CODE, 'added to √v'),
  weightDecay: weightDecay('decoupled θ·(1 − λη), only on steps that update', RADAM_CODE),
  degeneratedToSgd: bool('degenerated_to_sgd', 'take an SGD-momentum step while ρ_t < 5', `${RADAM_CODE} (current version: false)`, { key: 'degenerated_to_sgd' }),
};

export const radamEntry: RegistryEntry<RAdamOptions, OptimizerOptions<RAdamOptions>> = {
  name: 'radam',
  title: 'RAdam',
  citation: { authors: 'L. Liu et al.', title: 'On the Variance of the Adaptive Learning Rate and Beyond', venue: 'ICLR 2020', arxiv: '1908.03265', code: RADAM_CODE },
  file: 'src/baselines/radam.ts',
  docs: DOCS,
  reference: { optimizer: 'RAdam' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', RADAM_TABLE, RADAM_DEFAULTS), ...commonParameters()],
  variants: [{ name: 'code', description: "the authors' code", source: RADAM_CODE, settings: {} }],
  create: (groups, options) => new RAdam(groups, options),
};
