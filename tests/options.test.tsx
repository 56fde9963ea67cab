// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeletableList } from '../components/options/DeletableList';
import { DocumentImport } from '../components/options/DocumentImport';
import { EntryForm } from '../components/options/EntryForm';
import { splitSentences } from '../lib/corpus/documents';
import { PreferencesForm } from '../components/options/PreferencesForm';
import { DEFAULT_PREFERENCES } from '../lib/settings';

afterEach(cleanup);

describe('PreferencesForm', () => {
  it('shows the delay in seconds as the slider moves, through re-renders, and saves it when let go', () => {
    const onChange = vi.fn();
    const view = render(<PreferencesForm value={DEFAULT_PREFERENCES} onChange={onChange} />);
    const slider = view.container.querySelector<HTMLInputElement>('input[name="hoverDelayMs"]')!;
    expect(slider.type).toBe('range');
    expect(view.container.querySelector('output')!.textContent).toBe('0.15 s');
    slider.value = '1200';
    fireEvent.input(slider);
    view.rerender(<PreferencesForm value={{ ...DEFAULT_PREFERENCES }} onChange={onChange} />);
    expect(slider.value).toBe('1200');
    expect(view.container.querySelector('output')!.textContent).toBe('1.20 s');
    expect(slider.getAttribute('aria-valuetext')).toBe('1.20 s');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(slider);
    expect(onChange).toHaveBeenLastCalledWith({ hoverDelayMs: 1200 });
    // Focused, the slider is not moved by the echo of an earlier save; it shows the store once left.
    fireEvent.focus(slider);
    view.rerender(<PreferencesForm value={{ ...DEFAULT_PREFERENCES, hoverDelayMs: 50 }} onChange={onChange} />);
    expect(slider.value).toBe('1200');
    fireEvent.blur(slider);
    expect(slider.value).toBe('50');
  });

  it('saves each choice as it is made', () => {
    const onChange = vi.fn();
    const view = render(<PreferencesForm value={DEFAULT_PREFERENCES} onChange={onChange} />);
    fireEvent.click(view.container.querySelector('input[name="cardTrigger"][value="shift"]')!);
    expect(onChange).toHaveBeenLastCalledWith({ cardTrigger: 'shift' });
    expect(view.getByText('only while Shift is held')).toBeTruthy();
  });
});

describe('DeletableList', () => {
  it('deletes only on the second, confirming click, and renders titles as text; an item back under the same id asks again', () => {
    const onDelete = vi.fn();
    const view = render(
      <DeletableList
        className="documents"
        empty="none"
        items={[{ id: 'user-a-000001', title: '<img src=x onerror=alert(1)>', meta: 'm' }]}
        onDelete={onDelete}
      />,
    );
    fireEvent.click(view.getByRole('button'));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(view.getByRole('button', { name: 'Delete for good' }));
    expect(onDelete).toHaveBeenCalledWith('user-a-000001');
    expect(view.container.querySelector('img')).toBeNull();
    // Gone, then back under the same id (a restore): its next delete asks again.
    view.rerender(<DeletableList className="documents" empty="none" items={[]} onDelete={onDelete} />);
    view.rerender(
      <DeletableList
        className="documents"
        empty="none"
        items={[{ id: 'user-a-000001', title: 'Back', meta: 'm' }]}
        onDelete={onDelete}
      />,
    );
    fireEvent.click(view.getByRole('button'));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });
});

describe('DocumentImport', () => {
  it('takes a dropped file, and sends title, outlet and date with it', () => {
    const onImport = vi.fn();
    const view = render(<DocumentImport status={{ kind: 'idle' }} onImport={onImport} onCancel={() => {}} />);
    const file = new File(['The RCEP came up.'], 'notes.txt', { type: 'text/plain' });
    fireEvent.drop(view.container.querySelector('.dropzone')!, { dataTransfer: { files: [file] } });
    expect(view.getByText('Chosen: notes.txt')).toBeTruthy();
    const outlet = view.container.querySelector<HTMLInputElement>('input[name="outlet"]')!;
    outlet.value = 'My notebook';
    fireEvent.input(outlet);
    fireEvent.submit(view.container.querySelector('form')!);
    expect(onImport).toHaveBeenCalledWith({ file, pasted: '', title: '', outlet: 'My notebook', date: '' }, false);
  });

  it('shows a refusal as an alert, and real progress with Cancel while working', () => {
    const refused = render(
      <DocumentImport
        status={{ kind: 'refused', message: 'The file is empty: nothing was added.' }}
        onImport={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(refused.getByRole('alert').textContent).toBe('The file is empty: nothing was added.');
    expect(refused.container.querySelector('.add-again')).toBeNull();
    cleanup();
    const onCancel = vi.fn();
    const working = render(
      <DocumentImport
        status={{ kind: 'working', progress: { stage: 'reading', done: 2 * 1024 * 1024, total: 5 * 1024 * 1024 } }}
        onImport={() => {}}
        onCancel={onCancel}
      />,
    );
    expect(working.container.querySelector('progress')?.getAttribute('value')).toBe(String(2 * 1024 * 1024));
    expect(working.getByText('Reading the file: 2.0 MB of 5.0 MB')).toBeTruthy();
    expect(working.container.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    fireEvent.click(working.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    cleanup();
    const saving = render(
      <DocumentImport
        status={{ kind: 'working', progress: { stage: 'saving', done: 0, total: 1 } }}
        onImport={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(saving.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('offers to add a text already stored again, with the same input', () => {
    const onImport = vi.fn();
    const view = render(
      <DocumentImport
        status={{ kind: 'refused', message: 'This text is already in your documents', duplicate: true }}
        onImport={onImport}
        onCancel={() => {}}
      />,
    );
    const pasted = view.container.querySelector<HTMLTextAreaElement>('textarea[name="pasted"]')!;
    pasted.value = 'The RCEP came up.';
    fireEvent.input(pasted);
    fireEvent.click(view.getByRole('button', { name: 'Add it again all the same' }));
    expect(onImport).toHaveBeenCalledWith(
      { file: null, pasted: 'The RCEP came up.', title: '', outlet: '', date: '' },
      true,
    );
  });
});

describe('DeletableList while the store is read', () => {
  it('says it is loading, not that the list is empty', () => {
    const view = render(
      <DeletableList
        className="documents"
        empty="You have not added any documents yet."
        items={null}
        onDelete={() => {}}
      />,
    );
    expect(view.container.textContent).toBe('Loading…');
    expect(view.queryByText('You have not added any documents yet.')).toBeNull();
  });
});

describe('EntryForm', () => {
  const doc = {
    id: 'user-long-000001',
    file: '',
    title: 'Long report',
    outlet: null,
    authors: [],
    date: null,
    dateISO: null,
    user: true,
  };
  const paragraph = (n: number) => {
    const text = `Paragraph ${n}. Lach Huyen grew.`;
    return { docId: doc.id, n, text, sentences: splitSentences(text) };
  };

  it('asks for a long document’s paragraph by number, and reads only that one', async () => {
    const ranges: [number, number][] = [];
    const paragraphRange = async (_: string, from: number, to: number) => {
      ranges.push([from, to]);
      return [paragraph(from)];
    };
    const onAdd = vi.fn();
    const view = render(
      <EntryForm
        documents={[doc]}
        paragraphCount={async () => 36000}
        paragraphRange={paragraphRange}
        message={null}
        onAdd={onAdd}
      />,
    );
    fireEvent.change(view.container.querySelector('select[name="labelDocument"]')!, { target: { value: doc.id } });
    const number = await view.findByLabelText('Paragraph, by its number (1 to 36000)');
    expect(view.container.querySelector('select[name="labelParagraph"]')).toBeNull();
    fireEvent.change(number, { target: { value: '30001' } });
    await view.findByText('Lach Huyen grew.');
    expect(ranges).toEqual([[30001, 30001]]);
    fireEvent.input(view.container.querySelector('input[name="entryName"]')!, { target: { value: 'Lach Huyen' } });
    fireEvent.click(view.getAllByRole('radio')[1]);
    fireEvent.submit(view.container.querySelector('form')!);
    expect(onAdd).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Lach Huyen', label: { docId: doc.id, paragraph: 30001, start: 17, end: 33 } }),
    );
  });
});
