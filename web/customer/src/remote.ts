// The production build's Rollup input: the remote has no page of its own
// (index.html is the dev-only standalone page), so the build starts here and
// the federation plugin emits remoteEntry.js with the expose './App'.
// Nothing loads this chunk at run time.
export {};
