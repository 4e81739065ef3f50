/**
 * Builds one function body: locals are allocated by name and returned as handles, control flow is
 * nested callbacks whose labels are handles too (`br`/`br_if` compute the branch depth from the open
 * blocks, so a depth is never written by hand), and every instruction is recorded both as bytes and
 * as a WAT line, so a generated kernel can be read and diffed (`wat-printer.ts`).
 */
import { sleb, uleb, type ValueType } from './wasm-encoder.js';
import type { Signature } from './wasm-signature.js';

/** A parameter or local: its index in the function and its name in the WAT text. */
export interface Local {
  readonly index: number;
  readonly type: ValueType;
  readonly name: string;
}

/** A block or loop that `br`/`br_if` can target. */
export interface Label {
  readonly name: string;
}

export class FunctionBuilder<P extends readonly string[] = readonly string[]> {
  /** The parameters by name (all i32). */
  readonly param: { readonly [K in P[number]]: Local };
  /** Locals after the parameters, in allocation order. */
  readonly locals: Local[] = [];
  readonly lines: string[] = [];
  private readonly bytes: number[] = [];
  private readonly open: (Label | null)[] = [];
  private readonly names = new Set<string>();
  private done = false;

  readonly signature: Signature<P>;

  constructor(signature: Signature<P>) {
    this.signature = signature;
    const param: Record<string, Local> = {};
    signature.params.forEach((name, index) => {
      this.claimName(name);
      param[name] = { index, type: 'i32', name };
    });
    this.param = param as { readonly [K in P[number]]: Local };
  }

  private claimName(name: string): void {
    if (this.names.has(name)) throw new Error(`${this.signature.name}: the name $${name} is used twice`);
    this.names.add(name);
  }

  /** A new local of `type`. */
  local(type: ValueType, name: string): Local {
    this.claimName(name);
    const l: Local = { index: this.signature.params.length + this.locals.length, type, name };
    this.locals.push(l);
    return l;
  }

  /** The body's bytes (without the final `end`); no instruction may follow. */
  finish(): number[] {
    if (this.open.length > 0) throw new Error(`${this.signature.name}: ${this.open.length} block(s) left open`);
    this.done = true;
    return this.bytes;
  }

  private emit(text: string, ...b: number[]): this {
    if (this.done) throw new Error(`${this.signature.name}: instruction after finish()`);
    for (const x of b) this.bytes.push(x);
    this.lines.push(`${'  '.repeat(this.open.length)}${text}`);
    return this;
  }

  private simd(text: string, sub: number, ...rest: number[]): this {
    return this.emit(text, 0xfd, ...uleb(sub), ...rest);
  }

  private depth(label: Label): number {
    const at = this.open.lastIndexOf(label);
    if (at < 0) throw new Error(`${this.signature.name}: branch to $${label.name}, which is not an enclosing block`);
    return this.open.length - 1 - at;
  }

  private structured(text: string, opcode: number, label: Label | null, body: (label: Label) => void): this {
    this.emit(label ? `${text} $${label.name}` : text, opcode, 0x40);
    this.open.push(label);
    body(label ?? { name: text });
    this.open.pop();
    return this.emit('end', 0x0b);
  }

  /** `block $name … end`; a branch to it leaves the block. */
  block(name: string, body: (label: Label) => void): this {
    this.claimName(name);
    return this.structured('block', 0x02, { name }, body);
  }

  /** `loop $name … end`; a branch to it starts the next iteration. */
  loop(name: string, body: (label: Label) => void): this {
    this.claimName(name);
    return this.structured('loop', 0x03, { name }, body);
  }

  /** `if … else … end` on the i32 on the stack. */
  ifElse(then: () => void, otherwise: () => void): this {
    this.emit('if', 0x04, 0x40);
    this.open.push(null);
    then();
    this.lines.push(`${'  '.repeat(this.open.length - 1)}else`);
    this.bytes.push(0x05);
    otherwise();
    this.open.pop();
    return this.emit('end', 0x0b);
  }

  br(label: Label): this {
    return this.emit(`br $${label.name}`, 0x0c, ...uleb(this.depth(label)));
  }
  brIf(label: Label): this {
    return this.emit(`br_if $${label.name}`, 0x0d, ...uleb(this.depth(label)));
  }

  get(l: Local): this {
    return this.emit(`local.get $${l.name}`, 0x20, ...uleb(l.index));
  }
  set(l: Local): this {
    return this.emit(`local.set $${l.name}`, 0x21, ...uleb(l.index));
  }
  tee(l: Local): this {
    return this.emit(`local.tee $${l.name}`, 0x22, ...uleb(l.index));
  }

  i32Const(v: number): this {
    return this.emit(`i32.const ${v | 0}`, 0x41, ...sleb(v));
  }
  i32Add(): this {
    return this.emit('i32.add', 0x6a);
  }
  i32Sub(): this {
    return this.emit('i32.sub', 0x6b);
  }
  i32Mul(): this {
    return this.emit('i32.mul', 0x6c);
  }
  i32Eqz(): this {
    return this.emit('i32.eqz', 0x45);
  }
  i32LtS(): this {
    return this.emit('i32.lt_s', 0x48);
  }
  /** i32.load at a constant byte offset (natural alignment). */
  i32Load(offset: number): this {
    return this.emit(`i32.load${offsetText(offset)}`, 0x28, 2, ...uleb(offset));
  }

  /** v128.load at a constant byte offset (16-byte alignment hint). */
  v128Load(offset: number): this {
    return this.simd(`v128.load${offsetText(offset)}`, 0x00, 4, ...uleb(offset));
  }
  /** v128.load32_splat: one f32 from memory broadcast to four lanes. */
  v128Load32Splat(offset: number): this {
    return this.simd(`v128.load32_splat${offsetText(offset)}`, 0x09, 2, ...uleb(offset));
  }
  v128Store(offset: number): this {
    return this.simd(`v128.store${offsetText(offset)}`, 0x0b, 4, ...uleb(offset));
  }
  /** v128.const with all bits zero (= f32x4 of +0). */
  v128Zero(): this {
    return this.simd('v128.const i32x4 0 0 0 0', 0x0c, ...new Array<number>(16).fill(0));
  }
  f32x4Add(): this {
    return this.simd('f32x4.add', 0xe4);
  }
  f32x4Mul(): this {
    return this.simd('f32x4.mul', 0xe6);
  }
}

function offsetText(offset: number): string {
  return offset === 0 ? '' : ` offset=${offset}`;
}
