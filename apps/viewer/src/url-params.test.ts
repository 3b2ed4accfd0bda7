// Tests of URL parameter parsing: default WebSocket on the page's host, overrides, rollout URLs, bad values.
import { describe, expect, it } from 'vitest';
import { parseViewerParams } from './url-params.js';

const page = { protocol: 'http:', host: 'localhost:8080' };

describe('parseViewerParams', () => {
  it('defaults to /ws on the page host, wss for https pages, and no socket for file pages', () => {
    expect(parseViewerParams('', page).wsUrl).toBe('ws://localhost:8080/ws');
    expect(parseViewerParams('', { protocol: 'https:', host: 'example.org' }).wsUrl).toBe('wss://example.org/ws');
    expect(parseViewerParams('', { protocol: 'file:', host: '' }).wsUrl).toBeNull();
  });

  it('accepts a full URL, a path or off for ?ws=', () => {
    expect(parseViewerParams('?ws=ws://other:9000/live', page).wsUrl).toBe('ws://other:9000/live');
    expect(parseViewerParams('?ws=/stream', page).wsUrl).toBe('ws://localhost:8080/stream');
    expect(parseViewerParams('?ws=off', page).wsUrl).toBeNull();
    expect(() => parseViewerParams('?ws=http://x', page)).toThrow(/\?ws=: expected a ws:\/\/ or wss:\/\/ URL.*received "http:\/\/x"/);
  });

  it('collects every ?rollout= and reads speed and run', () => {
    const params = parseViewerParams('?rollout=a.rgr&rollout=%2Fruns%2Fb.rgr&speed=0.5&run=hopper-1', page);
    expect(params.rolloutUrls).toEqual(['a.rgr', '/runs/b.rgr']);
    expect(params.speed).toBe(0.5);
    expect(params.runId).toBe('hopper-1');
    expect(params.sweep).toBeUndefined();
    expect(parseViewerParams('?sweep=alpha-study', page).sweep).toBe('alpha-study');
    expect(() => parseViewerParams('?speed=fast', page)).toThrow(/\?speed=: expected a number > 0, received "fast"/);
  });
});
