// Every Office `…Async` call goes through here once: a Promise that rejects with an AppError.
//
// Office reports failures in the callback's AsyncResult, not by throwing; and an exception thrown inside
// that callback is swallowed by Office.js. So the callback only settles the promise, and a failure becomes
// AppError "officeFailed" with Office's numeric code and error name in details (no message text: it can
// carry item data).
import { AppError } from "../domain/errors";

type Details = Record<string, string | number>;

function failure(operation: string, error: Office.Error | undefined, cause?: unknown): AppError {
  const details: Details = { operation };
  if (error) {
    details.officeCode = error.code;
    details.officeError = error.name;
  }
  return new AppError("officeFailed", `Office ${operation} failed${error ? `: ${error.name}` : ""}`, {
    cause: cause ?? error,
    details,
  });
}

/**
 * Runs an Office async API and resolves with its value.
 * @param operation the API's name, kept in the error details
 * @param start calls the API with the callback it is given
 */
export function officeAsync<T>(
  operation: string,
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(failure(operation, result.error));
      });
    } catch (e) {
      // Some hosts throw synchronously (bad arguments, API missing on this client).
      reject(failure(operation, undefined, e));
    }
  });
}
