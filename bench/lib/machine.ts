import os from 'node:os';
import fs from 'node:fs';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  let cores = cpus.length;
  // A cgroup CPU quota (containers) can be lower than the CPUs the kernel lists.
  try {
    const [quota, period] = fs.readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(/\s+/);
    if (quota && quota !== 'max') cores = Math.min(cores, Math.max(1, Math.round(Number(quota) / Number(period))));
  } catch {
    /* no cgroup v2 limit */
  }
  return {
    cores,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
