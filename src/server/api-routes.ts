import { Hono, type Context } from 'hono';
import type { GraphReader, Neighbourhood } from '../graph/graph-model.js';
import type { Store } from '../store/store.js';
import { textExportFormats, type TextExportFormat } from './api-types.js';
import { readCoverageNotes, readDashboardSummary } from './dashboard-queries.js';
import { renderGraphExport } from './graph-export.js';

/** The neighbourhood depths the dashboard offers. */
export const minimumDepth = 1;
export const maximumDepth = 3;
const defaultSearchLimit = 50;
const maximumSearchLimit = 200;
const maximumQueryLength = 512;

class BadRequest extends Error {}

function requiredParameter(context: Context, name: string): string {
  const value = context.req.query(name);
  if (value === undefined || value === '')
    throw new BadRequest(`The parameter "${name}" is missing.`);
  return value;
}

function depthParameter(context: Context): number {
  const raw = context.req.query('depth') ?? '1';
  const depth = Number(raw);
  if (!Number.isInteger(depth) || depth < minimumDepth || depth > maximumDepth) {
    throw new BadRequest(
      `The depth must be a whole number from ${minimumDepth} to ${maximumDepth}.`,
    );
  }
  return depth;
}

function limitParameter(context: Context): number {
  const raw = context.req.query('limit');
  if (raw === undefined) return defaultSearchLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maximumSearchLimit) {
    throw new BadRequest(`The limit must be a whole number from 1 to ${maximumSearchLimit}.`);
  }
  return limit;
}

function formatParameter(context: Context): TextExportFormat {
  const format = requiredParameter(context, 'format');
  const known = textExportFormats.find((candidate) => candidate === format);
  if (known === undefined) {
    throw new BadRequest(`The format must be one of: ${textExportFormats.join(', ')}.`);
  }
  return known;
}

async function neighbourhoodOrNotFound(
  reader: GraphReader,
  context: Context,
): Promise<Neighbourhood | Response> {
  const key = requiredParameter(context, 'key');
  const depth = depthParameter(context);
  const neighbourhood = await reader.neighbourhood(key, depth);
  if (neighbourhood === undefined) return context.json({ error: 'No resource has this key.' }, 404);
  return neighbourhood;
}

/** The dashboard's JSON API, mounted under /api. */
export function createApiRoutes(store: Store, reader: GraphReader): Hono {
  const api = new Hono();

  api.onError((error, context) => {
    if (error instanceof BadRequest) return context.json({ error: error.message }, 400);
    throw error;
  });

  api.get('/search', async (context) => {
    const query = (context.req.query('q') ?? '').trim();
    const limit = limitParameter(context);
    if (query.length > maximumQueryLength) {
      throw new BadRequest(`The search is longer than ${maximumQueryLength} characters.`);
    }
    if (query === '') return context.json({ results: [] });
    return context.json({ results: await reader.search(query, limit) });
  });

  api.get('/resource', async (context) => {
    const detail = await reader.resource(requiredParameter(context, 'key'));
    if (detail === undefined) return context.json({ error: 'No resource has this key.' }, 404);
    return context.json(detail);
  });

  api.get('/graph', async (context) => {
    const result = await neighbourhoodOrNotFound(reader, context);
    return result instanceof Response ? result : context.json(result);
  });

  api.get('/graph/export', async (context) => {
    const format = formatParameter(context);
    const result = await neighbourhoodOrNotFound(reader, context);
    if (result instanceof Response) return result;
    const rendered = renderGraphExport(result, format);
    return context.body(rendered.text, 200, {
      'Content-Type': rendered.contentType,
      'Content-Disposition': `attachment; filename="${rendered.fileName}"`,
    });
  });

  api.get('/summary', async (context) => context.json(await readDashboardSummary(store)));

  api.get('/coverage', async (context) => context.json({ notes: await readCoverageNotes(store) }));

  api.all('*', (context) => context.json({ error: 'No such API route.' }, 404));

  return api;
}
