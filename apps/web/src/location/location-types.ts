export interface LocationValue {
  lat: number;
  lng: number;
  accuracy?: number;
  address?: string;
  source: 'gps' | 'map' | 'address';
}
export interface LocationStepProps {
  value: LocationValue | undefined;
  onChange: (value: LocationValue | undefined) => void;
  error?: string | undefined;
  fieldId: string;
}
