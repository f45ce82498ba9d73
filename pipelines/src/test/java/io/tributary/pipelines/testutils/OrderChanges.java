package io.tributary.pipelines.testutils;

import io.tributary.pipelines.cdc.command.OrderChangeScript;
import io.tributary.pipelines.cdc.command.OrderChangeScript.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tables a correct CDC job must end with after an {@link OrderChangeScript}, computed by
 * replaying the script in commit order.
 */
public final class OrderChanges {
    private OrderChanges() {}

    /** The rows {@code silver.<domain>_orders} must hold, sorted. */
    public static List<String> currentRows(List<Change> script) {
        Map<Long, Change> live = new TreeMap<>();
        for (Change change : script) {
            if (change.op.equals("delete")) {
                live.remove(change.id);
            } else {
                live.put(change.id, change);
            }
        }
        return live.values().stream().map(Change::row).sorted().collect(Collectors.toList());
    }

    /**
     * The rows {@code silver.<domain>_orders_history} must hold, sorted: per key one version per
     * commit time (the last change of that commit), valid until the key's next commit.
     */
    public static List<String> historyRows(List<Change> script) {
        Map<Long, TreeMap<Long, Change>> byKey = new TreeMap<>();
        for (Change change : script) {
            byKey.computeIfAbsent(change.id, k -> new TreeMap<>()).put(change.commitMicros, change);
        }
        List<String> rows = new ArrayList<>();
        byKey.values()
                .forEach(
                        versions -> {
                            List<Change> ordered = new ArrayList<>(versions.values());
                            for (int i = 0; i < ordered.size(); i++) {
                                Change version = ordered.get(i);
                                if (version.op.equals("delete")) {
                                    continue;
                                }
                                Change next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
                                rows.add(
                                        version.row()
                                                + ","
                                                + instant(version.commitMicros)
                                                + ","
                                                + (next == null
                                                        ? "null"
                                                        : instant(next.commitMicros))
                                                + ","
                                                + (next == null));
                            }
                        });
        return rows.stream().sorted().collect(Collectors.toList());
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
    }
}
