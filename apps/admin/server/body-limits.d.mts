export declare const PUBLIC_FORM_BYTES: number;
export declare const FORM_TEXT_BYTES: number;
export declare function bodyLimits(env?: Record<string, string | undefined>): {
  uploadBytes: number;
  importBytes: number;
  idleSeconds: number;
};
