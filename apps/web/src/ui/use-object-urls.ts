import { useEffect, useState } from 'react';

/** Object URLs for the blobs, by id; revoked when the list changes or the component unmounts. */
export function useObjectUrls(items: readonly { id: string; blob: Blob }[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    const map = Object.fromEntries(items.map((p) => [p.id, URL.createObjectURL(p.blob)]));
    setUrls(map);
    return () => {
      for (const url of Object.values(map)) URL.revokeObjectURL(url);
    };
  }, [items]);
  return urls;
}
