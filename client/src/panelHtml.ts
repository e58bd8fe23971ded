/**
 * The flat-view panel's HTML: a nonce CSP, the bundled script and stylesheet from dist/,
 * and an empty root. No document data is ever put into the HTML; it arrives by postMessage.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** A random nonce for the CSP (base64 of 16 random bytes). */
export function createNonce(): string {
	return randomBytes(16).toString('base64');
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
	const dist = vscode.Uri.joinPath(extensionUri, 'dist');
	const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js'));
	const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css'));
	const csp = [
		"default-src 'none'",
		`style-src ${webview.cspSource}`,
		`script-src 'nonce-${nonce}'`,
		`img-src ${webview.cspSource} data:`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Memory Map</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
