import { beforeEach, describe, expect, it } from 'vitest';
import { GRACE_MS, HoverMachine, LOOK_AGAIN_WITHIN_MS, worthLookingAgain, type PointerLook } from '../lib/page/hover';
import { DWELL_MS } from '../lib/timing';

/** Timers under the test's control. */
class Clock {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  };
  clear = (id: unknown) => void this.timers.delete(id as number);
  advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

let clock: Clock;
let log: string[];
let machine: HoverMachine<string>;
beforeEach(() => {
  clock = new Clock();
  log = [];
  machine = new HoverMachine<string>({
    show: (term, token) => log.push(`show ${term} #${token}`),
    hide: () => log.push('hide'),
    setTimer: clock.set,
    clearTimer: clock.clear,
  });
});

describe('hover intent', () => {
  it('opens a card only after the dwell', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['show Xi #1']);
  });

  it('opens nothing when the pointer sweeps across terms', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS / 2);
    machine.enterTerm('CPV');
    clock.advance(DWELL_MS / 2);
    machine.leaveTerm();
    clock.advance(1000);
    expect(log).toEqual([]);
  });

  it('keeps the card through the grace period, and closes after it', () => {
    machine.enterTerm('Xi');
    expect(machine.openTerm).toBeNull();
    clock.advance(DWELL_MS);
    expect(machine.openTerm).toBe('Xi');
    machine.leaveTerm();
    clock.advance(GRACE_MS - 1);
    expect(log).toEqual(['show Xi #1']);
    expect(machine.openTerm).toBe('Xi');
    clock.advance(1);
    expect(log).toEqual(['show Xi #1', 'hide']);
    expect(machine.openTerm).toBeNull();
  });

  it('keeps the card open while the pointer is in it, even crossing another term on the way', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS);
    machine.leaveTerm();
    clock.advance(GRACE_MS / 3);
    machine.enterTerm('CPC'); // crossed on the way to the card
    clock.advance(DWELL_MS / 3);
    machine.enterCard();
    clock.advance(5000);
    expect(log).toEqual(['show Xi #1']);
    machine.leaveCard();
    clock.advance(GRACE_MS);
    expect(log).toEqual(['show Xi #1', 'hide']);
  });

  it('drops a stale answer: the token of a term the pointer left is no longer current', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS);
    const first = 1;
    expect(machine.isCurrent(first)).toBe(true);
    machine.enterTerm('CPV');
    clock.advance(DWELL_MS);
    expect(machine.isCurrent(first)).toBe(false);
    expect(machine.isCurrent(2)).toBe(true);
  });

  it('closes on Esc', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS);
    machine.close();
    expect(log).toEqual(['show Xi #1', 'hide']);
  });

  it('while text is being selected, closes the card and opens none; after the release, terms open cards again', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS);
    machine.startSelecting();
    expect(log).toEqual(['show Xi #1', 'hide']);
    expect(machine.selecting).toBe(true);
    // Dragging across terms, resting on one with the button held: nothing opens.
    machine.enterTerm('CPV', { x: 0, y: 0, time: 1000 });
    clock.advance(DWELL_MS * 2);
    machine.enterTerm('RCEP', { x: 1, y: 0, time: 1500 });
    clock.advance(DWELL_MS * 2);
    expect(log).toEqual(['show Xi #1', 'hide']);
    expect(machine.state.kind).toBe('idle');
    machine.endSelecting();
    expect(machine.selecting).toBe(false);
    machine.enterTerm('RCEP', { x: 1, y: 0, time: 2000 });
    clock.advance(DWELL_MS);
    expect(log).toEqual(['show Xi #1', 'hide', 'show RCEP #2']);
  });

  it('says when each dwell begins, once per dwell, with the term its card then opens for', () => {
    const began: object[] = [];
    const shown: object[] = [];
    const terms = new HoverMachine<{ name: string }>(
      {
        show: (term) => shown.push(term),
        hide: () => {},
        setTimer: clock.set,
        clearTimer: clock.clear,
        dwellStarted: (term) => began.push(term),
      },
      (a, b) => a.name === b.name,
    );
    const xi = { name: 'Xi' };
    terms.enterTerm(xi, { x: 0, y: 0, time: 0 });
    // Moving on the term, slowly or not, is the same dwell: its answer is not asked for again.
    terms.enterTerm({ name: 'Xi' }, { x: 2, y: 0, time: 50 });
    terms.enterTerm({ name: 'Xi' }, { x: 90, y: 0, time: 60 });
    expect(began).toEqual([xi]);
    clock.advance(DWELL_MS);
    expect(shown).toEqual([xi]);
    expect(shown[0]).toBe(began[0]);
    // Left and come back to: a new dwell, asked for again.
    terms.leaveTerm();
    clock.advance(GRACE_MS);
    terms.enterTerm({ name: 'Xi' });
    expect(began).toHaveLength(2);
    // No dwell while text is being selected.
    terms.close();
    terms.startSelecting();
    terms.enterTerm({ name: 'CPV' });
    expect(began).toHaveLength(2);
  });

  it('a dwell under way when a selection starts opens nothing', () => {
    machine.enterTerm('Xi');
    clock.advance(DWELL_MS - 1);
    machine.startSelecting();
    clock.advance(DWELL_MS);
    machine.endSelecting();
    clock.advance(DWELL_MS);
    expect(log).toEqual([]);
  });

  it('a card shown at once (shortcut, related link) needs no dwell', () => {
    const token = machine.showNow('RCEP');
    expect(log).toEqual([`show RCEP #${token}`]);
    expect(machine.isCurrent(token)).toBe(true);
  });
});

describe('hover intent reads the pointer’s speed', () => {
  /** The pointer moving from x0 to x1 at `speed` px/ms, one sample per 16 ms frame, over `term` (or none). */
  function sweep(term: string | null, x0: number, x1: number, speed: number) {
    for (let x = x0; x <= x1; x += speed * 16) {
      const at = { x, y: 100, time: clock.now };
      if (term) machine.enterTerm(term, at);
      else machine.leaveTerm(at);
      clock.advance(16);
    }
  }

  it('opens nothing for a slow sweep across a term on the way elsewhere, however long it stays on it', () => {
    // 0.25 px/ms, 400 px of term: 1.6 s over it, ten times the dwell.
    sweep(null, 0, 100, 0.25);
    sweep('Belt and Road Initiative', 100, 500, 0.25);
    sweep(null, 500, 600, 0.25);
    clock.advance(1000);
    expect(log).toEqual([]);
  });

  it('opens the card once the pointer has slowed on the term for the dwell', () => {
    sweep('Belt and Road Initiative', 100, 300, 0.5);
    const stoppedAt = clock.now;
    // Slowing down to a crawl of 1 px per frame (0.06 px/ms), then no events at all.
    sweep('Belt and Road Initiative', 300, 306, 1 / 16);
    clock.advance(DWELL_MS);
    expect(log).toEqual(['show Belt and Road Initiative #1']);
    expect(clock.now - stoppedAt).toBeGreaterThanOrEqual(DWELL_MS);
  });

  it('a pointer at rest still opens the card after the dwell, twitching by a pixel or two', () => {
    machine.enterTerm('Xi', { x: 10, y: 10, time: clock.now });
    clock.advance(50);
    machine.enterTerm('Xi', { x: 12, y: 11, time: clock.now });
    clock.advance(20);
    machine.enterTerm('Xi', { x: 11, y: 10, time: clock.now });
    clock.advance(DWELL_MS - 70);
    expect(log).toEqual(['show Xi #1']);
  });

  it('measures the speed off terms too: arriving fast, then resting, opens after the dwell from the rest', () => {
    sweep(null, 0, 300, 1);
    machine.enterTerm('Xi', { x: 316, y: 100, time: clock.now });
    clock.advance(DWELL_MS - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['show Xi #1']);
  });
});

describe('a pointer that came to rest before the words under it were marked', () => {
  const look = (found: string | null): PointerLook<string> => ({ movedAt: 1000, found });
  const held = new Set(['Xi (a mark the reader saw)']);
  const stillMarked = (mark: string) => held.has(mark);

  it('is looked under again once the marks settle: it was on no mark, a moment ago', () => {
    expect(worthLookingAgain(look(null), 1200, stillMarked)).toBe(true);
    expect(worthLookingAgain(look(null), 1000 + LOOK_AGAIN_WITHIN_MS, stillMarked)).toBe(true);
  });

  it('is looked under again when the mark it was on is gone (the page was read again after an update)', () => {
    expect(worthLookingAgain(look('Xi (a mark dropped since)'), 1200, stillMarked)).toBe(true);
  });

  it('is not, when it rests on a mark still there: that mark is not news', () => {
    expect(worthLookingAgain(look('Xi (a mark the reader saw)'), 1200, stillMarked)).toBe(false);
  });

  it('is not, once parked longer than LOOK_AGAIN_WITHIN_MS', () => {
    expect(worthLookingAgain(look(null), 1001 + LOOK_AGAIN_WITHIN_MS, stillMarked)).toBe(false);
  });

  it('is not, when the clock and the move disagree (a time before the move is no rest)', () => {
    expect(worthLookingAgain(look(null), 999, stillMarked)).toBe(false);
  });
});
