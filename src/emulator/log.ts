// The request log: what the client asked and what it got, for assertions ("exactly one send") and benchmarks.

export interface LogEntry {
  seq: number;
  method: string;
  /** Full URL, percent-decoded for readability. */
  url: string;
  /** Parsed JSON when the body was JSON; a byte count description otherwise. */
  requestBody: unknown;
  status: number;
  startedAt: string;
  durationMs: number;
  /** Address of the signed-in user, when the token was valid. */
  caller: string | null;
  /** Set for $batch sub-requests: the step id the client gave. */
  batchStepId?: string;
  /** Id of the fault rule that shaped this response, if any. */
  faultId?: string;
  /** The client saw the connection drop (after the server did the work). */
  dropped?: boolean;
}

export interface LogQuery {
  method?: string;
  /** Substring of the decoded URL, or a pattern tested against it. */
  url?: string | RegExp;
  status?: number;
  caller?: string;
}

export class RequestLog {
  private items: LogEntry[] = [];
  private seq = 0;

  constructor(private readonly limit: number) {}

  record(entry: Omit<LogEntry, "seq">): LogEntry {
    this.seq += 1;
    const full = { ...entry, seq: this.seq };
    this.items.push(full);
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
    return full;
  }

  entries(): readonly LogEntry[] {
    return [...this.items];
  }

  clear(): void {
    this.items = [];
  }

  filter(query: LogQuery): LogEntry[] {
    return this.items.filter((entry) => matches(entry, query));
  }

  count(query: LogQuery = {}): number {
    return this.filter(query).length;
  }

  last(query: LogQuery = {}): LogEntry | undefined {
    return this.filter(query).at(-1);
  }
}

function matches(entry: LogEntry, query: LogQuery): boolean {
  if (query.method && entry.method !== query.method.toUpperCase()) return false;
  if (query.status !== undefined && entry.status !== query.status) return false;
  if (query.caller && entry.caller !== query.caller.toLowerCase()) return false;
  if (query.url !== undefined) {
    if (typeof query.url === "string") return entry.url.includes(query.url);
    query.url.lastIndex = 0;
    return query.url.test(entry.url);
  }
  return true;
}
