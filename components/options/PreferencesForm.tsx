/** The options page's preferences: each control saves as soon as it changes. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import {
  CARD_TRIGGERS,
  HOVER_DELAY_RANGE,
  MARK_DENSITIES,
  MARK_STYLES,
  THEMES,
  type Preferences,
} from '../../lib/settings';

type ChoiceName = 'cardTrigger' | 'markStyle' | 'markDensity' | 'theme';

/** The preferences chosen with radio buttons, in the page's order: the options and each one's words. */
const CHOICES: {
  [K in ChoiceName]: { options: readonly Preferences[K][]; labels: Record<Preferences[K], MessageKey> };
} = {
  cardTrigger: { options: CARD_TRIGGERS, labels: { hover: 'triggerHover', alt: 'triggerAlt', shift: 'triggerShift' } },
  markStyle: { options: MARK_STYLES, labels: { underline: 'markUnderline', tint: 'markTint', none: 'markNone' } },
  markDensity: { options: MARK_DENSITIES, labels: { first: 'densityFirst', every: 'densityEvery' } },
  theme: { options: THEMES, labels: { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } },
};

/** One preference's radio buttons; its legend is the message named as the preference is. */
function Choice({ name, value, onChange }: { name: ChoiceName; value: string; onChange(v: string): void }) {
  const { options, labels } = CHOICES[name] as { options: readonly string[]; labels: Record<string, MessageKey> };
  return (
    <fieldset>
      <legend>{t(name)}</legend>
      {options.map((option) => (
        <label key={option} class="choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {t(labels[option])}
        </label>
      ))}
    </fieldset>
  );
}

/** Steps of the delay slider: fine enough to feel, coarse enough to reach with the arrow keys. */
const DELAY_STEP_MS = 50;

/**
 * The hover delay as a slider with its value in seconds beside it. The readout follows the thumb;
 * the value is saved when the reader lets go, or on each key. While the slider has the focus it is
 * the truth: the echo of an earlier save (or another tab's) must not move the thumb between two
 * arrow keys. The stored value is shown again once the focus leaves.
 */
function DelaySlider({ value, onCommit }: { value: number; onCommit(ms: number): void }) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return (
    <>
      <input
        type="range"
        name="hoverDelayMs"
        min={HOVER_DELAY_RANGE[0]}
        max={HOVER_DELAY_RANGE[1]}
        step={DELAY_STEP_MS}
        value={draft}
        aria-valuetext={t('seconds', (draft / 1000).toFixed(2))}
        onInput={(e) => setDraft(Number(e.currentTarget.value))}
        onChange={(e) => onCommit(Number(e.currentTarget.value))}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          setDraft(value);
        }}
      />
      <output class="unit">{t('seconds', (draft / 1000).toFixed(2))}</output>
    </>
  );
}

/** `onChange` receives only what a control changed: the page applies it to what is stored. */
export function PreferencesForm({
  value,
  onChange,
}: {
  value: Preferences;
  onChange(change: Partial<Preferences>): void;
}) {
  return (
    <div class="preferences">
      <label class="delay">
        <span>{t('hoverDelay')}</span>
        <DelaySlider value={value.hoverDelayMs} onCommit={(ms) => onChange({ hoverDelayMs: ms })} />
      </label>
      {(Object.keys(CHOICES) as ChoiceName[]).map((name) => (
        <Choice key={name} name={name} value={value[name]} onChange={(v) => onChange({ [name]: v })} />
      ))}
      <label class="choice">
        <input
          type="checkbox"
          name="showBadge"
          checked={value.showBadge}
          onChange={(e) => onChange({ showBadge: e.currentTarget.checked })}
        />
        {t('showBadge')}
      </label>
    </div>
  );
}
