import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.js';
import { UsageError } from '../src/command.js';

const specs = {
  epochs: { kind: 'int', default: 3, min: 1 },
  lr: { kind: 'number' },
  quick: { kind: 'flag' },
  model: { kind: 'string', default: 'mlp', choices: ['mlp', 'resnet'] },
  optimizers: { kind: 'list', default: ['adam'], choices: ['adam', 'sgd', 'padam'] },
} as const;

describe('parseArgs', () => {
  it('applies defaults when options are absent', () => {
    const { options, positionals } = parseArgs([], specs);
    expect(options).toEqual({ epochs: 3, lr: undefined, quick: false, model: 'mlp', optimizers: ['adam'] });
    expect(positionals).toEqual([]);
  });

  it('reads --k v, --k=v, flags, lists and positionals', () => {
    const { options, positionals } = parseArgs(['a.json', '--epochs', '7', '--lr=0.5', '--quick', '--optimizers', 'sgd,padam', 'dir'], specs);
    expect(options.epochs).toBe(7);
    expect(options.lr).toBe(0.5);
    expect(options.quick).toBe(true);
    expect(options.optimizers).toEqual(['sgd', 'padam']);
    expect(positionals).toEqual(['a.json', 'dir']);
  });

  it.each([
    [['--nope'], /unknown option --nope/],
    [['--epochs', 'x'], /--epochs must be an integer, got 'x'/],
    [['--epochs', '1.5'], /--epochs must be an integer, got '1.5'/],
    [['--epochs', '0'], /--epochs must be an integer in \[1, ∞\], got 0/],
    [['--model', 'vgg'], /--model must be one of mlp, resnet, got 'vgg'/],
    [['--optimizers', 'adam,lbfgs'], /'lbfgs' is not one of adam, sgd, padam/],
    [['--lr'], /--lr needs a value/],
    [['--quick=yes'], /--quick is a flag/],
  ])('rejects %j with a message naming the option', (args, message) => {
    expect(() => parseArgs(args, specs)).toThrow(UsageError);
    expect(() => parseArgs(args, specs)).toThrow(message);
  });
});
