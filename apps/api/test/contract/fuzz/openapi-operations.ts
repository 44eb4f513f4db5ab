// The operations of the API as its generated OpenAPI document describes them: what the fuzz test walks.
// Nothing here names a route, so an operation added later is walked without touching the test.

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. `/api/v1/staff/meldingen/{id}`. */
  path: string;
  parameters: OpenApiParameter[];
  /** Request body schema per content type (`application/json`, `multipart/form-data`). */
  bodies: Record<string, JsonSchema>;
  bodyRequired: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Replaces every local `$ref` (`#/components/schemas/X`) by the schema it points at. */
export function resolveRefs(schema: unknown, doc: OpenApiDocument, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, doc, seen));
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target || seen.includes(name)) return {};
    return resolveRefs(target, doc, [...seen, name]);
  }
  return Object.fromEntries(
    Object.entries(schema as JsonSchema).map(([k, v]) => [k, resolveRefs(v, doc, seen)]),
  );
}

export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const op = resolveRefs(raw, doc) as {
        parameters?: OpenApiParameter[];
        requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
      };
      const bodies: Record<string, JsonSchema> = {};
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) {
        bodies[type] = content.schema ?? {};
      }
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: op.parameters ?? [],
        bodies,
        bodyRequired: op.requestBody?.required ?? false,
      });
    }
  }
  return operations;
}

export const pathParamNames = (path: string): string[] =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
