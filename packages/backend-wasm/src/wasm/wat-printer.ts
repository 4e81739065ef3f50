/** The WebAssembly text (WAT) of a generated module, from the lines its `FunctionBuilder`s recorded. */
import type { FunctionBuilder } from './function-builder.js';
import type { MemoryImport } from './wasm-encoder.js';

export function printWat(functions: readonly FunctionBuilder[], memory: MemoryImport): string {
  const out = ['(module', `  (import "env" "memory" (memory 1${memory.shared ? ` ${memory.maximumPages} shared` : ''}))`];
  for (const f of functions) {
    const params = f.signature.params.map((p) => `(param $${p} i32)`).join(' ');
    out.push(`  (func $${f.signature.name} (export "${f.signature.name}") ${params}`);
    for (const l of f.locals) out.push(`    (local $${l.name} ${l.type})`);
    for (const line of f.lines) out.push(`    ${line}`);
    out.push('  )');
  }
  out.push(')');
  return `${out.join('\n')}\n`;
}
