// Messages the Health Claims client and server exchange beyond standard LSP.
// Plain method names and shapes, so other editors' clients can use them too.

/** Request: check files (open or not) and publish their diagnostics. */
export const CHECK_FILES_METHOD = 'healthClaims/checkFiles';

export interface CheckFilesParams {
  /** File URIs (file:///...) or absolute paths. */
  files: string[];
  /** Publish the diagnostics with textDocument/publishDiagnostics (default true). */
  publish?: boolean;
}

export interface CheckFilesResult {
  files: { uri: string; diagnostics: unknown[] }[];
  /** Files that could not be checked, with the reason. */
  errors: { uri: string; message: string }[];
  /** True when the request was cancelled before every file was checked. */
  cancelled: boolean;
}

/** Notification (client -> server): the workspace's trust changed (VS Code only ever grants it). */
export const DID_CHANGE_TRUST_METHOD = 'healthClaims/didChangeWorkspaceTrust';

export interface DidChangeTrustParams {
  trusted: boolean;
  /** The current healthClaims settings, for clients without workspace/configuration. */
  settings?: unknown;
}

/** initializationOptions the server understands (all optional). */
export interface InitializationOptions {
  /** False in an untrusted workspace: .health-claims.json and other workspace data are ignored. Default true. */
  trusted?: boolean;
  /** The healthClaims settings, used when the client does not support workspace/configuration. */
  settings?: unknown;
  /** Same as `settings` (for editors that send their `{ healthClaims: {...} }` config as initializationOptions). */
  healthClaims?: unknown;
}
