import { Button } from '@utrecht/button-react/css';
import { Component, lazy, type ReactNode, Suspense, useState } from 'react';
import type { LocationValue } from '../../location/location-types.ts';
import { formTexts } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import type { StepProps } from './step-props.ts';

// Leaflet and the PDOK search come with this chunk, only when the resident reaches step 2.
const importLocationStep = () => import('../../location/location-step.tsx');

class ChunkErrorBoundary extends Component<
  { children: ReactNode; onRetry: () => void },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert type="error" role="alert">
        <p className="utrecht-paragraph">{formTexts.location.loadError}</p>
        <Button type="button" appearance="secondary-action-button" onClick={this.props.onRetry}>
          {formTexts.location.retry}
        </Button>
      </Alert>
    );
  }
}

export function WhereStep({ draft, update, errors }: StepProps) {
  // A new lazy component per retry: React caches a rejected import() for the old one.
  const [LocationStep, setLocationStep] = useState(() => lazy(importLocationStep));
  const [attempt, setAttempt] = useState(0);
  const onChange = (value: LocationValue | undefined) =>
    update((d) => {
      const { location: _old, ...rest } = d;
      return value ? { ...rest, location: value } : rest;
    });
  return (
    <ChunkErrorBoundary
      key={attempt}
      onRetry={() => {
        setLocationStep(() => lazy(importLocationStep));
        setAttempt((n) => n + 1);
      }}
    >
      <Suspense
        fallback={
          <p className="utrecht-paragraph" role="status">
            {formTexts.location.loading}
          </p>
        }
      >
        <LocationStep value={draft.location} onChange={onChange} error={errors.location} fieldId="location" />
      </Suspense>
    </ChunkErrorBoundary>
  );
}
