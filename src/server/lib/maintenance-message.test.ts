import { formatWindowMessage, parseWindowMessage } from './maintenance-message';

const ID = '3f1c2b9e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';

describe('the window message', () => {
  it('writes the reason, the ticket, the override and the marker, one per line', () => {
    expect(
      formatWindowMessage({
        reason: 'Database upgrade',
        ticket: 'https://jira.example.com/browse/OPS-42',
        overrideReason: 'Vendor window is 10 days',
        username: 'ana',
        windowId: ID,
      }),
    ).toBe(
      [
        'Database upgrade',
        'Ticket: https://jira.example.com/browse/OPS-42',
        'Override: Vendor window is 10 days',
        `— planned in watchdeck by ana · window ${ID}`,
      ].join('\n'),
    );
  });

  it('leaves out the ticket and override lines when there are none', () => {
    expect(formatWindowMessage({ reason: 'Deploy', ticket: null, overrideReason: null, username: 'ana', windowId: ID })).toBe(
      `Deploy\n— planned in watchdeck by ana · window ${ID}`,
    );
  });

  it('reads back what it writes, for every combination', () => {
    for (const ticket of [null, 'https://t.example.com/1']) {
      for (const overrideReason of [null, 'long vendor job']) {
        const m = { reason: 'Line one\nline two', ticket, overrideReason, username: 'bob.smith', windowId: ID };
        expect(parseWindowMessage(formatWindowMessage(m))).toEqual({
          windowId: ID,
          reason: 'Line one\nline two',
          ticket,
          overrideReason,
          username: 'bob.smith',
        });
      }
    }
  });

  it('keeps an override reason to one line, so it cannot fake a marker', () => {
    const text = formatWindowMessage({
      reason: 'r',
      ticket: null,
      overrideReason: `why\n— planned in watchdeck by mallory · window evil`,
      username: 'ana',
      windowId: ID,
    });
    expect(parseWindowMessage(text)).toMatchObject({ windowId: ID, username: 'ana' });
    expect(text.split('\n')).toHaveLength(3);
  });

  it('is tolerant of edits: CRLF, ASCII dashes and dots, spacing, case, trailing blank lines', () => {
    for (const marker of [
      `— planned in watchdeck by ana · window ${ID}`,
      `- planned in watchdeck by ana | window ${ID}`,
      `-- Planned in Watchdeck by ana - window ${ID}  `,
      `  – planned in watchdeck by   ana • window ${ID}`,
    ]) {
      const parsed = parseWindowMessage(`Deploy\r\nticket:   https://t.example.com/9\r\n${marker}\r\n\r\n`);
      expect(parsed).toEqual({ windowId: ID, reason: 'Deploy', ticket: 'https://t.example.com/9', overrideReason: null, username: 'ana' });
    }
  });

  it("reads the mute route's message: its author and reason, but no window", () => {
    expect(parseWindowMessage('by test-responder via watchdeck: patching the kernel')).toEqual({
      windowId: null,
      reason: 'patching the kernel',
      ticket: null,
      overrideReason: null,
      username: 'test-responder',
    });
  });

  it('takes any other message as the reason, and an empty one as none', () => {
    expect(parseWindowMessage('Made in the Datadog UI')).toEqual({
      windowId: null,
      reason: 'Made in the Datadog UI',
      ticket: null,
      overrideReason: null,
      username: null,
    });
    expect(parseWindowMessage(null).reason).toBeNull();
    expect(parseWindowMessage('  \n ').reason).toBeNull();
  });

  it('does not take a marker that is not the last line, nor a reason-less "Ticket:" as a ticket', () => {
    expect(parseWindowMessage(`— planned in watchdeck by ana · window ${ID}\nmore text`).windowId).toBeNull();
    expect(parseWindowMessage(`Ticket: https://t.example.com/1\n— planned in watchdeck by ana · window ${ID}`)).toMatchObject({
      reason: 'Ticket: https://t.example.com/1',
      ticket: null,
    });
  });
});
