package com.personnelevents.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one task from {@code clients} threads for a fixed time, each thread back to back (a closed
 * loop: the next request leaves when the previous answer arrives), and reports throughput and exact
 * latency percentiles from every sample, and what each party's CPU spent per request meanwhile.
 */
final class LoadRun {

    /** One unit of work; returns whether it succeeded (an HTTP 2xx, a committed transaction). */
    @FunctionalInterface
    interface Task {
        boolean run(int thread, long iteration) throws Exception;
    }

    record Result(
            String scenario,
            String side,
            int clients,
            long requests,
            long errors,
            double perSecond,
            double p50Millis,
            double p99Millis,
            ProcessCpu.PerRequest cpu,
            Double walBytes) {}

    /** A running total kept outside the run (the bytes of WAL the database wrote), read as the measured seconds start and end. */
    @FunctionalInterface
    interface Counter {
        long read() throws Exception;
    }

    private LoadRun() {}

    static Result run(String scenario, String side, int clients, Duration warmup, Duration duration, Task task)
            throws Exception {
        return run(scenario, side, clients, warmup, duration, task, null);
    }

    /** As above, with {@code counter}'s increase per request in the result's {@code walBytes} (null without one). */
    static Result run(
            String scenario, String side, int clients, Duration warmup, Duration duration, Task task, Counter counter)
            throws Exception {
        loop(clients, warmup, task, null);
        List<long[]> samples = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        ProcessCpu cpu = ProcessCpu.fromSystemProperties();
        Optional<ProcessCpu.Snapshot> cpuBefore = cpu.snapshot();
        long counted = counter == null ? 0 : counter.read();
        long started = System.nanoTime();
        List<LatencyLog> logs = loop(clients, duration, task, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        Optional<ProcessCpu.Snapshot> cpuAfter = cpu.snapshot();
        Long countedAfter = counter == null ? null : counter.read();
        logs.forEach(log -> samples.add(log.values()));
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                scenario,
                side,
                clients,
                all.length,
                errors.get(),
                all.length / seconds,
                percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6,
                cpuBefore.isPresent() && cpuAfter.isPresent()
                        ? cpu.perRequest(cpuBefore.get(), cpuAfter.get(), all.length)
                        : null,
                countedAfter == null || all.length == 0 ? null : (double) (countedAfter - counted) / all.length);
    }

    private static List<LatencyLog> loop(int clients, Duration duration, Task task, AtomicLong errors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            List<Future<LatencyLog>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    LatencyLog log = new LatencyLog();
                    long iteration = 0;
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = task.run(thread, iteration++);
                        } catch (Exception e) {
                            ok = false;
                        }
                        log.add(System.nanoTime() - start);
                        if (!ok && errors != null) {
                            errors.incrementAndGet();
                        }
                    }
                    return log;
                }));
            }
            List<LatencyLog> logs = new ArrayList<>();
            for (Future<LatencyLog> future : futures) {
                logs.add(future.get());
            }
            return logs;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A growable array of nanosecond latencies, one per thread so that recording needs no lock. */
    private static final class LatencyLog {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }
    }
}
