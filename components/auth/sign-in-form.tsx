'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

function explain(code: string | undefined | null): string {
  if (!code) return 'Sign-in failed. Try again.';
  const m = /^TooManyAttempts:(\d+)/.exec(code);
  if (m) return `Too many attempts. Try again in ${Math.ceil(Number(m[1]) / 60)} minute(s).`;
  if (code === 'CredentialsSignin') return 'Email or password is not right, or the account is disabled.';
  return 'Sign-in failed. Try again.';
}

export function SignInForm({ next }: { next: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await signIn('credentials', { email, password, redirect: false });
      if (res?.ok && !res.error) {
        // A full page load, so the server sees the new session cookie (next-auth v4 + App Router).
        window.location.assign(next);
        return;
      }
      setError(explain(res?.error));
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
    setBusy(false);
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      noValidate
    >
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || !email || !password}
        className="w-full rounded-md bg-brand px-4 py-2 font-medium text-brand-ink disabled:opacity-60"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
