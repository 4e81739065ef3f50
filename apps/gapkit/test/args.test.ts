import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../src/args.js';

const specs = {
  epochs: { kind: 'int', default: 3, min: 1 },
  lr: { kind: 'number' },
  quick: { kind: 'flag' },
  help: { kind: 'flag', short: 'h' },
  json: { kind: 'string' },
  model: { kind: 'string', default: 'mlp', choices: ['mlp', 'resnet'] },
  optimizers: { kind: 'list', default: ['adam'], choices: ['adam', 'sgd', 'padam'] },
} as const;

describe('parseArgs', () => {
  it('applies defaults when options are absent', () => {
    const { options, positionals } = parseArgs([], specs);
    expect(options).toEqual({ epochs: 3, lr: undefined, quick: false, help: false, json: undefined, model: 'mlp', optimizers: ['adam'] });
    expect(positionals).toEqual([]);
  });

  it('reads --k v, --k=v, flags, short aliases, lists and positionals', () => {
    const { options, positionals } = parseArgs(['a.json', '--epochs', '7', '--lr=0.5', '--quick', '-h', '--optimizers', 'sgd,padam', 'dir'], specs);
    expect(options.epochs).toBe(7);
    expect(options.lr).toBe(0.5);
    expect(options.quick).toBe(true);
    expect(options.help).toBe(true);
    expect(options.optimizers).toEqual(['sgd', 'padam']);
    expect(positionals).toEqual(['a.json', 'dir']);
  });

  it('--json=FILE and --json FILE mean the same (the bench used to reject the first)', () => {
    expect(parseArgs(['--json=out.json'], specs).options.json).toBe('out.json');
    expect(parseArgs(['--json', 'out.json'], specs).options.json).toBe('out.json');
  });

  it('values may start with a single dash; negative numbers are positionals; -- ends the options', () => {
    expect(parseArgs(['--lr', '-0.5'], specs).options.lr).toBe(-0.5);
    expect(parseArgs(['-12', '-.5', 'x'], specs).positionals).toEqual(['-12', '-.5', 'x']);
    const after = parseArgs(['--quick', '--', '--epochs', '-h'], specs);
    expect(after.options.quick).toBe(true);
    expect(after.options.epochs).toBe(3);
    expect(after.positionals).toEqual(['--epochs', '-h']);
  });

  it.each([
    [['--nope'], /^unknown option --nope; known: --epochs, --lr/],
    [['--epoch', '3'], /^unknown option --epoch \(did you mean --epochs\?\); known: /],
    [['--optimisers=adam'], /unknown option --optimisers \(did you mean --optimizers\?\)/],
    [['-x'], /^unknown option -x; known: /],
    [['--epochs', 'x'], /--epochs must be an integer, got 'x'/],
    [['--epochs', ' '], /--epochs must be an integer, got ' '/],
    [['--epochs', '1.5'], /--epochs must be an integer, got '1.5'/],
    [['--epochs', '0'], /--epochs must be an integer in \[1, ∞\], got 0/],
    [['--lr', 'NaN'], /--lr must be a number, got 'NaN'/],
    [['--lr', 'Infinity'], /--lr must be a number, got 'Infinity'/],
    [['--model', 'vgg'], /--model must be one of mlp, resnet, got 'vgg'/],
    [['--model', 'resnt'], /got 'resnt' \(did you mean resnet\?\)/],
    [['--optimizers', 'adam,lbfgs'], /'lbfgs' is not one of adam, sgd, padam/],
    [['--optimizers', ','], /--optimizers needs a comma-separated list, got ','/],
    [['--lr'], /--lr needs a value/],
    [['--lr', '--quick'], /--lr needs a value, got the option --quick/],
    [['--quick=yes'], /--quick is a flag and takes no value, got 'yes'/],
  ])('rejects %j with a message naming the option', (args, message) => {
    expect(() => parseArgs(args, specs)).toThrow(UsageError);
    expect(() => parseArgs(args, specs)).toThrow(message);
  });

  it('an empty spec table rejects every option and keeps every word', () => {
    expect(() => parseArgs(['--x'], {})).toThrow('unknown option --x; known: none');
    expect(parseArgs(['a', 'b'], {}).positionals).toEqual(['a', 'b']);
  });

  it('property: any argv either parses or is a UsageError (never a TypeError or RangeError from the runtime)', () => {
    const word = fc.oneof(
      fc.string(),
      fc.constantFrom('--', '-', '--epochs', '--lr', '--quick', '-h', '--json', '--model', '--optimizers', '--__proto__', '--constructor', '-1', '-x'),
      fc.constantFrom('--epochs=', '--lr=1e400', '--quick=', '--model=mlp', '--optimizers=,,', '-hh', '-h1'),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        try {
          const { options } = parseArgs(argv, specs);
          expect(Number.isInteger(options.epochs) && options.epochs >= 1).toBe(true);
          expect(options.lr === undefined || Number.isFinite(options.lr)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: --k=v and --k v parse to the same value, and positionals keep their order around options', () => {
    const value = fc.string({ minLength: 1 }).filter((s) => !s.startsWith('--'));
    const word = fc.string({ minLength: 1 }).filter((s) => !s.startsWith('-'));
    fc.assert(
      fc.property(value, fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 4 }), (v, before, after) => {
        const a = parseArgs([...before, `--json=${v}`, ...after], specs);
        const b = parseArgs([...before, '--json', v, ...after], specs);
        expect(a.options.json).toBe(v);
        expect(b.options.json).toBe(v);
        expect(a.positionals).toEqual([...before, ...after]);
        expect(b.positionals).toEqual([...before, ...after]);
      }),
    );
  });
});
