package io.tributary.pipelines.retail.live;

import io.tributary.pipelines.retail.SimilarityAlgorithm;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.Row;

/**
 * The live model's checkpointed state, in a versioned format of its own: one chunk per person
 * (their items with event counts, and the recommendation row the sink holds for them), one per item
 * (its purchase events and the neighbours the sink holds for it), and one of what was stale. Chunks
 * keep any one element of Flink's list state small however large the model grows. The indexes
 * (pools, samples, who saw what) are rebuilt from the interactions on restore.
 */
final class ModelSnapshot {
    static final int VERSION = 1;

    private static final byte PERSON = 1;
    private static final byte ITEM = 2;
    private static final byte DIRTY = 3;
    private static final byte DAY = 4;
    private static final byte QUALITY = 5;

    private ModelSnapshot() {}

    static List<byte[]> write(IncrementalModel model, LiveEvaluation evaluation)
            throws IOException {
        List<byte[]> chunks = write(model);
        for (Map.Entry<LocalDate, Map<LiveEvaluation.Event, Integer>> day :
                evaluation.days.entrySet()) {
            DataOutputSerializer out = chunk(DAY);
            out.writeLong(day.getKey().toEpochDay());
            out.writeInt(day.getValue().size());
            for (Map.Entry<LiveEvaluation.Event, Integer> e : day.getValue().entrySet()) {
                writeStrings(out, new String[] {e.getKey().person, e.getKey().item});
                out.writeBoolean(e.getKey().purchased);
                out.writeInt(e.getValue());
            }
            chunks.add(out.getCopyOfBuffer());
        }
        for (Row row : evaluation.emitted.values()) {
            DataOutputSerializer out = chunk(QUALITY);
            out.writeUTF(row.getFieldAs(0));
            out.writeInt(row.<Integer>getFieldAs(1));
            for (int f = 2; f < 8; f++) {
                out.writeDouble(row.<Double>getFieldAs(f));
            }
            out.writeLong(row.<Long>getFieldAs(8));
            out.writeLong(row.<LocalDate>getFieldAs(9).toEpochDay());
            chunks.add(out.getCopyOfBuffer());
        }
        return chunks;
    }

    static List<byte[]> write(IncrementalModel model) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> person : model.graph.persons().entrySet()) {
            DataOutputSerializer out = chunk(PERSON);
            out.writeUTF(person.getKey());
            out.writeInt(person.getValue().size());
            for (Map.Entry<String, Integer> item : person.getValue().entrySet()) {
                out.writeUTF(item.getKey());
                out.writeInt(item.getValue());
            }
            writeRow(out, model.recommendations.get(person.getKey()));
            chunks.add(out.getCopyOfBuffer());
        }
        Set<String> items = new TreeSet<>(model.graph.purchases().keySet());
        model.emitted.values().forEach(held -> items.addAll(held.keySet()));
        for (String item : items) {
            DataOutputSerializer out = chunk(ITEM);
            out.writeUTF(item);
            out.writeLong(model.graph.purchases().getOrDefault(item, 0L));
            for (SimilarityAlgorithm algorithm : SimilarityAlgorithm.values()) {
                Neighbours list = model.emitted.get(algorithm).getOrDefault(item, Neighbours.NONE);
                out.writeInt(list.size());
                for (int r = 0; r < list.size(); r++) {
                    out.writeUTF(list.items[r]);
                    out.writeDouble(list.scores[r]);
                }
            }
            chunks.add(out.getCopyOfBuffer());
        }
        DataOutputSerializer out = chunk(DIRTY);
        for (Set<String> set : model.dirty.sets()) {
            writeStrings(out, set.toArray(new String[0]));
        }
        out.writeBoolean(model.dirty.popular);
        chunks.add(out.getCopyOfBuffer());
        return chunks;
    }

    static void read(Iterable<byte[]> chunks, IncrementalModel model) throws IOException {
        read(chunks, model, null);
    }

    /**
     * Restores the model and, when given, the evaluation: its days are replayed (which rebuilds the
     * training model) and its rows are what the sink holds.
     */
    static void read(Iterable<byte[]> chunks, IncrementalModel model, LiveEvaluation evaluation)
            throws IOException {
        List<byte[]> dirty = new ArrayList<>();
        for (byte[] chunk : chunks) {
            DataInputDeserializer in = new DataInputDeserializer(chunk);
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(
                        "The retail model's state is of version "
                                + version
                                + "; this Tributary reads version "
                                + VERSION);
            }
            byte kind = in.readByte();
            if (kind == PERSON) {
                String person = in.readUTF();
                int size = in.readInt();
                for (int k = 0; k < size; k++) {
                    model.graph.restore(person, in.readUTF(), in.readInt());
                }
                Row row = readRow(in);
                if (row != null) {
                    model.recommendations.put(person, row);
                }
            } else if (kind == ITEM) {
                String item = in.readUTF();
                long purchases = in.readLong();
                if (purchases != 0) {
                    model.graph.restorePurchases(item, purchases);
                }
                for (SimilarityAlgorithm algorithm : SimilarityAlgorithm.values()) {
                    int size = in.readInt();
                    String[] ids = new String[size];
                    Double[] scores = new Double[size];
                    for (int r = 0; r < size; r++) {
                        ids[r] = in.readUTF();
                        scores[r] = in.readDouble();
                    }
                    if (size > 0) {
                        model.emitted.get(algorithm).put(item, new Neighbours(ids, scores));
                    }
                }
            } else if (kind == DIRTY) {
                dirty.add(chunk);
            } else if (kind == DAY) {
                LocalDate date = LocalDate.ofEpochDay(in.readLong());
                int size = in.readInt();
                for (int k = 0; k < size; k++) {
                    String[] ids = readStrings(in);
                    boolean purchased = in.readBoolean();
                    int count = in.readInt();
                    for (int n = 0; n < count && evaluation != null; n++) {
                        evaluation.apply(ids[0], ids[1], purchased, date, 1);
                    }
                }
            } else if (kind == QUALITY) {
                Row row = new Row(10);
                row.setField(0, in.readUTF());
                row.setField(1, in.readInt());
                for (int f = 2; f < 8; f++) {
                    row.setField(f, in.readDouble());
                }
                row.setField(8, in.readLong());
                row.setField(9, LocalDate.ofEpochDay(in.readLong()));
                if (evaluation != null) {
                    evaluation.emitted.put(row.getFieldAs(0), row);
                }
            } else {
                throw new IOException("Unknown chunk " + kind + " in the retail model's state");
            }
        }
        // Rebuilding the indexes marked everything stale; what was stale is what the state says.
        model.dirty.clear();
        for (byte[] chunk : dirty) {
            DataInputDeserializer in = new DataInputDeserializer(chunk);
            in.readInt();
            in.readByte();
            for (Set<String> set : model.dirty.sets()) {
                set.addAll(List.of(readStrings(in)));
            }
            model.dirty.popular |= in.readBoolean();
        }
        model.restored();
        if (evaluation != null) {
            evaluation.restored();
        }
    }

    private static DataOutputSerializer chunk(byte kind) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(VERSION);
        out.writeByte(kind);
        return out;
    }

    /** A recommendation row: person, algorithm, seen, recommended, scores, because, strategy. */
    private static void writeRow(DataOutputSerializer out, Row row) throws IOException {
        out.writeBoolean(row != null);
        if (row == null) {
            return;
        }
        out.writeUTF(row.getFieldAs(0));
        out.writeUTF(row.getFieldAs(1));
        writeStrings(out, row.getFieldAs(2));
        writeStrings(out, row.getFieldAs(3));
        Double[] scores = row.getFieldAs(4);
        out.writeInt(scores == null ? -1 : scores.length);
        for (int k = 0; scores != null && k < scores.length; k++) {
            out.writeDouble(scores[k]);
        }
        writeStrings(out, row.getFieldAs(5));
        out.writeUTF(row.getFieldAs(6));
    }

    private static Row readRow(DataInputDeserializer in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String person = in.readUTF();
        String algorithm = in.readUTF();
        String[] seen = readStrings(in);
        String[] recommended = readStrings(in);
        int n = in.readInt();
        Double[] scores = n < 0 ? null : new Double[n];
        for (int k = 0; k < n; k++) {
            scores[k] = in.readDouble();
        }
        String[] because = readStrings(in);
        return Row.of(person, algorithm, seen, recommended, scores, because, in.readUTF());
    }

    /** A nullable array of nullable strings. */
    private static void writeStrings(DataOutputSerializer out, String[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        for (int k = 0; values != null && k < values.length; k++) {
            out.writeBoolean(values[k] != null);
            if (values[k] != null) {
                out.writeUTF(values[k]);
            }
        }
    }

    private static String[] readStrings(DataInputDeserializer in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        String[] values = new String[n];
        for (int k = 0; k < n; k++) {
            values[k] = in.readBoolean() ? in.readUTF() : null;
        }
        return values;
    }
}
