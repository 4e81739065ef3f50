/**
 * Inputs generated from the optimizer registry's hyperparameter table: one per number, boolean or
 * choice, labelled with the paper's symbol, its range in the tooltip and its default as the value.
 */
import { type HyperParameter, hyperProblem, OPTIMIZERS, type OptimizerName } from '@gapkit/optimizers';

/** Hyperparameters worth an input in the page (per-group numbers/booleans/choices; not the NaN policy). */
export function editableHyperparameters(name: OptimizerName): HyperParameter[] {
  return OPTIMIZERS[name].hyperparameters.filter(
    (h) => (h.kind === 'number' || h.kind === 'boolean' || h.kind === 'choice') && h.key !== 'nonFinite' && h.key !== 'maximize' && typeof h.default !== 'object',
  );
}

function rangeText(h: HyperParameter): string {
  if (h.kind !== 'number') return h.kind === 'choice' ? `one of ${h.choices.join(', ')}` : 'true or false';
  const hi = h.max.value === Number.POSITIVE_INFINITY ? '∞)' : `${h.max.value}${h.max.open ? ')' : ']'}`;
  return `${h.min.open ? '(' : '['}${h.min.value}, ${hi}`;
}

/**
 * Builds the inputs of one optimizer into `host`; `onChange` gets the changed key and value once it is
 * valid (an out-of-range value marks the input invalid and shows the registry's message).
 */
export function renderHyperInputs(
  host: HTMLElement,
  name: OptimizerName,
  values: Readonly<Record<string, number | boolean | string>>,
  onChange: (key: string, value: number | boolean | string) => void,
): void {
  host.replaceChildren();
  for (const h of editableHyperparameters(name)) {
    const label = document.createElement('label');
    label.className = 'hyper';
    label.title = `${h.description} — range ${rangeText(h)}; default ${String(h.default)} (${h.source})`;
    const sym = document.createElement('span');
    sym.textContent = h.symbol === h.key ? h.key : `${h.symbol} (${h.key})`;
    label.append(sym);
    const current = values[h.key] ?? h.default;
    let input: HTMLInputElement | HTMLSelectElement;
    if (h.kind === 'boolean') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = current === true;
      box.addEventListener('change', () => onChange(h.key, box.checked));
      input = box;
    } else if (h.kind === 'choice') {
      const sel = document.createElement('select');
      for (const c of h.choices) sel.append(new Option(c, c, false, c === current));
      sel.addEventListener('change', () => onChange(h.key, sel.value));
      input = sel;
    } else {
      const num = document.createElement('input');
      num.type = 'number';
      num.step = 'any';
      num.value = String(current);
      num.addEventListener('change', () => {
        const v = Number(num.value);
        const problem = num.value.trim() === '' ? `${h.key} (${h.symbol}) is empty` : hyperProblem(h, v);
        num.setCustomValidity(problem ?? '');
        num.title = problem ?? '';
        if (problem === null) onChange(h.key, v);
        else num.reportValidity();
      });
      input = num;
    }
    input.dataset.key = h.key;
    label.append(input);
    host.append(label);
  }
}
