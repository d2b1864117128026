// How the language server's Node process is started: the VS Code client starts it so, and so
// does the benchmark (other editors are told to in the README).

/**
 * Node options for the server process. A young generation of 32 MB (Node's default is 16 MB)
 * keeps most of what validating a large file allocates from being promoted to the old
 * generation: without it, the full garbage collection that follows opening a file of thousands
 * of documents lands on the first keystrokes after it (measured: edit → diagnostics p95 about
 * 30 ms at 5,000 documents instead of about 12 ms). It costs at most a few tens of megabytes.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=32'];
