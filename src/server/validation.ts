// Validation messages a user can act on: each names the field and says what it must be.
import { Ajv } from 'ajv';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { TSchema } from 'typebox';
import { COMPONENTS } from '../contract/components.js';
import { InvalidInputError } from '../core/errors.js';

function fieldOf(error: FastifySchemaValidationError, context: string): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = error.params;
  const child = (params['missingProperty'] ?? params['additionalProperty']) as string | undefined;
  const field = [path, child].filter(Boolean).join('.');
  return field ? `${context} field '${field}'` : context;
}

function describe(error: FastifySchemaValidationError): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed';
    case 'enum':
      return `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}`;
    case 'minProperties':
      return 'must not be empty';
    default:
      return error.message ?? 'is invalid';
  }
}

/** The first problem only: one line, as every prepdeck error. */
export function formatValidationError(errors: FastifySchemaValidationError[], context: string): Error {
  const first = errors[0];
  return new Error(first ? `${fieldOf(first, context)} ${describe(first)}` : `invalid ${context}`);
}

/**
 * Query strings and path parameters arrive as text and are coerced to the schema's types (`/topics/42`);
 * JSON bodies are not: `{"notes": null}` or `{"confidence": true}` is an error, never a silent "" or 1.
 */
export function buildValidatorCompiler(): FastifySchemaCompiler<TSchema> {
  const coercing = buildAjv({ coerceTypes: true });
  const exact = buildAjv({ coerceTypes: false });
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema);
}

/** Ajv as the server validates with, the contract's components registered so their $refs resolve. */
export function buildAjv({ coerceTypes }: { coerceTypes: boolean }): Ajv {
  const ajv = new Ajv({ removeAdditional: false, allErrors: false, strict: false, coerceTypes });
  for (const schema of COMPONENTS) ajv.addSchema(schema);
  return ajv;
}

/**
 * A hard delete's `?confirm=delete` missing: refused with how to confirm (and that archiving is the gentle way), not the
 * bare schema error. The route sets `attachValidation`, so that the schema's refusal comes here.
 */
export function requireDeleteConfirmation(request: FastifyRequest, removes: string): void {
  const invalid = request.validationError;
  if (!invalid) return;
  if (invalid.validationContext !== 'querystring') throw invalid;
  throw new InvalidInputError(
    `querystring field 'confirm' must be 'delete': a hard delete removes ${removes} for good; ` +
      'send ?confirm=delete to mean it, or archive it instead (PATCH { "archived": true })',
  );
}
