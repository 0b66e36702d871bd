package com.personnelevents.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's CPU went while the benchmark read, from a flight recording's execution samples: the
 * share of samples by layer (whose code the sampled thread was running), the top frames, and the nearest
 * frames of our own code.
 */
final class JfrTop {

    private JfrTop() {}

    /** Layers by package prefix, first match wins. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("com.personnelevents.", "our code");
        LAYERS.put("org.postgresql.", "JDBC driver");
        LAYERS.put("com.zaxxer.hikari.", "connection pool");
        LAYERS.put("org.springframework.jdbc.", "Spring JDBC");
        LAYERS.put("org.springframework.security.", "Spring Security");
        LAYERS.put("org.springframework.web.", "Spring MVC");
        LAYERS.put("org.springframework.transaction.", "Spring transactions");
        LAYERS.put("org.springframework.", "Spring (other)");
        LAYERS.put("tools.jackson.", "Jackson");
        LAYERS.put("com.fasterxml.jackson.", "Jackson");
        LAYERS.put("org.thymeleaf.", "Thymeleaf");
        LAYERS.put("org.apache.catalina.", "Tomcat");
        LAYERS.put("org.apache.coyote.", "Tomcat");
        LAYERS.put("org.apache.tomcat.", "Tomcat");
        LAYERS.put("io.micrometer.", "Micrometer");
        LAYERS.put("java.", "JDK");
        LAYERS.put("jdk.", "JDK");
        LAYERS.put("sun.", "JDK");
    }

    static String summarize(Path recording, int top) throws IOException {
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> phases = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> stack = event.getStackTrace().getFrames();
            if (stack.isEmpty()) {
                continue;
            }
            samples++;
            String first = name(stack.get(0));
            frames.merge(first, 1, Integer::sum);
            layers.merge(layer(first), 1, Integer::sum);
            List<String> names = stack.stream().map(JfrTop::name).toList();
            phases.merge(phase(names), 1, Integer::sum);
            names.stream()
                    .filter(n -> n.startsWith("com.personnelevents.") && !isFilter(n))
                    .findFirst()
                    .ifPresent(n -> ours.merge(n, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append("Execution samples: ").append(samples).append("\n\n");
        out.append("| part of the request (nearest framework or our frame to the sample) | share |\n| --- | ---: |\n");
        append(out, phases, samples, 20);
        out.append("\n| layer of the sampled frame | share |\n| --- | ---: |\n");
        append(out, layers, samples, 20);
        out.append("\n| top frame | share |\n| --- | ---: |\n");
        append(out, frames, samples, top);
        out.append(
                "\n| nearest frame of our code (filters and the page view left out: they wrap every request or page) | share |\n| --- | ---: |\n");
        append(out, ours, samples, top);
        return out.toString();
    }

    /**
     * The part of a request a sample was in: the nearest frame below the sampled one (JDK frames passed
     * over) that belongs to one of these, first prefix that matches.
     */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("com.personnelevents.web.JsonConfig", "the JSON answer written (Jackson)"),
            Map.entry("tools.jackson.", "the JSON answer written (Jackson)"),
            Map.entry("org.springframework.http.converter.", "the JSON answer written (Jackson)"),
            Map.entry("org.thymeleaf.", "the page rendered (Thymeleaf)"),
            Map.entry("com.personnelevents.web.PageViews", "the page rendered (Thymeleaf)"),
            Map.entry("org.postgresql.", "database calls (JDBC driver)"),
            Map.entry("com.zaxxer.hikari.", "database calls (connection pool)"),
            Map.entry("org.springframework.jdbc.", "database calls (Spring JDBC)"),
            Map.entry("org.springframework.transaction.", "transactions (Spring)"),
            Map.entry("org.springframework.session.", "sessions (Spring Session)"),
            Map.entry("org.springframework.security.", "security filters (Spring Security)"),
            Map.entry("org.springframework.web.", "Spring MVC"),
            Map.entry("org.springframework.", "Spring (other)"),
            Map.entry("io.micrometer.", "observations (Micrometer)"),
            Map.entry("org.apache.", "Tomcat (HTTP)"),
            Map.entry("com.personnelevents.", "our code (rows to answers, checks, filters)"));

    private static String phase(List<String> stack) {
        for (String frame : stack) {
            for (Map.Entry<String, String> phase : PHASES) {
                if (frame.startsWith(phase.getKey())) {
                    return phase.getValue();
                }
            }
        }
        return "elsewhere (GC, JIT, JDK only)";
    }

    /** Frames every request (filters) or every page (the view: {@code web.PageViews}) passes through. */
    private static boolean isFilter(String frame) {
        return frame.contains("Filter.doFilter")
                || frame.contains("Filter$")
                || frame.startsWith("com.personnelevents.web.PageViews");
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.append("| `")
                        .append(e.getKey())
                        .append("` | ")
                        .append(String.format("%.1f%%", 100.0 * e.getValue() / Math.max(1, samples)))
                        .append(" |\n"));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String layer(String frame) {
        return LAYERS.entrySet().stream()
                .filter(e -> frame.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("other");
    }
}
