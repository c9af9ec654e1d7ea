// The copydesk extension: starts `copydesk lsp` (the language server the
// copydesk binary carries) for Markdown, plain-text and HTML documents,
// saved or not. Diagnostics, quick fixes, "fix all" and config reload come
// from the server; this file only starts it and restarts it when the
// `copydesk.*` settings change.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function serverOptions(): ServerOptions {
  const settings = vscode.workspace.getConfiguration('copydesk');
  const command = settings.get<string>('path', 'copydesk') || 'copydesk';
  const args = ['lsp', ...settings.get<string[]>('args', [])];
  return { run: { command, args }, debug: { command, args } };
}

const clientOptions: LanguageClientOptions = {
  documentSelector: ['markdown', 'mdx', 'plaintext', 'html'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
};

async function start(): Promise<void> {
  client = new LanguageClient('copydesk', 'copydesk', serverOptions(), clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('copydesk')) {
        await client?.stop();
        await start();
      }
    }),
  );
  try {
    await start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `copydesk: could not start \`copydesk lsp\` (set copydesk.path): ${error}`,
    );
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
