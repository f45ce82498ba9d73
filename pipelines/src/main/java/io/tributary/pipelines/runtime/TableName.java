package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;

/** A lake table's name: its layer (the catalog database) and its name in the layer. */
@PublicEvolving
public record TableName(String layer, String name) {
    /** {@code bronze.weblogs_raw}; a name without a layer is refused. */
    public static TableName parse(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            throw new IllegalArgumentException("'" + qualified + "' is not <layer>.<table>");
        }
        return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    public String qualified() {
        return layer + "." + name;
    }

    /** Where the table lives under {@code lakeRoot}: {@code <root>/<layer>/<name>}. */
    public String location(String lakeRoot) {
        return StoragePaths.join(lakeRoot, layer, name);
    }

    @Override
    public String toString() {
        return qualified();
    }
}
