// The page served at '/' when the server was started without a built viewer.

export const VIEWER_NOT_BUILT_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>rapier-gym server</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>rapier-gym server</h1>
<p>The server is running, but the viewer is not built, so there is nothing to show here yet.</p>
<p>Build it from the repository root with <code>npm run build --workspace @rapier-gym/viewer</code>
(it writes <code>apps/viewer/dist</code>), then start the server again with that folder as its viewer folder.</p>
<p>The WebSocket endpoint is <code>/ws</code>; runs are listed as JSON at <a href="/api/runs">/api/runs</a>.</p>
</body>
</html>
`;
