import type { EvidenceFolderWriter } from '../evidence/evidence-folder-writer.js';
import type { Logger } from '../log/logger.js';
import type { ApiCall } from './api-plan.js';
import { countItems, mergePages, toCliShape, type CliOutput } from './aws-output.js';
import type { ServiceName, SdkClient } from './aws-clients.js';
import { CollectionInterrupted, failureOf, isInterruption } from './call-failure.js';
import type { CollectTally } from './collect-tally.js';
import { KeyedLimiter, Limiter } from './limiter.js';

/** How many calls may be in flight at once, overall and per account, region and service. */
export interface ConcurrencyLimits {
  total: number;
  perAccount: number;
  /** Per account and region: AWS throttles each account in each region on its own. */
  perRegion: number;
  /** Per account, region and service. */
  perService: number;
}

/** Where one call goes: the account, the region its evidence is filed under, the client. */
export interface CallSite {
  accountId: string;
  /** The evidence region: an AWS region, or `global`. */
  region: string;
  /** The region the client signs for (the home region for global calls). */
  clientRegion: string;
  service: ServiceName;
  client: SdkClient;
}

export interface CollectCallOptions {
  resourceId?: string;
  /** Input added to the call's own (a bucket name). */
  input?: Record<string, unknown>;
  /** Applied to the merged response before it is written (redaction). */
  transform?: (body: CliOutput) => CliOutput;
  /** Errors that mean "nothing to collect" rather than a gap (a bucket without a policy). */
  isEmptyResult?: (error: unknown) => boolean;
}

export interface CallRunnerOptions {
  writer: EvidenceFolderWriter;
  tally: CollectTally;
  limits: ConcurrencyLimits;
  logger: Logger;
  signal?: AbortSignal;
  /** Called whenever a count changes, for progress. */
  onChange?: () => void;
}

/**
 * Makes every call of a collection: through the concurrency limits, every page, counting the
 * requests (retries included), writing each response as one evidence file and each failure as
 * one gap. An interruption stops new requests and surfaces as CollectionInterrupted.
 */
export class CallRunner {
  private readonly total: Limiter;
  private readonly perAccount: KeyedLimiter;
  private readonly perRegion: KeyedLimiter;
  private readonly perService: KeyedLimiter;
  private readonly pendingWrites = new Set<Promise<void>>();

  constructor(private readonly options: CallRunnerOptions) {
    this.total = new Limiter(options.limits.total);
    this.perAccount = new KeyedLimiter(options.limits.perAccount);
    this.perRegion = new KeyedLimiter(options.limits.perRegion);
    this.perService = new KeyedLimiter(options.limits.perService);
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** Throws CollectionInterrupted once the user has interrupted collection. */
  checkInterrupted(): void {
    if (this.options.signal?.aborted === true) throw new CollectionInterrupted();
  }

  /**
   * One request, within the limits; returns the response in the aws CLI's shape. Urgent
   * requests (the next page of a started call, calls that unblock an account) wait less.
   */
  async send(
    site: CallSite,
    call: ApiCall,
    input: Record<string, unknown>,
    urgent = call.urgent === true,
  ): Promise<CliOutput> {
    const { accountId, clientRegion, service } = site;
    const region = this.perRegion.for(`${accountId}/${clientRegion}`);
    const byService = this.perService.for(`${accountId}/${clientRegion}/${service}`);
    const account = this.perAccount.for(accountId);
    return byService.run(
      () =>
        region.run(
          () =>
            account.run(
              () =>
                this.total.run(async () => {
                  this.checkInterrupted();
                  const command = new call.command(input as never);
                  try {
                    const response = await site.client.send(command, {
                      ...(this.options.signal === undefined
                        ? {}
                        : { abortSignal: this.options.signal }),
                    });
                    this.countAttempts(site, response);
                    return toCliShape(response) as CliOutput;
                  } catch (error) {
                    this.countAttempts(site, error);
                    throw error;
                  }
                }, urgent),
              urgent,
            ),
          urgent,
        ),
      urgent,
    );
  }

  /** Every page of a call, merged as the aws CLI prints them. */
  async fetchAll(
    site: CallSite,
    call: ApiCall,
    extraInput: Record<string, unknown> = {},
  ): Promise<{ body: CliOutput; pages: number }> {
    const pages: CliOutput[] = [];
    let token: string | undefined;
    do {
      const input: Record<string, unknown> = { ...call.input, ...extraInput };
      if (call.paging !== undefined && token !== undefined) input[call.paging.inputToken] = token;
      // A started call's next page goes first: it finishes work rather than starting more.
      const page = await this.send(site, call, input, token !== undefined || call.urgent === true);
      pages.push(page);
      const next = nextPageToken(call, page);
      // An endpoint that hands back the token it was given would page forever.
      if (next !== undefined && next === token) {
        throw new Error(`the endpoint returned the same page token twice (page ${pages.length})`);
      }
      token = next;
    } while (token !== undefined);
    const pagingKeys =
      call.paging === undefined
        ? []
        : [
            call.paging.outputToken,
            ...(call.paging.truncatedKey ? [call.paging.truncatedKey] : []),
          ];
    const body =
      call.paging === undefined ? pages[0]! : mergePages(pages, call.listKeys, pagingKeys);
    return { body, pages: pages.length };
  }

  /**
   * Collects one call into the evidence folder. Returns the written body, or undefined when the
   * call failed (recorded as a gap) or had nothing to collect.
   */
  async collect(
    site: CallSite,
    call: ApiCall,
    options: CollectCallOptions = {},
  ): Promise<CliOutput | undefined> {
    const tally = this.options.tally.service(site.accountId, site.service);
    tally.planned += 1;
    try {
      const { body, pages } = await this.fetchAll(site, call, options.input);
      const written = options.transform === undefined ? body : options.transform(body);
      this.write(site, call, written, pages, options.resourceId);
      return written;
    } catch (error) {
      if (isInterruption(error, this.options.signal)) throw new CollectionInterrupted();
      if (options.isEmptyResult?.(error) === true) return undefined;
      this.recordGap(site, call.api, error, options.resourceId);
      return undefined;
    } finally {
      tally.finished += 1;
      this.options.onChange?.();
    }
  }

  /**
   * Writes one response as an evidence file off the critical path: calls that depend on the
   * answer (a bucket list, an account's regions) go out at once; flush() waits for the files.
   */
  write(
    site: Pick<CallSite, 'accountId' | 'region' | 'service'>,
    call: Pick<ApiCall, 'api' | 'listKeys'>,
    body: CliOutput,
    pages: number,
    resourceId?: string,
  ): void {
    const tally = this.options.tally.service(site.accountId, site.service);
    const write = this.options.writer
      .writeDocument(site.accountId, site.region, call.api, body, {
        pages,
        ...(resourceId === undefined ? {} : { resourceId }),
      })
      .then(
        () => {
          tally.files += 1;
          tally.items += countItems(body, call.listKeys);
        },
        (error: unknown) => this.recordGap(site, call.api, error, resourceId),
      );
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
  }

  /** Waits until every evidence file started so far is written (and listed for the manifest). */
  async flush(): Promise<void> {
    while (this.pendingWrites.size > 0) await Promise.all([...this.pendingWrites]);
  }

  /** Records a failed call as a gap in the manifest and the counts. */
  recordGap(
    site: { accountId: string | null; region: string; service: ServiceName },
    api: string | null,
    error: unknown,
    resourceId?: string,
  ): void {
    const failure = failureOf(
      { accountId: site.accountId, region: site.region, service: site.service },
      api,
      error,
    );
    const withResource = resourceId === undefined ? failure : { ...failure, resourceId };
    this.options.writer.recordFailure(withResource);
    this.options.tally.addGap(withResource, site.service);
    this.options.logger.warn(`${api ?? site.service} failed: ${failure.errorCode}`, {
      ...(site.accountId === null ? {} : { account: site.accountId }),
      region: site.region,
      service: site.service,
      ...(api === null ? {} : { api }),
      ...(resourceId === undefined ? {} : { resource: resourceId }),
    });
    this.options.onChange?.();
  }

  private countAttempts(site: CallSite, outcome: unknown): void {
    const metadata = (outcome as { $metadata?: { attempts?: unknown } } | null)?.$metadata;
    const attempts = typeof metadata?.attempts === 'number' ? metadata.attempts : 1;
    this.options.tally.addCalls(site.accountId, site.service, attempts);
  }
}

function nextPageToken(call: ApiCall, page: CliOutput): string | undefined {
  if (call.paging === undefined) return undefined;
  const { outputToken, truncatedKey } = call.paging;
  if (truncatedKey !== undefined && page[truncatedKey] !== true) return undefined;
  const token = page[outputToken];
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}
