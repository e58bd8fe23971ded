/** Opens a document at a DTO location and selects the range (used by commands and the panel). */
import * as vscode from 'vscode';
import type { LocationDto, RangeDto } from '../../core/src/protocol';

export function toVscodeRange(range: RangeDto): vscode.Range {
	return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/**
 * Shows the document of `location` (in the column where it is already visible, so the
 * flat-view panel stays put) and selects the range.
 */
export async function revealLocation(location: LocationDto): Promise<vscode.TextEditor> {
	const uri = vscode.Uri.parse(location.uri);
	const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
	const document = await vscode.workspace.openTextDocument(uri);
	const range = toVscodeRange(location.range);
	const editor = await vscode.window.showTextDocument(document, {
		viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
		selection: range,
	});
	editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	return editor;
}
