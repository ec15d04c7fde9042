// What the database benchmarks share: timing a subject beside its floor in the same run (alternating which goes first,
// so the ratio holds on a noisy machine), their lines of figures, seeding in batches, and a PostgreSQL schema of their own.
import { percentile } from './stats.js';

/** One run: wall time, and this process's CPU time (user + system), which a busy machine inflates far less. */
export interface Sample {
  wall: number;
  cpu: number;
}

/** How many runs are timed, after how many untimed ones. */
export interface Runs {
  warmup: number;
  iterations: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Sample> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The subject and its floor, back to back each iteration, which one first alternating. */
export async function sideBySide(
  subject: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  { warmup, iterations }: Runs,
): Promise<{ subject: Sample[]; floor: Sample[] }> {
  const subjects: Sample[] = [];
  const floors: Sample[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    let a: Sample;
    let b: Sample;
    if (i % 2 === 0) {
      a = await timed(subject);
      b = await timed(floor);
    } else {
      b = await timed(floor);
      a = await timed(subject);
    }
    if (i >= warmup) {
      subjects.push(a);
      floors.push(b);
    }
  }
  return { subject: subjects, floor: floors };
}

/** The subject alone, for a figure printed beside the others. */
export async function alone(fn: () => Promise<unknown>, { warmup, iterations }: Runs): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const sample = await timed(fn);
    if (i >= warmup) samples.push(sample);
  }
  return samples;
}

const p = (samples: Sample[], of: keyof Sample, percent: number) =>
  percentile(
    samples.map((sample) => sample[of]).sort((a, b) => a - b),
    percent,
  );
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(7);

/**
 * A line: wall p50 and p95 and, when `cpuCounts` (SQLite, where all the work is this process's; PostgreSQL's server
 * works in its own), CPU p50, each with its ratio to `floor` when there is one.
 */
export function line(name: string, samples: Sample[], floor: Sample[] | null, cpuCounts: boolean): string {
  const wall = `wall p50 ${ms(p(samples, 'wall', 50))}${floor ? x(p(samples, 'wall', 50), p(floor, 'wall', 50)) : '       '}`;
  const cpu = cpuCounts ? `   cpu p50 ${ms(p(samples, 'cpu', 50))}${floor ? x(p(samples, 'cpu', 50), p(floor, 'cpu', 50)) : ''}` : '';
  return `    ${name.padEnd(44)} ${wall}   p95 ${ms(p(samples, 'wall', 95))}${cpu}`;
}

/** Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 500;

export async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

export async function postgresReachable(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema for the run (`bench_<name>_<pid>`), dropped after it. */
export async function withPostgresSchema(url: string, name: string, fn: (location: string) => Promise<void>): Promise<void> {
  const { default: pg } = await import('pg');
  const schema = `bench_${name}_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  try {
    const location = new URL(url);
    location.searchParams.set('options', `-c search_path=${schema}`);
    await fn(location.toString());
  } finally {
    await admin(`drop schema ${schema} cascade`);
  }
}
