/** Where the build puts the compiled knowledge bundle inside the extension (see generated-paths.d.ts). */
export const BUNDLE_PATH = '/knowledge.json' as const;
