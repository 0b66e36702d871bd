package com.personnelevents.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JVM GC log written with {@code -Xlog:gc:file=...:time,uptime} and says, minute by minute of
 * a window, how much heap was left after each collection. The lowest of those per minute is the live
 * data: when it climbs from minute to minute, something is kept that should not be.
 */
final class GcLog {

    private static final Pattern LINE = Pattern.compile(
            "^\\[([^\\]]+)\\]\\[[^\\]]+\\] GC\\(\\d+\\) (Pause (?:Young|Full|Mixed).*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** How {@code -Xlog:...:time} writes the moment of a line. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    record Collection(Instant at, String kind, long beforeMb, long afterMb, long heapMb) {}

    /** {@code liveMb}: what the minute's last full collection left, -1 without one. */
    record Minute(
            int minute, int collections, long lowestAfterMb, long highestAfterMb, int fullCollections, long liveMb) {}

    private GcLog() {}

    static List<Collection> parse(List<String> lines) {
        List<Collection> collections = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                collections.add(new Collection(
                        OffsetDateTime.parse(m.group(1), TIME).toInstant(),
                        m.group(2).trim(),
                        Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)),
                        Long.parseLong(m.group(5))));
            }
        }
        return collections;
    }

    /** The collections of the window, by minute from its start. */
    static List<Minute> byMinute(List<Collection> collections, Instant from, Instant to) {
        int minutes = (int) Math.max(1, (Duration.between(from, to).toSeconds() + 59) / 60);
        List<Minute> result = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            Instant start = from.plusSeconds(60L * i);
            Instant end = i == minutes - 1 ? to : start.plusSeconds(60);
            List<Collection> in = collections.stream()
                    .filter(c -> !c.at().isBefore(start) && c.at().isBefore(end))
                    .toList();
            result.add(new Minute(
                    i + 1,
                    in.size(),
                    in.stream().mapToLong(Collection::afterMb).min().orElse(-1),
                    in.stream().mapToLong(Collection::afterMb).max().orElse(-1),
                    (int) in.stream()
                            .filter(c -> c.kind().startsWith("Pause Full"))
                            .count(),
                    in.stream()
                            .filter(c -> c.kind().startsWith("Pause Full"))
                            .reduce((first, second) -> second)
                            .map(Collection::afterMb)
                            .orElse(-1L)));
        }
        return result;
    }

    static String markdown(List<Minute> minutes) {
        StringBuilder md = new StringBuilder(
                "| minute | collections | lowest heap after GC (MB) | highest heap after GC (MB) | full GCs | live after full GC (MB) |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Minute m : minutes) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d | %d | %d | %s |%n",
                    m.minute(),
                    m.collections(),
                    m.lowestAfterMb(),
                    m.highestAfterMb(),
                    m.fullCollections(),
                    m.liveMb() < 0 ? "" : String.valueOf(m.liveMb())));
        }
        return md.toString();
    }
}
