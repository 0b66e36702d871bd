package com.personnelevents.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void adds_user_and_system_time_counted_after_a_command_name_with_spaces_and_parentheses() {
        String stat = "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 1 0 99 0 0";

        assertThat(ProcessCpu.ticks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void adds_the_time_of_children_that_ended_so_a_backend_that_exits_is_not_lost() {
        String stat = "4242 (postgres) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 800 200 20 0 1 0 99 0 0";

        assertThat(ProcessCpu.ticks(stat)).isEqualTo(1234 + 567 + 800 + 200);
    }

    @Test
    void a_process_that_ended_before_its_line_was_read_spent_nothing() {
        assertThat(ProcessCpu.ticks("")).isZero();
    }

    @Test
    void divides_each_partys_ticks_by_the_requests_in_milliseconds() {
        ProcessCpu cpu = new ProcessCpu(1, 100);

        ProcessCpu.PerRequest perRequest = cpu.perRequest(
                new ProcessCpu.Snapshot(1000, 2000, 300), new ProcessCpu.Snapshot(1300, 2100, 320), 1000);

        assertThat(perRequest).isEqualTo(new ProcessCpu.PerRequest(3.0, 1.0, 0.2));
    }

    @Test
    void reads_this_machines_processes_when_it_is_linux() {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "not Linux");
        ProcessCpu cpu = new ProcessCpu(ProcessHandle.current().pid(), 100);

        assertThat(cpu.snapshot()).hasValueSatisfying(s -> {
            assertThat(s.service()).isPositive();
            assertThat(s.driver()).isGreaterThanOrEqualTo(s.service());
        });
    }

    @Test
    void finds_the_jit_compiler_threads_of_a_running_jvm() {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "Linux only");

        assertThat(new ProcessCpu(ProcessHandle.current().pid(), 100).compilerTicks())
                .hasValueSatisfying(threads -> assertThat(threads).isNotEmpty());
        assertThat(ProcessCpu.isCompiler("C2 CompilerThre\n")).isTrue();
        assertThat(ProcessCpu.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(ProcessCpu.isCompiler("http-nio-8089-exec-1\n")).isFalse();
    }

    @Test
    void a_threads_own_time_leaves_out_what_the_process_reports_for_its_children() {
        String stat = "4243 (C2 CompilerThre) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 800 200 20 0 1 0 99 0 0";

        assertThat(ProcessCpu.ownTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void compiler_time_between_two_readings_counts_only_the_threads_in_both() {
        Map<String, Long> before = Map.of("10", 100L, "11", 50L);
        Map<String, Long> after = Map.of("10", 130L, "12", 500L);

        assertThat(ProcessCpu.compilerTicksBetween(before, after)).isEqualTo(30);
    }
}
