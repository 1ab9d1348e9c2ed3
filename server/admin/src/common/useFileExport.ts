import { useState } from 'react';
import { notifyError, notifySuccess } from './feedback';
import { saveFile } from './save-file';

/**
 * A list's 导出 button: downloads the file, saves it under the server's name (or `fallbackName` when it sent
 * none), then says `doneText`. `exporting` drives the button's spinner.
 */
export function useFileExport(
  download: () => Promise<{ blob: Blob; filename: string | null }>,
  fallbackName: () => string,
  doneText: string,
) {
  const [exporting, setExporting] = useState(false);

  const exportFile = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await download();
      saveFile(blob, filename ?? fallbackName());
      notifySuccess(doneText);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return { exporting, exportFile };
}
