import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../../api/client';
import { importApi, RUNNING_IMPORT, type ImportDetail } from '../../../../../common/src/contracts/member-import';

/** How often a running batch is read again. */
const POLL_MS = 800;
const RETRY_MS = 3000;

/**
 * One import batch, read again and again while it is parsing or committing (the work runs off the
 * request path on the server), then left alone. `refresh` starts polling again after a commit.
 */
export function useImportBatch(id: string | null, onError: (e: unknown) => void) {
  const [batch, setBatch] = useState<ImportDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    setBatch((b) => (b && b.id === id ? b : null));
    setFailed(false);
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const b = await call(importApi.get, { params: { id } });
        if (stopped) return;
        setBatch(b);
        setFailed(false);
        if (RUNNING_IMPORT.includes(b.status)) timer = setTimeout(read, POLL_MS);
      } catch (e) {
        if (stopped) return;
        // A dropped connection or a busy server while a batch runs: keep reading, a little slower.
        if (e instanceof ApiError && (e.status === 0 || e.status >= 500)) {
          timer = setTimeout(read, RETRY_MS);
          return;
        }
        setFailed(true);
        onErrorRef.current(e);
      }
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { batch, failed, refresh };
}
