/**
 * Registry entries of the four papers: ND-Adam (docs/papers/nd-adam.md), Padam (docs/papers/padam.md),
 * AdamS and SGDS (docs/papers/adams-sgds.md), and LAWN around Adam, LAMB and SGD-momentum
 * (docs/papers/lawn.md).
 */
import { assertOptionsObject, type OptimizerOptions } from '../optimizer.js';
import { ADAMS_DEFAULTS, ADAMS_SETTINGS_DEFAULTS, AdamS, type AdamSOptions, type AdamSSettings } from '../papers/adams.js';
import { LAWN_DEFAULTS, Lawn, type LawnOptions } from '../papers/lawn.js';
import { LAWN_SETTINGS_DEFAULTS, type LawnBase, type LawnSettings, lawnTitle } from '../papers/lawn-settings.js';
import { ND_ADAM_CODE_SETTINGS, NdAdam, type NdAdamOptions, ndAdamDefaults } from '../papers/nd-adam.js';
import { PADAM_DEFAULTS, Padam, type PadamOptions } from '../papers/padam.js';
import { SGDS_DEFAULTS, Sgds, type SgdsOptions } from '../papers/sgds.js';
import { OptimizerError, show } from '../errors.js';
import { commonParameters } from './common.js';
import type { Citation, RegistryEntry } from './entry.js';
import { type HyperTable, hyperParameters } from './hyperparameter.js';
import { beta, bool, choice, eps, lr, nonNegative, num, ONE, ONE_OPEN, weightDecay, ZERO, INFINITY } from './spec-helpers.js';

// ---- Padam ----------------------------------------------------------------------------------------

const PADAM_CITATION: Citation = {
  authors: 'J. Chen, D. Zhou, Y. Tang, Z. Yang, Y. Cao, Q. Gu',
  title: 'Closing the Generalization Gap of Adaptive Gradient Methods in Training Deep Neural Networks',
  venue: 'IJCAI 2020',
  arxiv: '1806.06763',
  code: 'uclaml/Padam Padam.py',
};
const PADAM_RUNS = 'Chen et al., App. C.2 (CIFAR); uclaml/Padam run_cnn_test_cifar10.py';

const PADAM_TABLE: HyperTable<PadamOptions> = {
  lr: lr('α_t', `${PADAM_RUNS} (0.1)`, 'base step size'),
  p: num('p', 'partial adaptive parameter: ½ = AMSGrad, 0 = SGD-momentum', 'Chen et al., §5.3 and App. C.2 (1/8: "a stable and reliable choice")', ZERO, { value: 0.5 }, {
    reference: { key: 'partial' },
    referenceDefault: 0.25,
  }),
  beta1: beta(1, PADAM_RUNS),
  beta2: beta(2, PADAM_RUNS),
  eps: eps('uclaml/Padam Padam.py (1e-8)', 'added to √v̂ inside the power: (√v̂ + ε)^{2p}'),
  weightDecay: weightDecay('L2, added to the gradient', `${PADAM_RUNS} (5e-4)`, { referenceDefault: 0 }),
  amsgrad: bool('max v̂', 'keep the running max v̂ (Algorithm 1; false: the raw v)', 'Chen et al., Algorithm 1; Padam.py (True)', { key: 'amsgrad' }),
  biasCorrection: choice(
    'bias correction',
    "'code': α·√(1−β₂ᵗ)/(1−β₁ᵗ) (authors' code, every table); 'none': Algorithm 1 as printed; 'consistent': (1−β₂ᵗ)^p/(1−β₁ᵗ)",
    ['code', 'none', 'consistent'],
    'uclaml/Padam Padam.py; Chen et al., Algorithm 1',
    { key: 'bias_correction' },
  ),
};

export const padamEntry: RegistryEntry<PadamOptions, OptimizerOptions<PadamOptions>> = {
  name: 'padam',
  title: 'Padam',
  citation: PADAM_CITATION,
  file: 'src/papers/padam.ts',
  docs: 'docs/papers/padam.md',
  reference: { optimizer: 'Padam' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', PADAM_TABLE, PADAM_DEFAULTS), ...commonParameters()],
  variants: [
    { name: 'code', description: "the authors' code and CIFAR setting (every table)", source: PADAM_RUNS, settings: {} },
    { name: 'algorithm-1', description: 'Algorithm 1 as printed: no bias correction, no ε', source: 'Chen et al., Algorithm 1', settings: { biasCorrection: 'none', eps: 0 } },
    { name: 'consistent', description: 'the reverted consistent bias correction (commit edcf85c)', source: 'uclaml/Padam commit edcf85c', settings: { biasCorrection: 'consistent' } },
  ],
  create: (groups, options) => new Padam(groups, options),
};

// ---- ND-Adam --------------------------------------------------------------------------------------

const ND_PAPER = 'Zhang et al., §5.2';
const ND_CODE = 'zj10/ND-Adam PyTorch main.py';

const ND_ADAM_TABLE: HyperTable<NdAdamOptions> = {
  lr: lr('α^s', `${ND_PAPER} (0.001); ${ND_CODE}: 0.04`, 'learning rate of the scalar parameters θ^s'),
  lrVector: nonNegative('α^v', 'learning rate of the unit vectors θ^v', `${ND_PAPER} (0.05; TF code: 50·α^s); ${ND_CODE}: 0.04`, { reference: { key: 'lr_vector' } }),
  beta1: beta(1, ND_PAPER),
  beta2: beta(2, `${ND_PAPER} (0.999); ${ND_CODE}: 0.99`),
  eps: eps(`${ND_PAPER} (1e-8)`, "added to √v̂ ('paper') or to √v before bias correction ('code')"),
  weightDecay: weightDecay('L2 on the scalars θ^s only', `${ND_PAPER} (none); ${ND_CODE}: 5e-6`, { reference: { key: 'scalar_weight_decay' } }),
  variant: choice('variant', "'paper': Algorithm 1 (also the TF code); 'code': the authors' PyTorch ε-hat form", ['paper', 'code'], 'Zhang et al., Algorithm 1; zj10/ND-Adam', {
    key: 'variant',
  }),
  normalizeAtInit: bool('(L0)', 'normalize each unit vector once at construction', 'Zhang et al., Algorithm 1 (true); both codes skip it', { key: 'normalize_at_init' }),
};

export const ndAdamEntry: RegistryEntry<NdAdamOptions, OptimizerOptions<NdAdamOptions>> = {
  name: 'nd-adam',
  title: 'ND-Adam',
  citation: { authors: 'Z. Zhang, L. Ma, Z. Li, C. Wu', title: 'Normalized Direction-preserving Adam', venue: 'arXiv preprint', arxiv: '1709.04546', code: 'zj10/ND-Adam' },
  file: 'src/papers/nd-adam.ts',
  docs: 'docs/papers/nd-adam.md',
  reference: { optimizer: 'ND-Adam' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', ND_ADAM_TABLE, ndAdamDefaults('paper')), ...commonParameters()],
  variants: [
    { name: 'paper', description: 'Algorithm 1 with the paper\'s settings (TF experiments)', source: ND_PAPER, settings: {} },
    {
      name: 'code',
      description: "the authors' PyTorch run (their WRN table): ε-hat form, one lr 0.04, β₂ 0.99, L2 5e-6 on the scalars, no normalization at build",
      source: ND_CODE,
      settings: { variant: 'code', ...ND_ADAM_CODE_SETTINGS },
    },
  ],
  create: (groups, options) => new NdAdam(groups, options),
};

// ---- AdamS / SGDS ---------------------------------------------------------------------------------

const SWD_CITATION: Citation = {
  authors: 'Z. Xie, Z. Xu, J. Zhang, I. Sato, M. Sugiyama',
  title: 'On the Overlooked Pitfalls of Weight Decay and How to Mitigate Them: A Gradient-Norm Perspective',
  venue: 'NeurIPS 2023',
  arxiv: '2011.11152',
  code: 'zeke-xie/stable-weight-decay-regularization swd_optim/',
};
const SWD_RUNS = 'Xie et al., App. B.1';

const ADAMS_TABLE: HyperTable<AdamSOptions> = {
  lr: lr('η', `${SWD_RUNS} (1e-3)`),
  beta1: beta(1, SWD_RUNS),
  beta2: beta(2, SWD_RUNS),
  eps: eps(`${SWD_RUNS} (1e-8)`),
  weightDecay: weightDecay('scheduled: θ ← θ·(1 − η·λ/√v̄)', `${SWD_RUNS} (5e-4; the authors' class default is 1e-4)`),
  amsgrad: bool('AMSGrad', 'v̂ and v̄ from the running max of v', 'swd_optim/adams.py (False)', { key: 'amsgrad' }),
};
const ADAMS_SETTINGS_TABLE: HyperTable<AdamSSettings> = {
  vbarFloor: nonNegative('v̄ floor', 'replaces v̄ by max(v̄, vbarFloor); 0 = none (v̄ = 0 with λ ≠ 0 is an error)', 'Xie et al., §4 (a small constant for full-batch training)', {
    schedulable: false,
  }),
};

export const adamsEntry: RegistryEntry<AdamSOptions, OptimizerOptions<AdamSOptions> & Partial<AdamSSettings>> = {
  name: 'adams',
  title: 'AdamS',
  citation: SWD_CITATION,
  file: 'src/papers/adams.ts',
  docs: 'docs/papers/adams-sgds.md',
  reference: { optimizer: 'AdamS' },
  fixed: {},
  hyperparameters: [
    ...hyperParameters('group', ADAMS_TABLE, ADAMS_DEFAULTS),
    ...hyperParameters('optimizer', ADAMS_SETTINGS_TABLE, ADAMS_SETTINGS_DEFAULTS),
    ...commonParameters(),
  ],
  variants: [{ name: 'paper', description: 'Algorithm 2 with the paper\'s experiment settings', source: SWD_RUNS, settings: {} }],
  create: (groups, options) => new AdamS(groups, options),
};

const SGDS_TABLE: HyperTable<SgdsOptions> = {
  lr: lr('η', `${SWD_RUNS} (0.1)`),
  momentum: num('μ', 'momentum factor (μ = 1 is refused: the decay divides by 1 − μ)', `${SWD_RUNS} (0.9)`, ZERO, ONE_OPEN, { reference: { key: 'momentum' } }),
  dampening: num('τ', 'dampening of the gradient added to the buffer', 'swd_optim/sgds.py (0)', ZERO, ONE, { reference: { key: 'dampening' } }),
  weightDecay: weightDecay('scheduled: θ ← θ·(1 − ((1−τ)/(1−μ))·η·λ)', `${SWD_RUNS} (5e-4)`),
  nesterov: bool('nesterov', 'Nesterov momentum', 'swd_optim/sgds.py (False)', { key: 'nesterov' }),
};

export const sgdsEntry: RegistryEntry<SgdsOptions, OptimizerOptions<SgdsOptions>> = {
  name: 'sgds',
  title: 'SGDS',
  citation: SWD_CITATION,
  file: 'src/papers/sgds.ts',
  docs: 'docs/papers/adams-sgds.md',
  reference: { optimizer: 'SGDS' },
  fixed: {},
  hyperparameters: [...hyperParameters('group', SGDS_TABLE, SGDS_DEFAULTS), ...commonParameters()],
  variants: [{ name: 'code', description: "the authors' swd_optim/sgds.py with the paper's settings", source: SWD_RUNS, settings: {} }],
  create: (groups, options) => new Sgds(groups, options),
};

// ---- LAWN -----------------------------------------------------------------------------------------

const LAWN_CITATION: Citation = {
  authors: 'A. Gupta, R. Ramanath, J. Shi, A. Ramachandran, S. Zhou, M. Zhou, S. S. Keerthi',
  title: 'Logit Attenuating Weight Normalization',
  venue: 'arXiv preprint',
  arxiv: '2108.05839',
};
const LAWN_PAPER = 'Gupta et al., §4';

/** The per-group options of a LAWN base (the base's, without weight decay). */
const LAWN_TABLE: HyperTable<LawnOptions> = {
  lr: lr('η_t', `${LAWN_PAPER} (tuned peak lr with warmup and linear decay; gapkit default 1e-3)`),
  beta1: beta(1, `${LAWN_PAPER} (Adam, LAMB bases)`),
  beta2: beta(2, `${LAWN_PAPER} (Adam, LAMB bases)`),
  eps: eps(`${LAWN_PAPER}: "the rest of the adaptive optimizers use 1e-6" (Adam, LAMB bases)`),
  momentum: num('μ', 'momentum factor (SGD base)', `${LAWN_PAPER} (0.9)`, ZERO, ONE_OPEN, { reference: { key: 'momentum' } }),
  nesterov: bool('nesterov', 'Nesterov momentum (SGD base)', 'gapkit (off)', { key: 'nesterov' }),
  biasCorrection: bool('bias correction', 'bias-correct m and v (LAMB base)', 'You et al., Algorithm 2 (on)', { key: 'bias_correction' }),
  phi: choice('φ', "free phase trust-ratio scaling (LAMB base); the constrained phase always uses 'identity'", ['identity', 'min10'], 'docs/papers/lawn.md (LAMB-LAWN)', {
    key: 'phi',
    values: { identity: 'identity', min10: 'min(||w||, 10)' },
  }),
};

const LAWN_SETTINGS_TABLE: HyperTable<Omit<LawnSettings, 'base'>> = {
  freeSteps: num('E_free', 'length of the free phase in steps (else freeEpochs·stepsPerEpoch)', 'Gupta et al., Algorithm 1', ZERO, INFINITY, {
    integer: true,
    schedulable: false,
    reference: { key: 'free_steps' },
  }),
  freeEpochs: nonNegative('E_free', 'length of the free phase in epochs', 'Gupta et al., §4 (fewer than 10 works well; gapkit default 5)', { schedulable: false }),
  stepsPerEpoch: num('steps per epoch', 'converts freeEpochs to steps', 'gapkit', ONE, INFINITY, { integer: true, schedulable: false }),
  resetMomentsAtSwitch: bool(
    'reset at switch',
    "zero the constrained tensors' moments at the switch and restart their t at 1 (the other reading of Algorithm 1)",
    'docs/papers/lawn.md (Algorithm 1 does not settle it; default: carried over)',
    { key: 'reset_moments_at_switch' },
  ),
  constrainEmbeddings: bool(
    'embeddings constrained',
    "constrain role 'embedding' beside conv and linear weights (false: the narrower set, conv and linear weights only)",
    'Gupta et al. bound "the weights of the entire network"; docs/papers/lawn.md',
  ),
  onlyTag: { kind: 'text', symbol: 'tag', description: "constrain only tensors with this tag (e.g. 'final-homogeneous')", source: 'Gupta et al., abstract' },
  constrainedParams: {
    kind: 'names',
    symbol: 'constrained set',
    description: 'explicit names of the constrained tensors (overrides the rules above)',
    source: 'gapkit',
    reference: { key: 'constrained_params' },
  },
};

type LawnCreateOptions = OptimizerOptions<LawnOptions> & Partial<Omit<LawnSettings, 'base'>>;

function lawnEntry(base: LawnBase, name: string, file: string): RegistryEntry<LawnOptions, LawnCreateOptions> {
  return {
    name,
    title: lawnTitle(base),
    citation: LAWN_CITATION,
    file,
    docs: 'docs/papers/lawn.md',
    reference: { optimizer: lawnTitle(base) },
    fixed: { base },
    hyperparameters: [
      ...hyperParameters('group', LAWN_TABLE, LAWN_DEFAULTS),
      ...hyperParameters('optimizer', LAWN_SETTINGS_TABLE, LAWN_SETTINGS_DEFAULTS),
      ...commonParameters(),
    ],
    variants: [
      { name: 'carried', description: 'moments and step counters carry over the switch (default)', source: 'docs/papers/lawn.md', settings: {} },
      { name: 'restarted', description: "the constrained tensors' moments restart at the switch", source: 'Gupta et al., Algorithm 1 (indexing from t = 1)', settings: { resetMomentsAtSwitch: true } },
      { name: 'embeddings-free', description: 'the narrower constrained set: conv and linear weights only', source: 'docs/papers/lawn.md', settings: { constrainEmbeddings: false } },
    ],
    create: (groups, options = {}) => {
      assertOptionsObject(name, options);
      if ('base' in options) {
        throw new OptimizerError(`${name}: the base is fixed to '${base}' (got base = ${show(options.base)}); use adam-lawn, lamb-lawn or sgd-lawn`);
      }
      return new Lawn(groups, { ...options, base });
    },
  };
}

export const adamLawnEntry = lawnEntry('adam', 'adam-lawn', 'src/papers/lawn.ts');
export const lambLawnEntry = lawnEntry('lamb', 'lamb-lawn', 'src/papers/lawn.ts');
export const sgdLawnEntry = lawnEntry('sgd', 'sgd-lawn', 'src/papers/lawn.ts');
