/** Hands a file made in the page (a download fetched with the token, a generated template) to the browser's save dialog. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed once it has been handed over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
