declare module '*/site/scripts/site-builder.mjs' {
  /** Makes a build live (or, while the OPD is suspended, the build reactivation brings back). */
  export function goLive(tenantDir: string, buildId: string): Promise<void>;
}
