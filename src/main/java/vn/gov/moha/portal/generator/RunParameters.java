package vn.gov.moha.portal.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * What a run keeps from its first week to its last. Each week's GENERATE entry in the event log carries it
 * (the marker), so a run started again after a kill reads it back and goes on with the same parameters.
 */
record RunParameters(Scale scale, long seed, LocalDateTime until, long firstAssignment) {

    /** The parameters the unfinished run wrote into its last marker. */
    static RunParameters of(Map<String, String> marker) {
        return new RunParameters(
                Scale.of(
                        marker.get("scale"),
                        Integer.valueOf(marker.get("tasks")),
                        Integer.valueOf(marker.get("provinces")),
                        Integer.valueOf(marker.get("every"))),
                Long.parseLong(marker.get("seed")),
                LocalDateTime.parse(marker.get("until")),
                Long.parseLong(marker.get("first")));
    }

    /** A marker's text as key/value pairs. */
    static Map<String, String> parse(String marker) {
        Map<String, String> values = new HashMap<>();
        for (String part : marker.split("; ")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return values;
    }

    /** The marker of week {@code chunk} (from 0) of {@code chunks}; it counts the weeks done, from 1. */
    String marker(int chunk, int chunks) {
        return scale.describe() + "; seed=" + seed + "; until=" + until + "; first=" + firstAssignment + "; chunk="
                + (chunk + 1) + "; chunks=" + chunks;
    }

    /** Calendar weeks from Monday 1/1/2024 to the week with the end time. */
    int weeks() {
        return (int) (ChronoUnit.WEEKS.between(DataGenerator.FIRST_MONDAY, until.toLocalDate()) + 1);
    }

    /**
     * A random generator of its own for one thing (an assignment's year, a report), seeded by the run's seed
     * and the thing's names: what a week draws does not depend on what other weeks drew, or on a restart.
     */
    Random random(Object... key) {
        StringBuilder s = new StringBuilder().append(seed);
        for (Object k : key) {
            s.append('|').append(k);
        }
        byte[] d = DigestUtils.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (d[i] & 0xff);
        }
        return new Random(value);
    }
}
