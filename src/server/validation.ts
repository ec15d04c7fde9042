// Validation messages a user can act on: each names the field and says what it must be.
import { Ajv } from 'ajv';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { TSchema } from 'typebox';
import { stateRefusal } from '../app/nearest.js';
import { COMPONENTS } from '../contract/components.js';
import { STATE_WORDS } from '../contract/vocabulary.js';
import { InvalidInputError } from '../core/errors.js';

/** Whether an enum's values are the words of a state (contract/common.ts#StateWord), refused as the CLI refuses them. */
const isStateWords = (allowed: unknown[]): boolean => allowed.length === STATE_WORDS.length && STATE_WORDS.every((word) => allowed.includes(word));

function fieldOf(error: FastifySchemaValidationError, context: string): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = error.params;
  const child = (params['missingProperty'] ?? params['additionalProperty']) as string | undefined;
  const field = [path, child].filter(Boolean).join('.');
  return field ? `${context} field '${field}'` : context;
}

/** What follows the field's name, its separator included: " must be …", or ": unknown state …", a sentence of its own. */
function describe(error: FastifySchemaValidationError): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return ' is required';
    case 'additionalProperties':
      return ' is not allowed';
    case 'enum': {
      const allowed = params['allowedValues'] as unknown[];
      if (isStateWords(allowed)) {
        // The value refused is Ajv's `data`, there as the validator runs verbose (buildAjv); fastify's type leaves it out.
        const { data } = error as FastifySchemaValidationError & { data?: unknown };
        return `: ${stateRefusal(typeof data === 'string' ? data : JSON.stringify(data))}`;
      }
      return ` must be one of: ${allowed.join(', ')}`;
    }
    case 'minProperties':
      return ' must not be empty';
    default:
      return ` ${error.message ?? 'is invalid'}`;
  }
}

/** The first problem only: one line, as every prepdeck error. */
export function formatValidationError(errors: FastifySchemaValidationError[], context: string): Error {
  const first = errors[0];
  if (!first) return new Error(`invalid ${context}`);
  // `body field 'state' must be ...`, or the CLI's form `body field 'state': unknown state ...`.
  return new Error(`${fieldOf(first, context)}${describe(first)}`);
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
  // verbose: an error carries the value refused, which a state's refusal names as the CLI does.
  const ajv = new Ajv({ removeAdditional: false, allErrors: false, strict: false, coerceTypes, verbose: true });
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
