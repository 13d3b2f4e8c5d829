// Version-header problems found before the body is read are kept with the request, so they can be
// reported in the SAME 422 list as the body's problems (http-api.md §1.2, header issues first, as
// the original resolves its header dependency before the body).
import type { FastifyRequest } from 'fastify';
import { RequestValidationError, type ValidationIssue } from './errors.ts';

const headerIssues = new WeakMap<FastifyRequest, ValidationIssue[]>();

export function rememberHeaderIssues(request: FastifyRequest, issues: ValidationIssue[]): void {
  headerIssues.set(request, issues);
}

export function pendingHeaderIssues(request: FastifyRequest): ValidationIssue[] {
  return headerIssues.get(request) ?? [];
}

/** Throws the request's 422 if there is anything to report. */
export function assertValid(request: FastifyRequest, bodyIssues: readonly ValidationIssue[] = []): void {
  const issues = [...pendingHeaderIssues(request), ...bodyIssues];
  if (issues.length > 0) throw new RequestValidationError(issues);
}
