export declare const BODY_LIMITS: Readonly<{ public: number; json: number; attachment: number }>;
export declare function bodyLimitFor(pathname: string): number;
export declare function formatBytes(n: number): string;
export declare function bodySizeRefusal(
  pathname: string,
  contentLength: string | null | undefined,
  transferEncoding: string | null | undefined,
): { status: 411 | 413; error: string; message: string } | null;
