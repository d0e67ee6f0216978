import { describe, expect, it } from 'vitest';
import { inviteLink, parseInvite, serversAt } from './sharing.svelte';
import { newShareConfig } from '$lib/sync/share';

const HERE = { signaling: '/signal', relay: '/relay' };

describe('serversAt: the servers beside the app, on the page’s own origin', () => {
  it.each([
    ['http://192.168.1.20:4173', HERE, ['ws://192.168.1.20:4173/signal'], 'ws://192.168.1.20:4173/relay'],
    ['https://kebu.example.com', HERE, ['wss://kebu.example.com/signal'], 'wss://kebu.example.com/relay'],
    ['http://[fe80::1]:8080', HERE, ['ws://[fe80::1]:8080/signal'], 'ws://[fe80::1]:8080/relay'],
    ['http://localhost:4173', { signaling: '/signal' }, ['ws://localhost:4173/signal'], null],
    ['http://localhost:4173', { relay: '/relay' }, [], 'ws://localhost:4173/relay']
  ])('%s %j', (origin, found, signaling, relay) => {
    expect(serversAt(origin, found)).toEqual({ signaling, relay, iceServers: [] });
  });

  it.each([
    ['a static host’s fallback page', '<!doctype html>'],
    ['nothing', null],
    ['no paths', {}],
    ['another host', { signaling: 'ws://elsewhere:4444', relay: '//evil.example/relay' }],
    ['not paths', { signaling: 42, relay: ['/relay'] }]
  ])('is null for %s', (_what, found) => {
    expect(serversAt('http://192.168.1.20:4173', found)).toBeNull();
  });

  it('an invite made with them names the page’s origin for the app and both servers', () => {
    const origin = 'http://192.168.1.20:4173';
    const share = newShareConfig(serversAt(origin, HERE)!);
    const link = inviteLink(origin, share, '客簿');
    expect(link.startsWith(`${origin}/join#`)).toBe(true);
    const invite = parseInvite(new URL(link).hash)!;
    expect(invite.signaling).toEqual(['ws://192.168.1.20:4173/signal']);
    expect(invite.relay).toBe('ws://192.168.1.20:4173/relay');
    expect(link).not.toContain('4444');
  });
});
