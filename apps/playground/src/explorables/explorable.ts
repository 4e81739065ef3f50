/**
 * One explorable: a title, its paper and docs page, sliders, a canvas, and a `render` that recomputes
 * the toy problem from the slider values and returns the readout line (the test reads it).
 */
export interface Slider {
  readonly key: string;
  /** The paper's symbol. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /** Slider position → value (e.g. 10^x for a log slider). Default identity. */
  readonly map?: (x: number) => number;
}

export interface ExplorableSpec {
  readonly id: string;
  readonly title: string;
  readonly paper: string;
  /** The docs page, relative to the repository root (e.g. `docs/papers/padam.md`). */
  readonly docs: string;
  readonly blurb: string;
  readonly sliders: readonly Slider[];
  render(canvas: HTMLCanvasElement, values: Readonly<Record<string, number>>): string;
}

/** Builds the explorable into `host` and renders it once; every slider move renders again. */
export function mountExplorable(host: HTMLElement, spec: ExplorableSpec): void {
  const section = document.createElement('section');
  section.className = 'explorable';
  section.id = `explorable-${spec.id}`;
  const h = document.createElement('h3');
  h.textContent = spec.title;
  const cite = document.createElement('p');
  cite.className = 'cite';
  const link = document.createElement('a');
  // GitHub-style relative link from apps/playground to the page; the docs site serves it as /papers/<name>.
  link.href = `../../${spec.docs}`;
  link.textContent = spec.docs;
  cite.append(`${spec.paper} — docs: `, link);
  const blurb = document.createElement('p');
  blurb.textContent = spec.blurb;
  const controls = document.createElement('div');
  controls.className = 'sliders';
  const canvas = document.createElement('canvas');
  canvas.width = 560;
  canvas.height = 320;
  const readout = document.createElement('output');
  readout.className = 'readout';
  const values: Record<string, number> = {};
  const redraw = () => {
    try {
      readout.textContent = spec.render(canvas, values);
      readout.classList.remove('error');
    } catch (e) {
      readout.textContent = `error: ${(e as Error).message}`;
      readout.classList.add('error');
    }
  };
  for (const s of spec.sliders) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'range';
    input.min = String(s.min);
    input.max = String(s.max);
    input.step = String(s.step);
    input.value = String(s.value);
    input.dataset.key = s.key;
    const shown = document.createElement('span');
    const set = () => {
      values[s.key] = (s.map ?? ((x: number) => x))(Number(input.value));
      shown.textContent = `${s.label} = ${values[s.key].toPrecision(3)}`;
    };
    set();
    input.addEventListener('input', () => {
      set();
      redraw();
    });
    label.append(shown, input);
    controls.append(label);
  }
  section.append(h, cite, blurb, controls, canvas, readout);
  host.append(section);
  redraw();
}
