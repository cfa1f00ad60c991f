// @vitest-environment jsdom
// Save faults seen from the overlay: the background's answer never comes (service worker stopped),
// the message rejects (channel closed), or savedOnPage fails. The articles stay, each save button
// shows the error state with a retry, the banner says what happened, and a retry saves them.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderApp, type ReaderApi } from '../../../components/reader/ReaderApp';
import { SAVE_INTERRUPTED_MESSAGE, SAVE_TIMEOUT_MESSAGE, sendSave } from '../../../components/reader/run';
import { MessageTimeoutError, saveDeadlineMs, withDeadline, type Outcome } from '../../../lib/messages';
import type { ClipInput, SaveResult } from '../../../lib/store/types';
import type { Article, CleanPage } from '../../../lib/types';
import { paragraph } from './inputs';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const article = (i: number): Article => ({
  kind: 'article', kicker: null, title: `第${i}篇测试标题`, subtitle: null, byline: null, dateline: null,
  body: [{ type: 'paragraph', text: paragraph(i) }], credit: null, truncated: false, continuedOn: null,
});
const page = (n: number): CleanPage => ({
  source: { url: 'http://epaper.example.cn/html/2024-01/01/content_1.htm', paper: '测试日报', date: '2024-01-01' },
  articles: Array.from({ length: n }, (_, i) => article(i)),
  removed: [],
});
const ok = (inputs: ClipInput[]): Outcome<SaveResult> => ({ ok: true, value: { results: inputs.map((_, i) => ({ id: String(i), status: 'added' as const })) } });
const never = () => new Promise<never>(() => {});

const states = () => screen.getAllByTestId('reader-save').map((b) => b.getAttribute('data-state'));

describe('sendSave: the overlay side of the save message', () => {
  it('an unanswered message ends in a timeout error after the deadline, not before', async () => {
    vi.useFakeTimers();
    const inputs = [article(1), article(2)];
    let settled: Outcome<SaveResult> | undefined;
    void sendSave(inputs, never).then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(saveDeadlineMs(inputs.length) - 1);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual({ ok: false, error: { code: 'timeout', message: SAVE_TIMEOUT_MESSAGE } });
  });

  it('a rejected message (channel closed by a stopped worker) is an error outcome, not a throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const closed = () => Promise.reject(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'));
    expect(await sendSave([article(1)], closed)).toEqual({ ok: false, error: { code: 'interrupted', message: SAVE_INTERRUPTED_MESSAGE } });
    warn.mockRestore();
  });

  it('answers and store errors pass through untouched; the deadline grows with the batch', async () => {
    expect(await sendSave([article(1)], async (i) => ok(i))).toEqual(ok([article(1)]));
    const quota = { ok: false as const, error: { code: 'quota', message: 'The browser has no storage space left for clippings.' } };
    expect(await sendSave([article(1)], async () => quota)).toEqual(quota);
    expect(saveDeadlineMs(1000)).toBeGreaterThan(saveDeadlineMs(1));
    await expect(withDeadline(never(), 5, 'late')).rejects.toBeInstanceOf(MessageTimeoutError);
  });
});

describe('ReaderApp when the save fails', () => {
  function api(save: ReaderApi['save'], savedOnPage: ReaderApi['savedOnPage'] = async () => ({ ok: true, value: { signatures: [], count: 0 } })): ReaderApi {
    return { save: vi.fn(save), savedOnPage: vi.fn(savedOnPage), openClippings: vi.fn(async () => null) };
  }

  it('a save that throws: every article stays, with an error and a retry; the retry saves them', async () => {
    let fail = true;
    const a = api(async (inputs) => {
      if (fail) throw new Error('worker gone');
      return ok(inputs);
    });
    render(<ReaderApp page={page(5)} api={a} onClose={() => {}} />);
    await act(async () => fireEvent.click(screen.getByTestId('reader-save-all')));
    expect(states()).toEqual(Array(5).fill('error'));
    expect(screen.getByTestId('reader-error').textContent).toContain('worker gone');
    expect(screen.getAllByTestId('reader-article')).toHaveLength(5);
    expect((screen.getByTestId('reader-save-all') as HTMLButtonElement).disabled).toBe(false);

    fail = false;
    await act(async () => fireEvent.click(screen.getAllByTestId('reader-save')[2]!));
    expect(states()).toEqual(['error', 'error', 'saved', 'error', 'error']);
    await act(async () => fireEvent.click(screen.getByTestId('reader-save-all')));
    expect(states()).toEqual(Array(5).fill('saved'));
    expect(screen.queryByTestId('reader-error')).toBeNull();
    // The retry sent exactly the articles still unsaved.
    expect(vi.mocked(a.save).mock.calls.map((c) => c[0].length)).toEqual([5, 1, 4]);
  });

  it('a save that never answers: "saving" until the deadline, then the error and a retry', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let answer: ReaderApi['save'] = () => never();
    const a = api((inputs) => sendSave(inputs, (i) => answer(i)));
    render(<ReaderApp page={page(3)} api={a} onClose={() => {}} />);
    await act(async () => fireEvent.click(screen.getByTestId('reader-save-all')));
    expect(states()).toEqual(['saving', 'saving', 'saving']);
    await act(async () => void (await vi.advanceTimersByTimeAsync(saveDeadlineMs(3))));
    expect(states()).toEqual(['error', 'error', 'error']);
    // shown in the UI language (the message catalog), not the raw English message
    expect(screen.getByTestId('reader-error').textContent).toMatch(/did not answer in time|未及时响应/);
    answer = async (i) => ok(i);
    await act(async () => fireEvent.click(screen.getByTestId('reader-save-all')));
    expect(states()).toEqual(['saved', 'saved', 'saved']);
    warn.mockRestore();
  });

  it('savedOnPage failing or rejecting leaves the buttons at "save", with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      render(<ReaderApp page={page(2)} api={api(async (i) => ok(i), () => Promise.reject(new Error('no background')))} onClose={() => {}} />);
      await act(async () => new Promise((r) => setTimeout(r, 20)));
      expect(states()).toEqual(['idle', 'idle']);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
