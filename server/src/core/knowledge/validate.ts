// JSON text -> value, validated against a JSON Schema, with every problem
// located (line, column, JSON path) so users can find and fix it.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { InputProblem } from '../types.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<object, ValidateFunction>();

export interface Validated<T> {
  value?: T;
  problems: InputProblem[];
}

/** Validate an already-parsed value (built-in data); problems carry the JSON path only. */
export function validateValue<T>(value: unknown, schema: object, file: string, hint: string): Validated<T> {
  const validate = compile(schema);
  if (validate(value)) return { value: value as T, problems: [] };
  return { problems: (validate.errors ?? []).map((e) => toProblem(e, file, hint)) };
}

/** Parse JSON text and validate it; problems carry line and column. */
export function validateJsonText<T>(text: string, schema: object, file: string, hint: string): Validated<T> {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const first = errors[0];
    const at = locate(text, first?.offset ?? 0);
    return {
      problems: [{ file, ...at, message: `This is not valid JSON: ${first ? describeParseError(first) : 'the file is empty'}.`, hint: 'Fix the JSON syntax (a missing comma, quote or bracket is the usual cause).' }],
    };
  }
  const value: unknown = JSON.parse(text);
  const result = validateValue<T>(value, schema, file, hint);
  for (const p of result.problems) {
    const node = p.path !== undefined ? nodeAt(tree, p.path) : undefined;
    if (node) Object.assign(p, locate(text, node.offset));
  }
  return result;
}

function compile(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

function toProblem(error: ErrorObject, file: string, hint: string): InputProblem {
  const path = error.instancePath || '/';
  let message: string;
  switch (error.keyword) {
    case 'additionalProperties':
      message = `"${(error.params as { additionalProperty: string }).additionalProperty}" is not a known setting here`;
      return { file, path: `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`, message: `${message} (at ${path}).`, hint };
    case 'enum':
      message = `${path} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'propertyNames':
      message = `${path} has a key that is not allowed: ${error.message ?? ''}`;
      break;
    default:
      message = `${path} ${error.message ?? 'is not valid'}`;
  }
  return { file, path: error.instancePath, message: `${message}.`, hint };
}

/** Line and column of the value at a JSON pointer (e.g. /findings/0/sources/1) in JSON text, if it is there. */
export function locatePointer(text: string, pointer: string): { line: number; column: number } | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  const node = tree ? nodeAt(tree, pointer) : undefined;
  return node ? locate(text, node.offset) : undefined;
}

function nodeAt(tree: Node, pointer: string): Node | undefined {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let node = findNodeAtLocation(tree, path);
  if (!node && path.length) {
    // A key that should not be there: point at the key itself.
    const parent = findNodeAtLocation(tree, path.slice(0, -1));
    const key = parent?.children?.find((c) => c.type === 'property' && c.children?.[0]?.value === path[path.length - 1]);
    node = key?.children?.[0];
  }
  return node?.parent?.type === 'property' ? node.parent : node;
}

export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describeParseError(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
