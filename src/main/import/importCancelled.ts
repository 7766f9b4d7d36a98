/**
 * The error an import step throws when the user cancels it. Its name, AbortError, is what
 * importFile and the job runner recognise as a cancel rather than a failure.
 */
export function importCancelled(): Error {
  const error = new Error('the import was cancelled; the study is unchanged');
  error.name = 'AbortError';
  return error;
}
