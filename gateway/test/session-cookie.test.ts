import { ServerResponse, IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatSessionHeader } from '@dash/auth-context';
import { applySessionHeader, sessionTokenOf } from '../src/session-cookie.js';

const cookieFor = (secure: boolean) => {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  const expiresAt = new Date('2030-01-01T00:00:00Z');
  applySessionHeader(
    formatSessionHeader({ action: 'set', token: 'tok', expiresAt }),
    response,
    secure,
  );
  return [response.getHeader('set-cookie')].flat();
};

const requestWith = (cookie: string) => {
  const request = new IncomingMessage(new Socket());
  request.headers.cookie = cookie;
  return request;
};

describe('the session cookie', () => {
  it('is __Host- prefixed and Secure in production', () => {
    expect(cookieFor(true)).toEqual([
      '__Host-dash_session=tok; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
    ]);
  });

  it('works over plain http in development', () => {
    expect(cookieFor(false)).toEqual([
      'dash_session=tok; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; SameSite=Lax',
    ]);
  });

  it('in production ignores a cookie without the prefix, which a sibling subdomain could plant', () => {
    expect(sessionTokenOf(requestWith('dash_session=planted'), true)).toBeUndefined();
    expect(sessionTokenOf(requestWith('__Host-dash_session=real'), true)).toBe('real');
    expect(sessionTokenOf(requestWith('dash_session=dev'), false)).toBe('dev');
  });
});
