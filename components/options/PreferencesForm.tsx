/** The options page's preferences: each control saves as soon as it changes. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { CARD_TRIGGERS, HOVER_DELAY_RANGE, MARK_DENSITIES, MARK_STYLES, THEMES, type Preferences } from '../../lib/settings';

const TRIGGER_LABELS: Record<Preferences['cardTrigger'], MessageKey> = { hover: 'triggerHover', alt: 'triggerAlt', shift: 'triggerShift' };
const MARK_LABELS: Record<Preferences['markStyle'], MessageKey> = { underline: 'markUnderline', tint: 'markTint', none: 'markNone' };
const DENSITY_LABELS: Record<Preferences['markDensity'], MessageKey> = { first: 'densityFirst', every: 'densityEvery' };
const THEME_LABELS: Record<Preferences['theme'], MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

function Choice<T extends string>(props: { name: string; legend: string; options: readonly T[]; labels: Record<T, MessageKey>; value: T; onChange(v: T): void }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} class="choice">
          <input type="radio" name={props.name} value={option} checked={props.value === option} onChange={() => props.onChange(option)} />
          {t(props.labels[option])}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The delay field keeps what the reader is typing in its own state: a re-render of the page (lists
 * loading, another tab saving) must not put the stored value back under their fingers. The stored
 * value is shown again once the field loses focus.
 */
function DelayInput({ value, onCommit }: { value: number; onCommit(ms: number): void }) {
  const [draft, setDraft] = useState(String(value));
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(String(value));
  }, [value]);
  return (
    <input
      type="number"
      name="hoverDelayMs"
      min={HOVER_DELAY_RANGE[0]}
      max={HOVER_DELAY_RANGE[1]}
      step={50}
      value={draft}
      onFocus={() => (editing.current = true)}
      onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
      onChange={(e) => {
        const typed = (e.target as HTMLInputElement).value.trim();
        if (typed !== '' && Number.isFinite(Number(typed))) onCommit(Number(typed));
      }}
      onBlur={() => {
        editing.current = false;
        setDraft(String(value));
      }}
    />
  );
}

export function PreferencesForm({ value, onChange }: { value: Preferences; onChange(p: Preferences): void }) {
  const set = <K extends keyof Preferences>(key: K) => (v: Preferences[K]) => onChange({ ...value, [key]: v });
  return (
    <div class="preferences">
      <label class="delay">
        <span>{t('hoverDelay')}</span>
        <DelayInput value={value.hoverDelayMs} onCommit={set('hoverDelayMs')} />
        <span class="unit">{t('milliseconds')}</span>
      </label>
      <Choice name="cardTrigger" legend={t('cardTrigger')} options={CARD_TRIGGERS} labels={TRIGGER_LABELS} value={value.cardTrigger} onChange={set('cardTrigger')} />
      <Choice name="markStyle" legend={t('markStyle')} options={MARK_STYLES} labels={MARK_LABELS} value={value.markStyle} onChange={set('markStyle')} />
      <Choice name="markDensity" legend={t('markDensity')} options={MARK_DENSITIES} labels={DENSITY_LABELS} value={value.markDensity} onChange={set('markDensity')} />
      <Choice name="theme" legend={t('theme')} options={THEMES} labels={THEME_LABELS} value={value.theme} onChange={set('theme')} />
    </div>
  );
}
