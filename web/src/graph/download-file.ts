/** Offers a file the page made (an export) as a download. */
export function downloadFile(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a resource id: letters, digits, dot, dash and underscore only. */
export function exportFileName(id: string, extension: string): string {
  const base = id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'graph';
  return `lateral-${base}.${extension}`;
}
