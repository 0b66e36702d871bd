package com.personnelevents.support;

import com.personnelevents.Application;
import com.personnelevents.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/** One run of a jar command ({@code token ...}, {@code audit ...}) in this JVM, with what it printed. */
public record CommandRun(int exitCode, String out, String err) {

    /** {@code java -jar personnel-events.jar <args>}, for a command: what main runs, without its exit. */
    public static CommandRun jar(String... args) {
        return of(arguments -> Cli.run(Application.class, arguments, Application.COMMANDS), args);
    }

    /** The same, with {@code input} on standard input (a password given with --password-stdin). */
    public static CommandRun jarWithInput(String input, String... args) {
        java.io.InputStream originalIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return jar(args);
        } finally {
            System.setIn(originalIn);
        }
    }

    /** Runs {@code command} on {@code args}, capturing standard output and error. */
    public static CommandRun of(ToIntFunction<String[]> command, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = command.applyAsInt(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
