/** The optimizer cards of the setup form: a registry name, its hyperparameter inputs, remove. */
import { OPTIMIZERS, type OptimizerName } from '@gapkit/optimizers';
import { renderHyperInputs } from '../setup/hyper-inputs.js';
import type { OptimizerSetup } from '../setup/setup.js';

const NAMES = Object.keys(OPTIMIZERS) as OptimizerName[];

export function renderOptimizerCards(host: HTMLElement, optimizers: readonly OptimizerSetup[], onChange: (next: OptimizerSetup[]) => void): void {
  host.replaceChildren();
  optimizers.forEach((o, i) => {
    const card = document.createElement('fieldset');
    card.className = 'optimizer';
    card.dataset.index = String(i);
    const legend = document.createElement('legend');
    const select = document.createElement('select');
    select.className = 'optimizer-name';
    for (const n of NAMES) select.append(new Option(`${n} — ${OPTIMIZERS[n].title}`, n, false, n === o.name));
    select.addEventListener('change', () => {
      const next = [...optimizers];
      next[i] = { name: select.value as OptimizerName, options: {} };
      onChange(next);
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = 'remove this optimizer';
    remove.disabled = optimizers.length <= 1;
    remove.addEventListener('click', () => onChange(optimizers.filter((_, j) => j !== i)));
    legend.append(`${i + 1}. `, select, remove);
    const hypers = document.createElement('div');
    hypers.className = 'hypers';
    renderHyperInputs(hypers, o.name, o.options, (key, value) => {
      const next = [...optimizers];
      next[i] = { name: o.name, options: { ...o.options, [key]: value } };
      onChange(next);
    });
    card.append(legend, hypers);
    host.append(card);
  });
}
