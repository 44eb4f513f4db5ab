import { formTexts } from '../../texts/index.ts';
import { CheckboxField, RadioGroup, TextField } from '../../ui/fields.tsx';
import type { StepProps } from './step-props.ts';

export function ContactStep({ draft, update, errors }: StepProps) {
  const hasEmail = draft.email.trim() !== '';
  const details = (
    <div className="bs-conditional">
      <TextField
        id="contact-email"
        type="email"
        label={formTexts.contact.email}
        description={formTexts.contact.emailHint}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors['contact.email']}
        value={draft.email}
        onValueChange={(email) =>
          update((d) => ({ ...d, email, wantsFeedback: email.trim() === '' ? false : d.wantsFeedback }))
        }
      />
      <TextField
        id="contact-phone"
        type="tel"
        label={formTexts.contact.phone}
        description={formTexts.contact.phoneHint}
        autoComplete="tel"
        error={errors['contact.phone']}
        value={draft.phone}
        onValueChange={(phone) => update({ phone })}
      />
      <div id="contact-wantsFeedback-wrap">
        <CheckboxField
          id="contact-wantsFeedback"
          label={formTexts.contact.wantsFeedback}
          description={formTexts.contact.wantsFeedbackHint}
          checked={hasEmail && draft.wantsFeedback}
          disabled={!hasEmail}
          error={errors['contact.wantsFeedback']}
          onValueChange={(wantsFeedback) => update({ wantsFeedback })}
        />
      </div>
    </div>
  );
  return (
    <>
      <p className="utrecht-paragraph">{formTexts.contact.intro}</p>
      <RadioGroup<'anoniem' | 'gegevens'>
        id="contactChoice"
        name="contactChoice"
        legend={formTexts.contact.choiceLegend}
        error={errors.contactChoice}
        options={[
          {
            value: 'anoniem',
            label: formTexts.contact.anonymous,
            description: formTexts.contact.anonymousHint,
          },
          { value: 'gegevens', label: formTexts.contact.withDetails },
        ]}
        value={draft.contactChoice}
        onValueChange={(contactChoice) => update({ contactChoice })}
        after={{ gegevens: details }}
      />
      <section className="bs-section" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading" className="utrecht-heading-2">
          {formTexts.contact.privacyHeading}
        </h2>
        {formTexts.contact.privacy.map((p) => (
          <p key={p} className="utrecht-paragraph">
            {p}
          </p>
        ))}
      </section>
    </>
  );
}
