package io.aoaigw.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process from {@code /proc/PID/stat} (utime + stime, fields 14 and 15, in clock ticks). A
 * {@link #sample} before and after a run gives the cores the process used over that wall time.
 */
final class ProcCpu {
    private final Path stat;
    private final long ticksPerSecond;

    ProcCpu(String pid, long ticksPerSecond) {
        this.stat = Path.of("/proc", pid, "stat");
        this.ticksPerSecond = ticksPerSecond;
    }

    static ProcCpu self(long ticksPerSecond) {
        return new ProcCpu(Long.toString(ProcessHandle.current().pid()), ticksPerSecond);
    }

    /** CPU seconds used so far by the process (all threads), or NaN when /proc cannot be read. */
    double cpuSeconds() {
        try {
            String s = Files.readString(stat);
            // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state): utime is field 14 -> f[11], stime field 15 -> f[12]
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    record Sample(double cpuSeconds, long nanos) {
    }

    /** Whole machine from {@code /proc/stat}: busy (all but idle and iowait) and steal, in CPU seconds. */
    record MachineSample(double busySeconds, double stealSeconds, long nanos) {
    }

    MachineSample machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new MachineSample(busy / (double) ticksPerSecond, steal / (double) ticksPerSecond,
                    System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return new MachineSample(Double.NaN, Double.NaN, System.nanoTime());
        }
    }

    /** Busy cores of the whole machine between two samples (includes every other process). */
    static double machineCores(MachineSample from, MachineSample to) {
        return (to.busySeconds() - from.busySeconds()) / ((to.nanos() - from.nanos()) / 1e9);
    }

    Sample sample() {
        return new Sample(cpuSeconds(), System.nanoTime());
    }

    /** Cores used between two samples: CPU seconds / wall seconds. */
    static double cores(Sample from, Sample to) {
        return (to.cpuSeconds() - from.cpuSeconds()) / ((to.nanos() - from.nanos()) / 1e9);
    }
}
