package dev.scrollback.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went ({@code jdk.ExecutionSample}): by thread (name with digits folded), by
 * method at the top of the stack (self), and by method anywhere on the stack (inclusive), as shares of all samples.
 *
 * <pre>bench/run jfr bench/results/fanout-…/server-one-room.jfr [rows]</pre>
 */
public final class JfrTop {
    public static void main(String[] args) throws Exception {
        var file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        var threads = new HashMap<String, Integer>();
        var self = new HashMap<String, Integer>();
        var inclusive = new HashMap<String, Integer>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) continue;
            samples++;
            var thread = event.getThread("sampledThread");
            var name = thread == null ? "?" : thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
            threads.merge(name == null ? "?" : name.replaceAll("\\d+", "N").replaceAll("live-.*", "live-<connection>"), 1, Integer::sum);
            var frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) self.merge(method(frames.getFirst()), 1, Integer::sum);
            var seen = new HashSet<String>();
            for (var frame : frames) {
                var m = method(frame);
                if (seen.add(m)) inclusive.merge(m, 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d execution samples%n", file, samples);
        print("threads", threads, samples, rows);
        print("self (top of stack)", self, samples, rows);
        print("inclusive (anywhere on the stack)", inclusive, samples, rows * 2);
    }

    private static String method(RecordedFrame frame) {
        var m = frame.getMethod();
        return m.getType().getName() + "." + m.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
