/**
 * What the registry knows about one optimizer: names (gapkit's kebab-case key and the conformance
 * format's `optimizer`), the paper, the file and the docs page, every hyperparameter, the variants that
 * reproduce a source with that source's settings, and a typed `create` over several parameter groups.
 */
import type { Optimizer, ParamsArg, StateRecord } from '../optimizer.js';
import type { HyperParameter, HyperValue } from './hyperparameter.js';

/** Any optimizer, for code that handles them uniformly. */
export type AnyOptimizer = Optimizer<object, StateRecord>;

/** A paper (or the reference implementation a baseline follows). */
export interface Citation {
  readonly authors: string;
  readonly title: string;
  readonly venue: string;
  /** arXiv identifier, e.g. `1806.06763`. */
  readonly arxiv?: string;
  /** The code whose semantics gapkit follows, when it is not the paper alone. */
  readonly code?: string;
}

/** A named set of settings that reproduces one source (e.g. ND-Adam as the authors' PyTorch run). */
export interface Variant<Opts extends object = object> {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** Options on top of the defaults (empty for the default variant). */
  readonly settings: Readonly<Partial<Opts>>;
}

/**
 * One registered optimizer. `G` is the per-group options type, `Opts` everything `create` accepts
 * (the per-group options as the first group's overrides, plus optimizer-wide settings).
 */
export interface RegistryEntry<G extends object = object, Opts extends object = object> {
  /** Kebab-case key (CLI flags, recipes, trainer configs), e.g. `padam`, `adam-lawn`. */
  readonly name: string;
  /** Display name, also the optimizer's `name` in messages and state dicts. */
  readonly title: string;
  readonly citation: Citation;
  /** Source file, relative to packages/optimizers. */
  readonly file: string;
  /** The page that explains it, relative to the repository root. */
  readonly docs: string;
  /** The conformance case format's `optimizer` name. */
  readonly reference: { readonly optimizer: string };
  /** Settings the entry fixes and the class would otherwise take (e.g. `adam-lawn`: `{ base: 'adam' }`); `create` refuses them. */
  readonly fixed: Readonly<Record<string, HyperValue>>;
  /** Every option `create` accepts, per group and optimizer-wide. */
  readonly hyperparameters: readonly HyperParameter[];
  /** Variants that reproduce a source; the first is the default (no settings). */
  readonly variants: readonly Variant<Opts>[];
  /** Builds the optimizer over one group (a parameter list) or several groups with per-group options. */
  create(groups: ParamsArg<G>, options?: Opts): AnyOptimizer;
}
