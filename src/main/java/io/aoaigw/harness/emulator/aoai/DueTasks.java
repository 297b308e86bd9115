package io.aoaigw.harness.emulator.aoai;

import java.util.Arrays;

/**
 * Tasks ordered by due time, earliest first, ties in filing order: a binary heap over parallel arrays, so filing and
 * taking a task allocate nothing once the arrays have grown to the number of pending tasks (one per open stream).
 * Not thread-safe: confined to one event loop.
 */
final class DueTasks {
    private long[] due = new long[64];
    private long[] order = new long[64];
    private Runnable[] tasks = new Runnable[64];
    private int size;
    private long filed;

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest due time; only when not empty. */
    long earliest() {
        return due[0];
    }

    void add(long dueAt, Runnable task) {
        if (size == due.length) {
            due = Arrays.copyOf(due, size * 2);
            order = Arrays.copyOf(order, size * 2);
            tasks = Arrays.copyOf(tasks, size * 2);
        }
        int i = size++;
        long seq = filed++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(dueAt, seq, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, dueAt, seq, task);
    }

    /** Removes and returns the earliest task; only when not empty. */
    Runnable poll() {
        Runnable first = tasks[0];
        int last = --size;
        long dueAt = due[last];
        long seq = order[last];
        Runnable task = tasks[last];
        tasks[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && before(due[child + 1], order[child + 1], child)) {
                    child++;
                }
                if (!before(due[child], order[child], dueAt, seq)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            set(i, dueAt, seq, task);
        }
        return first;
    }

    private boolean before(long dueAt, long seq, int slot) {
        return before(dueAt, seq, due[slot], order[slot]);
    }

    private static boolean before(long dueA, long seqA, long dueB, long seqB) {
        return dueA < dueB || (dueA == dueB && seqA < seqB);
    }

    private void move(int from, int to) {
        set(to, due[from], order[from], tasks[from]);
    }

    private void set(int slot, long dueAt, long seq, Runnable task) {
        due[slot] = dueAt;
        order[slot] = seq;
        tasks[slot] = task;
    }
}
