// The little of Node that index.node.js uses, declared here because the repository has no @types/node (and adds no
// dependency for two functions).
declare module "node:fs/promises" {
  export function readFile(path: string | URL): Promise<Uint8Array>;
  export function readFile(path: string | URL, encoding: "utf8"): Promise<string>;
  export function readdir(
    path: string,
    options: { withFileTypes: true },
  ): Promise<{ name: string; isFile(): boolean }[]>;
}
declare module "node:path" {
  export function join(...parts: string[]): string;
}
