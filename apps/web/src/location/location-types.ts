export interface LocationValue {
  lat: number;
  lng: number;
  accuracy?: number;
  address?: string;
  /** 'wijk': only the wijk is known (lat/lng its centre), and the place in the resident's words. */
  source: 'gps' | 'map' | 'address' | 'wijk';
  wijkCode?: string;
  wijkName?: string;
  /** The place in words (source 'wijk'), sent as `location.description`. */
  description?: string;
}
export interface LocationStepProps {
  value: LocationValue | undefined;
  onChange: (value: LocationValue | undefined) => void;
  error?: string | undefined;
  fieldId: string;
}
