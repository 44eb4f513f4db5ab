import { useEffect, useState } from 'react';

/** The width below which the map page takes its phone layout (the same as in insight.css). */
export const PHONE_QUERY = '(width < 40em)';

/** Whether the screen is phone-sized now (follows rotation and resizing). */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const list = window.matchMedia(PHONE_QUERY);
    const onChange = () => setPhone(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return phone;
}
