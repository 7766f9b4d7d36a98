/**
 * The expression language of derived variables and filters (docs/expressions.md): parse text to
 * a tree, compile it against a study's catalog, evaluate it over columns. The public entry point;
 * the modules behind it are tokenizer, parser, compiler and evaluator.
 */
export type { Expression } from './ast';
export { compileExpression, type CompileOptions } from './compiler';
export { evaluate, type ColumnSet, type ColumnValues } from './evaluator';
export { ExpressionError, caret } from './expressionError';
export { EXPRESSION_LIMITS } from './limits';
export { parseExpression } from './parser';
export type { CompiledCondition, CompiledExpression, CompiledNumber, ResultKind } from './plan';
export { VariableCatalog, type CatalogVariable, type CatalogEntry } from './variableCatalog';
