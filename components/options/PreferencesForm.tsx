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

const TRIGGER_LABELS: Record<Preferences['cardTrigger'], MessageKey> = {
  hover: 'triggerHover',
  alt: 'triggerAlt',
  shift: 'triggerShift',
};
const MARK_LABELS: Record<Preferences['markStyle'], MessageKey> = {
  underline: 'markUnderline',
  tint: 'markTint',
  none: 'markNone',
};
const DENSITY_LABELS: Record<Preferences['markDensity'], MessageKey> = { first: 'densityFirst', every: 'densityEvery' };
const THEME_LABELS: Record<Preferences['theme'], MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};

function Choice<T extends string>(props: {
  name: string;
  legend: string;
  options: readonly T[];
  labels: Record<T, MessageKey>;
  value: T;
  onChange(v: T): void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} class="choice">
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {t(props.labels[option])}
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
        onInput={(e) => setDraft(Number((e.target as HTMLInputElement).value))}
        onChange={(e) => onCommit(Number((e.target as HTMLInputElement).value))}
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
  const set =
    <K extends keyof Preferences>(key: K) =>
    (v: Preferences[K]) =>
      onChange({ [key]: v });
  return (
    <div class="preferences">
      <label class="delay">
        <span>{t('hoverDelay')}</span>
        <DelaySlider value={value.hoverDelayMs} onCommit={set('hoverDelayMs')} />
      </label>
      <Choice
        name="cardTrigger"
        legend={t('cardTrigger')}
        options={CARD_TRIGGERS}
        labels={TRIGGER_LABELS}
        value={value.cardTrigger}
        onChange={set('cardTrigger')}
      />
      <Choice
        name="markStyle"
        legend={t('markStyle')}
        options={MARK_STYLES}
        labels={MARK_LABELS}
        value={value.markStyle}
        onChange={set('markStyle')}
      />
      <Choice
        name="markDensity"
        legend={t('markDensity')}
        options={MARK_DENSITIES}
        labels={DENSITY_LABELS}
        value={value.markDensity}
        onChange={set('markDensity')}
      />
      <Choice
        name="theme"
        legend={t('theme')}
        options={THEMES}
        labels={THEME_LABELS}
        value={value.theme}
        onChange={set('theme')}
      />
      <label class="choice">
        <input
          type="checkbox"
          name="showBadge"
          checked={value.showBadge}
          onChange={(e) => set('showBadge')((e.target as HTMLInputElement).checked)}
        />
        {t('showBadge')}
      </label>
    </div>
  );
}
