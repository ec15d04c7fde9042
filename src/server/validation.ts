// Validation messages a user can act on: each names the field and says what it must be.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

function fieldOf(error: FastifySchemaValidationError, context: string): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = error.params as Record<string, unknown>;
  const child = (params['missingProperty'] ?? params['additionalProperty']) as string | undefined;
  const field = [path, child].filter(Boolean).join('.');
  return field ? `${context} field '${field}'` : context;
}

function describe(error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
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
