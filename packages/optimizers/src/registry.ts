/**
 * The registry: name → constructor, paper citation, source file and defaults. It drives the
 * registry-wide property tests, the apps' `--optim` flags and the docs.
 */
import type { Parameter } from '@gapkit/autodiff';
import { ADABOUND_DEFAULTS, AdaBound, type AdaBoundOptions } from './baselines/adabound.js';
import { ADAM_DEFAULTS, Adam, type AdamOptions } from './baselines/adam.js';
import { ADAMW_DEFAULTS, AdamW } from './baselines/adamw.js';
import { AMSGRAD_DEFAULTS, AmsGrad } from './baselines/amsgrad.js';
import { LAMB_DEFAULTS, Lamb, type LambOptions } from './baselines/lamb.js';
import { RADAM_DEFAULTS, RAdam, type RAdamOptions } from './baselines/radam.js';
import { SGD_DEFAULTS, Sgd, type SgdOptions } from './baselines/sgd.js';
import { YOGI_DEFAULTS, Yogi, type YogiOptions } from './baselines/yogi.js';
import type { Optimizer, StateRecord } from './optimizer.js';
import { ADAMS_DEFAULTS, AdamS, type AdamSOptions } from './papers/adams.js';
import { LAWN_DEFAULTS, Lawn, type LawnOptions } from './papers/lawn.js';
import { LAWN_SETTINGS_DEFAULTS, type LawnSettings } from './papers/lawn-settings.js';
import { NdAdam, type NdAdamOptions, ndAdamDefaults } from './papers/nd-adam.js';
import { PADAM_DEFAULTS, Padam, type PadamOptions } from './papers/padam.js';
import { SGDS_DEFAULTS, Sgds, type SgdsOptions } from './papers/sgds.js';

/** Any optimizer, for code that handles them uniformly. */
export type AnyOptimizer = Optimizer<object, StateRecord>;

export interface RegistryEntry {
  /** Kebab-case key, matching the file name and CLI flags. */
  readonly name: string;
  /** Display name. */
  readonly title: string;
  /** Paper (with arXiv id) or reference implementation. */
  readonly citation: string;
  /** Source file, relative to packages/optimizers. */
  readonly file: string;
  /** Defaults as documented in the file. */
  readonly defaults: Readonly<object>;
  /** Builds the optimizer over one group of parameters. */
  create(params: readonly Parameter[], options?: Readonly<Record<string, unknown>>): AnyOptimizer;
}

const entries: RegistryEntry[] = [
  {
    name: 'sgd',
    title: 'SGD',
    citation: 'PyTorch torch.optim.SGD semantics (spec/algorithms.md §1.1)',
    file: 'src/baselines/sgd.ts',
    defaults: SGD_DEFAULTS,
    create: (p, o = {}) => new Sgd(p, o as Partial<SgdOptions>),
  },
  {
    name: 'adam',
    title: 'Adam',
    citation: 'Kingma & Ba, arXiv:1412.6980; PyTorch torch.optim.Adam semantics (§1.2)',
    file: 'src/baselines/adam.ts',
    defaults: ADAM_DEFAULTS,
    create: (p, o = {}) => new Adam(p, o as Partial<AdamOptions>),
  },
  {
    name: 'adamw',
    title: 'AdamW',
    citation: 'Loshchilov & Hutter, arXiv:1711.05101; PyTorch torch.optim.AdamW semantics (§1.4)',
    file: 'src/baselines/adamw.ts',
    defaults: { ...ADAM_DEFAULTS, ...ADAMW_DEFAULTS },
    create: (p, o = {}) => new AdamW(p, o as Partial<AdamOptions>),
  },
  {
    name: 'amsgrad',
    title: 'AMSGrad',
    citation: 'Reddi et al., ICLR 2018; PyTorch amsgrad=True semantics (§1.3)',
    file: 'src/baselines/amsgrad.ts',
    defaults: { ...ADAM_DEFAULTS, ...AMSGRAD_DEFAULTS },
    create: (p, o = {}) => new AmsGrad(p, o as Partial<AdamOptions>),
  },
  {
    name: 'lamb',
    title: 'LAMB',
    citation: 'You et al., arXiv:1904.00962 (§1.8)',
    file: 'src/baselines/lamb.ts',
    defaults: LAMB_DEFAULTS,
    create: (p, o = {}) => new Lamb(p, o as Partial<LambOptions>),
  },
  {
    name: 'padam',
    title: 'Padam',
    citation: 'Chen et al., arXiv:1806.06763, Algorithm 1 (§3)',
    file: 'src/papers/padam.ts',
    defaults: PADAM_DEFAULTS,
    create: (p, o = {}) => new Padam(p, o as Partial<PadamOptions>),
  },
  {
    name: 'nd-adam',
    title: 'ND-Adam',
    citation: 'Zhang et al., arXiv:1709.04546, Algorithm 1 (§2)',
    file: 'src/papers/nd-adam.ts',
    defaults: ndAdamDefaults(),
    create: (p, o = {}) => new NdAdam(p, o as Partial<NdAdamOptions>),
  },
  {
    name: 'adams',
    title: 'AdamS',
    citation: 'Xie et al., arXiv:2011.11152, Algorithm 2 (§4.1–4.2)',
    file: 'src/papers/adams.ts',
    defaults: ADAMS_DEFAULTS,
    create: (p, o = {}) => new AdamS(p, o as Partial<AdamSOptions> & { vbarFloor?: number }),
  },
  {
    name: 'sgds',
    title: 'SGDS',
    citation: 'Xie et al., arXiv:2011.11152; authors’ swd_optim/sgds.py (§4.3)',
    file: 'src/papers/sgds.ts',
    defaults: SGDS_DEFAULTS,
    create: (p, o = {}) => new Sgds(p, o as Partial<SgdsOptions>),
  },
  {
    name: 'lawn',
    title: 'LAWN',
    citation: 'arXiv:2108.05839, Algorithm 1 (§5)',
    file: 'src/papers/lawn.ts',
    defaults: { ...LAWN_DEFAULTS, ...LAWN_SETTINGS_DEFAULTS },
    create: (p, o = {}) => new Lawn(p, o as Partial<LawnOptions> & Partial<LawnSettings>),
  },
  {
    name: 'adabound',
    title: 'AdaBound',
    citation: 'Luo et al., ICLR 2019; Luolc/AdaBound adabound.py (§1.5)',
    file: 'src/baselines/adabound.ts',
    defaults: ADABOUND_DEFAULTS,
    create: (p, o = {}) => new AdaBound(p, o as Partial<AdaBoundOptions>),
  },
  {
    name: 'yogi',
    title: 'Yogi',
    citation: 'Zaheer et al., NeurIPS 2018; jettify/pytorch-optimizer yogi.py (§1.6)',
    file: 'src/baselines/yogi.ts',
    defaults: YOGI_DEFAULTS,
    create: (p, o = {}) => new Yogi(p, o as Partial<YogiOptions>),
  },
  {
    name: 'radam',
    title: 'RAdam',
    citation: 'Liu et al., arXiv:1908.03265; LiyuanLucasLiu/RAdam radam.py (§1.7)',
    file: 'src/baselines/radam.ts',
    defaults: RADAM_DEFAULTS,
    create: (p, o = {}) => new RAdam(p, o as Partial<RAdamOptions>),
  },
];

/** Every registered optimizer by name. */
export const REGISTRY: ReadonlyMap<string, RegistryEntry> = new Map(entries.map((e) => [e.name, e]));

/** Looks up an optimizer, failing with the list of known names. */
export function registryEntry(name: string): RegistryEntry {
  const e = REGISTRY.get(name);
  if (!e) throw new RangeError(`optimizer '${name}' is not registered (known: ${[...REGISTRY.keys()].join(', ')})`);
  return e;
}
